/**
 * The bridge itself: the page sees exactly the contract's methods as `window.lectern`, bytes
 * cross intact and events arrive. What only the real preload can get wrong runs in the electron
 * project; preload/index.test.ts covers the same under a faked Electron everywhere.
 */
import { API_METHODS } from '../../preload/api';
import { expect, test } from '../fixtures';

interface PageWithBridge {
  lectern: Record<string, (...args: unknown[]) => Promise<unknown>> & {
    subscribe(event: string, listener: (payload: unknown) => void): () => void;
  };
}

test('dropped-file bytes reach the core intact', async ({ app }) => {
  const report = await app.page.evaluate(async () => {
    const text = '# Bytes test\n\nCaf\u00e9 na\u00efve \u2014 \u4e2d\u6587 \ud83d\udcda\n';
    const bytes = new TextEncoder().encode(text);
    return (globalThis as unknown as PageWithBridge).lectern.importFiles!([{ name: 'bytes.md', bytes }]);
  });
  expect(report).toMatchObject({
    ok: true,
    value: { outcomes: [{ file: 'bytes.md', status: 'imported', document: { title: 'Bytes test' } }] },
  });
  const opened = await app.page.evaluate(async () => {
    const list = (
      (await (globalThis as unknown as PageWithBridge).lectern.listDocuments!()) as {
        value: { id: string; title: string }[];
      }
    ).value;
    const doc = list.find((d) => d.title === 'Bytes test');
    return (globalThis as unknown as PageWithBridge).lectern.openDocument!(doc?.id);
  });
  expect(JSON.stringify(opened)).toContain('Caf\u00e9 na\u00efve \u2014 \u4e2d\u6587 \ud83d\udcda');
});

test('bad arguments are refused at the boundary', async ({ app }) => {
  const result = await app.page.evaluate(() =>
    (globalThis as unknown as PageWithBridge).lectern.renameDocument!('../../etc/passwd', 'x'),
  );
  expect(result).toMatchObject({ ok: false, code: 'invalid-argument' });
});

// In the browser project window.lectern is the harness's own bridge: these would only test the harness.
test.describe('the preload', () => {
  test.skip(
    ({ lecternMode }) => lecternMode !== 'electron',
    'Checks the real preload: runs in the electron project (preload/index.test.ts covers it elsewhere)',
  );

  test('window.lectern exposes exactly the contract', async ({ app }) => {
    const names = await app.page.evaluate(() =>
      Object.keys((globalThis as unknown as PageWithBridge).lectern).toSorted(),
    );
    expect(names).toEqual([...API_METHODS, 'subscribe'].toSorted());
  });

  test('events from main reach subscribers, and unsubscribe stops them', async ({ app }) => {
    await app.page.evaluate(() => {
      const w = globalThis as unknown as PageWithBridge & { received: unknown[]; stop: () => void };
      w.received = [];
      w.stop = w.lectern.subscribe('menuCommand', (payload) => w.received.push(payload));
    });
    await app.emit('menuCommand', 'toggle-toc');
    await expect
      .poll(() => app.page.evaluate(() => (globalThis as unknown as { received: unknown[] }).received))
      .toEqual(['toggle-toc']);
    await app.page.evaluate(() => (globalThis as unknown as { stop: () => void }).stop());
    await app.emit('menuCommand', 'show-library');
    await app.page.waitForTimeout(200);
    expect(
      await app.page.evaluate(() => (globalThis as unknown as { received: unknown[] }).received),
    ).toEqual(['toggle-toc']);
  });
});
