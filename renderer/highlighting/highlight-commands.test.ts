import { describe, expect, it } from 'vitest';
import type { Highlight, HighlightColor, LecternBridge, Result } from '../../preload/api';
import type { ToastInit } from '../lib/events';
import { HighlightCommands } from './highlight-commands';
import type { HighlightEditor, HighlightsView } from './highlight-editor';
import type { TextSpan } from './text-map';

const TEXT =
  'Well, Prince, so Genoa and Lucca are now just family estates of the Buonapartes. But I warn you, ' +
  'if you don’t tell me that this means war, I will not regard you as my friend.';

const heron: Highlight = {
  id: 'aaaaaaaaaaaaaaaa',
  documentId: '0123456789abcdef',
  color: 'yellow',
  quote: {
    type: 'TextQuoteSelector',
    exact: 'Genoa and Lucca',
    prefix: 'Well, Prince, so ',
    suffix: ' are now',
  },
  position: { type: 'TextPositionSelector', start: 17, end: 32 },
  anchoredVersion: 'v1',
  unplaced: false,
  needsCheck: false,
  tags: [],
  note: null,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
};

/** The controller's side, recorded: what was put where, what the user was told. */
function setUp(answers: Partial<Record<keyof LecternBridge, Result<unknown>>>) {
  const records = new Map([[heron.id, heron]]);
  const view: HighlightsView = {
    documentId: heron.documentId,
    textVersion: 'v1',
    placed: true,
    records,
    textMap: { text: TEXT },
    spanOf: () => ({ start: 17, end: 32 }),
    candidatesOf: () => [{ start: 17, end: 32 }],
  };
  const puts: Array<{ color: HighlightColor; span: TextSpan | null }> = [];
  const toasts: ToastInit[] = [];
  const colorsUsed: HighlightColor[] = [];
  const chosen: string[] = [];
  const notices: string[] = [];
  let selection: TextSpan | null = { start: 121, end: 131 }; // "means war,"
  /** Calls made and puts, in order. */
  const steps: string[] = [];
  const api = new Proxy({} as LecternBridge, {
    get: (_, method: string) => async () => {
      steps.push(method);
      return answers[method as keyof LecternBridge];
    },
  });
  const editor: HighlightEditor = {
    api: () => api,
    highlights: () => view,
    selectedSpan: () => selection,
    labels: () => ({
      yellow: 'Key idea',
      green: 'Quote',
      blue: 'Evidence',
      pink: 'Question',
      purple: 'Term',
      orange: 'To do',
    }),
    put: (_, h, span) => {
      steps.push('put');
      records.set(h.id, h);
      puts.push({ color: h.color, span });
    },
    remove: (_, id, replacedBy) => {
      records.delete(id);
      if (replacedBy) records.set(replacedBy.id, replacedBy);
    },
    reveal: () => undefined,
    choose: (_, id) => void chosen.push(id),
    citation: () => ({ title: 'War and Peace', author: 'Leo Tolstoy', chapter: 'CHAPTER I' }),
    selectionUsed: () => (selection = null),
    colorUsed: (c) => colorsUsed.push(c),
    notice: (m) => void notices.push(m),
    toast: (t) => toasts.push(t),
  };
  return {
    commands: new HighlightCommands(editor),
    steps,
    records,
    puts,
    toasts,
    colorsUsed,
    chosen,
    notices,
    select: (span: TextSpan) => (selection = span),
    selection: () => selection,
  };
}

describe('HighlightCommands', () => {
  it('recolours at once, then keeps what the core stored', async () => {
    const stored = { ...heron, color: 'blue' as const, updatedAt: '2026-12-02T09:00:00.000Z' };
    const { commands, records, puts, colorsUsed } = setUp({ updateHighlight: { ok: true, value: stored } });
    await commands.recolor(heron.id, 'blue');
    expect(puts.map((p) => p.color)).toEqual(['blue', 'blue']);
    expect(records.get(heron.id)?.updatedAt).toBe('2026-12-02T09:00:00.000Z');
    expect(colorsUsed).toEqual(['blue']);
  });

  it('rolls a recolour back when the write fails, and says why', async () => {
    const { commands, records, puts, toasts, colorsUsed } = setUp({
      updateHighlight: { ok: false, code: 'disk-full', message: 'No space left on device' },
    });
    await commands.recolor(heron.id, 'pink');
    expect(puts.map((p) => p.color)).toEqual(['pink', 'yellow']);
    expect(records.get(heron.id)).toEqual(heron);
    expect(colorsUsed).toEqual([]);
    expect(toasts[0]?.message).toBe(
      'Could not change the highlight’s colour; it is back as it was. No space left on device.',
    );
  });

  it('keeps the new highlight where it was shown, under the stored id, painting nothing again', async () => {
    const stored = {
      ...heron,
      id: '5f0c2a9e7d31b468',
      color: 'green' as const,
      quote: { type: 'TextQuoteSelector' as const, exact: 'means war,', prefix: '', suffix: '' },
    };
    const { commands, records, puts, notices, selection } = setUp({
      addHighlight: { ok: true, value: stored },
    });
    await commands.create('green');
    expect([...records.keys()]).toEqual([heron.id, stored.id]);
    // One put (the optimistic one); the answer only gave it its id.
    expect(puts).toEqual([{ color: 'green', span: { start: 121, end: 131 } }]);
    expect(selection()).toBeNull();
    expect(notices).toEqual(['Highlighted as Quote']);
  });

  it('sends the durable write before painting the highlight, which still shows before the answer', async () => {
    const { commands, steps, records } = setUp({ addHighlight: { ok: true, value: heron } });
    const creating = commands.create('blue');
    expect(steps).toEqual(['addHighlight', 'put']);
    expect([...records.values()].map((h) => h.color)).toEqual(['yellow', 'blue']);
    await creating;
  });

  it('leaves the selection when creating fails, so the user can try again', async () => {
    const { commands, records, toasts, selection } = setUp({
      addHighlight: { ok: false, code: 'read-only', message: 'The library folder is read-only' },
    });
    const creating = commands.create('green');
    // Shown at once, before the write answers (optimistic)...
    expect([...records.values()].map((h) => h.color)).toContain('green');
    expect(records.size).toBe(2);
    await creating;
    // ...and rolled back when it fails.
    expect(records.size).toBe(1);
    expect(selection()).toEqual({ start: 121, end: 131 });
    expect(toasts[0]).toMatchObject({
      kind: 'error',
      message: 'Could not save the highlight; it is removed. The library folder is read-only.',
    });
  });

  it('keeps a highlight whose delete failed, and offers no undo', async () => {
    const { commands, records, toasts } = setUp({
      deleteHighlight: { ok: false, code: 'io', message: 'EACCES: permission denied' },
    });
    await commands.remove(heron.id);
    expect(records.has(heron.id)).toBe(true);
    expect(commands.canUndo).toBe(false);
    expect(toasts[0]?.action?.label).toBe('Copy details');
  });

  it('selects the highlight already on exactly the selected passage instead of making a twin', async () => {
    const { commands, records, chosen, notices, select, selection } = setUp({});
    select({ start: 17, end: 32 }); // "Genoa and Lucca", the heron's passage
    await commands.create('pink');
    expect(records.size).toBe(1);
    expect(chosen).toEqual([heron.id]);
    expect(selection()).toBeNull();
    expect(notices).toEqual(['Already highlighted: selected it']);
  });

  it('closes the Undo toast once the delete is undone, and says the shortcut', async () => {
    const { commands, toasts } = setUp({
      deleteHighlight: { ok: true, value: heron },
      restoreHighlight: { ok: true, value: heron },
    });
    await commands.remove(heron.id);
    const toast = toasts[0];
    expect(toast?.action?.shortcut).toBe('Ctrl+Z');
    let closed = false;
    void toast?.closesWhen?.then(() => (closed = true));
    await Promise.resolve();
    expect(closed).toBe(false);
    await commands.undoDelete(); // as Ctrl+Z does
    await Promise.resolve();
    expect(closed).toBe(true);
  });

  it('copies the quote with its citation as markdown, or the quote alone', async () => {
    const written: string[] = [];
    Object.defineProperty(globalThis, 'navigator', {
      value: { clipboard: { writeText: async (text: string) => void written.push(text) } },
      configurable: true,
    });
    const { commands } = setUp({});
    await commands.copy(heron.id);
    await commands.copy(heron.id, true);
    expect(written).toEqual([
      '> Genoa and Lucca\n>\n> — Leo Tolstoy, *War and Peace*, “CHAPTER I”\n',
      'Genoa and Lucca',
    ]);
  });
});
