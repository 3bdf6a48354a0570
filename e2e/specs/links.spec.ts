/**
 * A document with links, a remote image and hostile markup: links open in the system browser
 * (only http(s)), nothing is fetched from the network, and no script in a document runs.
 */
import type { Request } from '@playwright/test';
import { expect, test } from '../fixtures';
import { writeFiles } from '../harness/files';
import { LibraryPage } from '../models/library-page';
import { ReaderPage } from '../models/reader-page';

const TITLE = 'Links and Traps';
const DOCUMENT = `# ${TITLE}

Read [a link](https://example.com/x) or [bad](javascript:window.lecternPwned='javascript-url') or [data](data:text/html,<script>window.lecternPwned='data-url'</script>).

![x](https://example.com/a.png)

<script>window.lecternPwned = 'script'</script>

<img src="https://example.com/b.png" onerror="window.lecternPwned = 'onerror'">

<p onclick="window.lecternPwned = 'onclick'">A paragraph with an inline handler.</p>

<iframe src="https://example.com/frame"></iframe>

<button class="toolbar" id="highlights-panel">Looks like one of ours</button>

[Go to the note](#note)

${Array.from({ length: 60 }, (_, i) => `Filler paragraph ${i + 1}, so that the note starts below the fold.`).join('\n\n')}

<p id="note">The note a fragment link points to.</p>

The end of the traps.
`;

/** Where the app may load from: its own server or protocol, inline data. */
const isLocal = (url: string): boolean =>
  /^(data|blob|lectern|file|devtools|chrome-extension):/.test(url) || new URL(url).hostname === '127.0.0.1';

const pwned = (app: { page: import('@playwright/test').Page }) =>
  app.page.evaluate(() => (globalThis as unknown as { lecternPwned?: string }).lecternPwned ?? null);

test('links open outside, remote images stay unloaded, scripts never run', async ({
  app,
  scratchDir,
  allowErrors,
}) => {
  // DOMPurify parses the document with DOMParser, and Chromium reports each inline handler it
  // meets there as a CSP violation although nothing runs (this test checks that nothing ran).
  allowErrors(/Executing inline event handler violates the following Content Security Policy/);
  const requests: string[] = [];
  const onRequest = (request: Request) => requests.push(request.url());
  app.page.on('request', onRequest);
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await library.importThroughDialog(app, await writeFiles(scratchDir, { 'links.md': DOCUMENT }));
  await library.open(TITLE);
  const reader = new ReaderPage(app.page);
  await reader.waitUntilShown();
  await expect(reader.text.getByText('The end of the traps.')).toBeVisible();

  // The remote image shows a placeholder instead.
  await expect(reader.text.getByText('[image not loaded: x]')).toBeVisible();
  await expect(reader.text.getByRole('img')).toHaveCount(0);

  await reader.text.getByRole('link', { name: 'a link' }).click();
  await expect.poll(() => app.openedUrls()).toEqual(['https://example.com/x']);

  for (const name of ['bad', 'data']) {
    const link = reader.text.getByRole('link', { name, exact: true });
    if ((await link.count()) > 0) await link.click();
    else await reader.text.getByText(name, { exact: true }).click();
  }
  await reader.text.getByText('A paragraph with an inline handler.').click();
  await app.page.waitForTimeout(300);
  expect(await app.openedUrls()).toEqual(['https://example.com/x']);
  expect(await pwned(app)).toBeNull();
  await expect(reader.text).toBeVisible(); // the window did not navigate away

  // A document cannot borrow the reader's ids or classes, and its fragment links still work.
  const spoof = reader.text.getByText('Looks like one of ours');
  await expect(spoof).not.toHaveAttribute('id', 'highlights-panel');
  await expect(spoof).not.toHaveAttribute('class', /./);
  const note = reader.text.getByText('The note a fragment link points to.');
  await expect(note).not.toBeInViewport();
  await reader.text.getByRole('link', { name: 'Go to the note' }).click();
  await expect(note).toBeInViewport();
  expect(await app.openedUrls()).toEqual(['https://example.com/x']);

  app.page.off('request', onRequest);
  expect(requests.filter((url) => !isLocal(url))).toEqual([]);
});
