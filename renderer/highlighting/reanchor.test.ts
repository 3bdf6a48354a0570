import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../preload/api';
import { describeRange } from '../../common/anchoring/describe';
import { documentOrder, placeHighlights } from './reanchor';

const TEXT =
  'The river ran past the old mill. Herons stood in the shallows at dusk. The light turned copper over the water meadow.';
const V1 = 'a'.repeat(64);
const V2 = 'b'.repeat(64);

function stored(id: string, exact: string, version = V1, unplaced = false, text = TEXT, from = 0): Highlight {
  const start = text.indexOf(exact, from);
  const { quote, position } = describeRange(text, start, start + exact.length);
  return {
    id,
    documentId: '0'.repeat(16),
    color: 'yellow',
    quote,
    position,
    anchoredVersion: version,
    unplaced,
    needsCheck: false,
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

describe('placeHighlights with a passage repeated in the new text', () => {
  const ferry = 'The ferry left at seven. Nobody on the quay waved; the rain had eaten the far shore.';
  const original = `Harbour notes\nThe ferry left at six; the fog was down.\n${ferry}\nThe end.`;
  const preface = 'A long new preface, added when the notes were typed up again. '.repeat(4);
  // The paragraph now stands twice, far from where the highlight was: neither copy is certain.
  const edited = `${preface}\n${ferry}\n${preface}${ferry}\nThe end.`;
  const quote = 'Nobody on the quay waved';

  it('places it at the best candidate to check, keeping the original quote and the other candidates', () => {
    const h = stored('q', quote, V1, false, original);
    const { spans, candidates, updates } = placeHighlights(edited, [h], V2);
    const [update] = updates;
    expect(update).toMatchObject({ id: 'q', needsCheck: true, unplaced: false, anchoredVersion: V2 });
    expect(update?.quote).toEqual(h.quote);
    const span = spans.get('q');
    expect(span).toEqual({ start: update?.position.start, end: update?.position.end });
    const places = candidates.get('q') ?? [];
    expect(places[0]).toEqual(span);
    expect(places.length).toBeGreaterThan(1);
    for (const place of places) expect(edited.slice(place.start, place.end)).toBe(quote);
    expect(new Set(places.map((p) => p.start)).size).toBe(places.length);
  });

  it('keeps a highlight to check where it was put on this version, and re-anchors it on the next', () => {
    const h = stored('q', quote, V1, false, original);
    const [update] = placeHighlights(edited, [h], V2).updates;
    if (!update) throw new Error('no update');
    const toCheck: Highlight = { ...h, ...update };
    const second = edited.lastIndexOf(quote);
    const moved = {
      ...toCheck,
      position: { ...toCheck.position, start: second, end: second + quote.length },
    };
    const again = placeHighlights(edited, [moved], V2);
    expect(again.updates).toEqual([]);
    expect(again.spans.get('q')).toEqual({ start: second, end: second + quote.length });
    // Back on a text with one copy, it is certain again and takes the new text's selectors.
    const settled = placeHighlights(original, [moved], V1);
    expect(settled.updates[0]).toMatchObject({ needsCheck: false, unplaced: false, anchoredVersion: V1 });
    expect(settled.updates[0]?.quote.prefix).toBe(h.quote.prefix);
  });
});
