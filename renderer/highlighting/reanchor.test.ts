import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../preload/api';
import { describeRange } from '../../common/anchoring/describe';
import { documentOrder, placeHighlights } from './reanchor';

const TEXT =
  'The river ran past the old mill. Herons stood in the shallows at dusk. The light turned copper over the water meadow.';
const V1 = 'a'.repeat(64);
const V2 = 'b'.repeat(64);

function stored(id: string, exact: string, version = V1, unplaced = false): Highlight {
  const start = TEXT.indexOf(exact);
  const { quote, position } = describeRange(TEXT, start, start + exact.length);
  return {
    id,
    documentId: '0'.repeat(16),
    color: 'yellow',
    quote,
    position,
    anchoredVersion: version,
    unplaced,
    tags: [],
    note: null,
    createdAt: '',
    updatedAt: '',
  };
}

describe('placeHighlights', () => {
  it('places highlights on their own version without storing anything', () => {
    const highlights = [stored('b', 'Herons stood'), stored('a', 'old mill')];
    const { spans, updates } = placeHighlights(TEXT, highlights, V1);
    expect(updates).toEqual([]);
    expect(documentOrder(spans)).toEqual(['a', 'b']);
  });

  it('re-anchors on a new version: moved ones get new selectors, deleted ones are unplaced', () => {
    const highlights = [stored('mill', 'the old mill'), stored('copper', 'turned copper')];
    const edited = `A new first sentence. ${TEXT.replace('The river ran past the old mill. ', '')}`;
    const { spans, updates } = placeHighlights(edited, highlights, V2);
    const copper = updates.find((u) => u.id === 'copper');
    expect(copper?.unplaced).toBe(false);
    expect(copper?.anchoredVersion).toBe(V2);
    expect(edited.slice(copper?.position.start, copper?.position.end)).toBe('turned copper');
    expect(spans.get('copper')).toEqual({ start: copper?.position.start, end: copper?.position.end });
    const mill = updates.find((u) => u.id === 'mill');
    expect(mill).toMatchObject({ unplaced: true, anchoredVersion: V2, quote: highlights[0]?.quote });
    expect(spans.has('mill')).toBe(false);
  });

  it('leaves an unplaced highlight alone on the version it was tried on', () => {
    const { spans, updates } = placeHighlights(TEXT, [stored('x', 'old mill', V2, true)], V2);
    expect(updates).toEqual([]);
    expect(spans.size).toBe(0);
  });
});
