/** What a log record says of a change, and replaying records onto the file's version. */
import { describe, expect, it } from 'vitest';
import { type AnnotationsData, emptyAnnotations } from './annotation-format';
import { applyChanges, changeBetween } from './annotation-log';

type Stored = AnnotationsData['highlights'][number];

const highlight = (id: string, color: Stored['color'] = 'yellow'): Stored => ({
  id,
  documentId: 'd'.repeat(16),
  color,
  quote: { type: 'TextQuoteSelector', exact: `quote ${id}`, prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 1, end: 5 },
  anchoredVersion: 'f'.repeat(64),
  unplaced: false,
  needsCheck: false,
  tags: [],
  note: null,
  createdAt: '2030-01-01T00:00:00.000Z',
  updatedAt: '2030-01-01T00:00:00.000Z',
});

const withHighlights = (...highlights: Stored[]): AnnotationsData => ({ ...emptyAnnotations(), highlights });

/** `next` as replaying the change between it and `current` gives it back. */
const replayed = (current: AnnotationsData, next: AnnotationsData) => {
  const change = changeBetween(current, next);
  if (change === null) throw new Error('no change says it');
  return { change, after: applyChanges(current, [JSON.parse(JSON.stringify(change))]) };
};

describe('a change as a log record', () => {
  const [a, b, c] = ['a', 'b', 'c'].map((id) => highlight(id.repeat(16))) as [Stored, Stored, Stored];
  const current = withHighlights(a, b);

  it('names only the highlight added, changed or removed, and replays to the same annotations', () => {
    const recoloured = { ...b, color: 'blue' as const };
    for (const next of [
      withHighlights(a, b, c),
      withHighlights(a, recoloured),
      withHighlights(b),
      withHighlights(a, c),
    ]) {
      const { change, after } = replayed(current, next);
      expect(after).toEqual(next);
      expect(JSON.stringify(change).length).toBeLessThan(JSON.stringify(next).length);
    }
    expect(replayed(current, withHighlights(a, recoloured)).change).toEqual({ put: [recoloured] });
  });

  it('carries the position and the note only when they change', () => {
    const position = { section: 1, offset: 2, quote: 'x', progress: 0.25 };
    const next = { ...current, position, documentNote: 'a note' };
    expect(replayed(current, next).change).toEqual({ position, documentNote: 'a note' });
    expect(replayed(next, { ...next, documentNote: null }).change).toEqual({ documentNote: null });
  });

  it('says nothing it cannot replay: a reordering is written whole', () => {
    expect(changeBetween(current, withHighlights(b, a))).toBeNull();
    expect(changeBetween(current, withHighlights(c, a, b))).toBeNull();
  });

  it('replays records in order: a highlight removed then restored comes back at the end', () => {
    const after = applyChanges(withHighlights(a, b, c), [{ removed: [a.id] }, { put: [a] }]);
    expect(after.highlights.map((h) => h.id)).toEqual([b.id, c.id, a.id]);
  });
});
