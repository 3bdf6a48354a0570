/** The commands for a highlight to check: confirm it, cycle its candidates, re-attach it; failures leave it as it was. */
import { describe, expect, it } from 'vitest';
import type { Highlight, HighlightPatch, LecternBridge, Result } from '../../preload/api';
import { HighlightCommands } from './highlight-commands';
import type { HighlightEditor, HighlightsView } from './highlight-editor';
import type { TextSpan } from './text-map';

// A passage that stands twice: the highlight was put on the first copy, to check.
const PASSAGE = 'the rain had eaten the far shore';
const TEXT = `The ferry left at seven; ${PASSAGE}. Much later, the ferry left again; ${PASSAGE}. The end.`;
const FIRST = { start: TEXT.indexOf(PASSAGE), end: TEXT.indexOf(PASSAGE) + PASSAGE.length };
const SECOND = { start: TEXT.lastIndexOf(PASSAGE), end: TEXT.lastIndexOf(PASSAGE) + PASSAGE.length };

const original = {
  type: 'TextQuoteSelector' as const,
  exact: 'the rain has eaten the far shore',
  prefix: 'seven; ',
  suffix: '.',
};
const toCheck: Highlight = {
  id: 'bbbbbbbbbbbbbbbb',
  documentId: '0123456789abcdef',
  color: 'purple',
  quote: original,
  position: { type: 'TextPositionSelector', ...FIRST },
  anchoredVersion: 'v2',
  unplaced: false,
  needsCheck: true,
  tags: [],
  note: null,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
};

/** The controller's side and the bridge, recorded; updateHighlight answers with the patch applied (or `failure`). */
function setUp(candidates: TextSpan[], failure: Result<never> | null = null) {
  const records = new Map([[toCheck.id, toCheck]]);
  const spans = new Map([[toCheck.id, FIRST]]);
  const patches: HighlightPatch[] = [];
  const notices: string[] = [];
  const toasts: string[] = [];
  const revealed: string[] = [];
  const view: HighlightsView = {
    documentId: toCheck.documentId,
    textVersion: 'v2',
    placed: true,
    records,
    textMap: { text: TEXT },
    spanOf: (id) => spans.get(id) ?? null,
    candidatesOf: () => candidates,
  };
  const updateHighlight = async (_doc: string, id: string, patch: HighlightPatch) => {
    patches.push(patch);
    if (failure) return failure;
    const current = records.get(id) as Highlight;
    return { ok: true, value: { ...current, ...patch, needsCheck: patch.needsCheck ?? false } };
  };
  const saveAnchors = async () => failure ?? { ok: true, value: null };
  const api = { updateHighlight, saveAnchors } as unknown as LecternBridge;
  const editor: HighlightEditor = {
    api: () => api,
    highlights: () => view,
    selectedSpan: () => ({ start: 0, end: 9 }),
    labels: () => ({ yellow: 'Y', green: 'G', blue: 'B', pink: 'P', purple: 'Term', orange: 'O' }),
    put: (_, h, span) => {
      records.set(h.id, h);
      if (span) spans.set(h.id, span);
    },
    remove: (_, id) => void records.delete(id),
    reveal: (_, id) => void revealed.push(id),
    choose: () => undefined,
    citation: () => ({ title: 'T', author: null, chapter: null }),
    selectionUsed: () => undefined,
    colorUsed: () => undefined,
    notice: (message) => void notices.push(message),
    toast: (init) => void toasts.push(init.message),
  };
  return { commands: new HighlightCommands(editor), records, spans, patches, notices, toasts, revealed };
}

describe('commands for a highlight to check', () => {
  it('confirms it where it is: the stored quote becomes the passage it is on', async () => {
    const { commands, records, patches, notices } = setUp([FIRST, SECOND]);
    await commands.run({ kind: 'confirm', id: toCheck.id });
    expect(patches).toHaveLength(1);
    expect(patches[0]).toMatchObject({ needsCheck: false, anchoredVersion: 'v2', position: FIRST });
    expect(patches[0]?.quote?.exact).toBe(PASSAGE);
    expect(patches[0]?.quote?.prefix).toBe('The ferry left at seven; ');
    expect(records.get(toCheck.id)?.needsCheck).toBe(false);
    expect(notices).toEqual(['Highlight confirmed']);
    // Confirming again does nothing: it is no longer to check.
    await commands.run({ kind: 'confirm', id: toCheck.id });
    expect(patches).toHaveLength(1);
  });

  it('cycles the candidates, keeping the original quote, and comes back to the first', async () => {
    const { commands, spans, patches, revealed, records } = setUp([FIRST, SECOND]);
    await commands.run({ kind: 'next-candidate', id: toCheck.id });
    expect(spans.get(toCheck.id)).toEqual(SECOND);
    expect(patches[0]).toMatchObject({ quote: original, position: SECOND, needsCheck: true });
    expect(records.get(toCheck.id)?.needsCheck).toBe(true);
    expect(revealed).toEqual([toCheck.id]);
    await commands.run({ kind: 'next-candidate', id: toCheck.id });
    expect(spans.get(toCheck.id)).toEqual(FIRST);
  });

  it('has no next candidate when there is only one place', async () => {
    const { commands, patches } = setUp([FIRST]);
    await commands.run({ kind: 'next-candidate', id: toCheck.id });
    expect(patches).toEqual([]);
  });

  it('stays where it was when moving fails, and says why', async () => {
    const failure = { ok: false, code: 'disk-full', message: 'No space left on device' } as const;
    const { commands, spans, records, toasts } = setUp([FIRST, SECOND], failure);
    await commands.run({ kind: 'next-candidate', id: toCheck.id });
    expect(spans.get(toCheck.id)).toEqual(FIRST);
    expect(records.get(toCheck.id)).toEqual(toCheck);
    await commands.run({ kind: 'confirm', id: toCheck.id });
    expect(records.get(toCheck.id)?.needsCheck).toBe(true);
    expect(toasts).toEqual([
      'Could not move the highlight. No space left on device.',
      'Could not confirm the highlight. No space left on device.',
    ]);
  });

  it('says how many highlights re-anchoring left to check, beside those it could not place', async () => {
    const { commands, notices } = setUp([FIRST, SECOND]);
    const update = { id: toCheck.id, quote: original, position: toCheck.position, anchoredVersion: 'v2' };
    await commands.saveAnchors(toCheck.documentId, [
      { ...update, unplaced: false, needsCheck: true },
      { ...update, id: 'cccccccccccccccc', unplaced: false, needsCheck: true },
      { ...update, id: 'dddddddddddddddd', unplaced: true, needsCheck: false },
    ]);
    expect(notices).toEqual([
      '1 highlight could not be placed on the new text; 2 highlights to check; see Highlights',
    ]);
  });

  it('re-attaches it to the selection as certain', async () => {
    const { commands, patches, records } = setUp([FIRST, SECOND]);
    await commands.run({ kind: 'reattach', id: toCheck.id });
    expect(patches[0]).toMatchObject({ needsCheck: false, unplaced: false, position: { start: 0, end: 9 } });
    expect(records.get(toCheck.id)?.quote.exact).toBe('The ferry');
  });
});
