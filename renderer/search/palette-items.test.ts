import { describe, expect, it } from 'vitest';
import { paletteItems, snippetParts } from './palette-items';

describe('palette snippets', () => {
  it('cut text into plain and marked runs, ignoring overlapping or out-of-range matches', () => {
    const snippet = {
      text: '<img onerror=x> ceasefire held',
      matches: [
        { start: 16, end: 25 },
        { start: 18, end: 20 },
        { start: 28, end: 99 },
      ],
    };
    expect(snippetParts(snippet)).toEqual([
      { text: '<img onerror=x> ', marked: false },
      { text: 'ceasefire', marked: true },
      { text: ' held', marked: false },
    ]);
  });

  it('make a passage open its document at its section, found by the matched words', () => {
    const snippet = { text: '…the ceasefire held until spring…', matches: [{ start: 5, end: 14 }] };
    const [item] = paletteItems({
      documents: [],
      passages: [{ documentId: 'a', documentTitle: 'War', section: 3, heading: 'III', offset: 40, snippet }],
      highlights: [],
      notes: [],
      indexing: false,
    });
    expect(item?.action).toEqual({
      kind: 'place',
      documentId: 'a',
      position: { section: 3, offset: 0, quote: 'ceasefire held until spring', progress: 0 },
    });
    expect(item?.detail).toBe('War · III');
  });
});
