import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldWhitespace, snippetOf } from './snippets';

/** The window folded a character at a time (the first way it was written): what foldWhitespace must answer. */
function foldedByCharacter(
  text: string,
  from: number,
  to: number,
  spans: readonly { start: number; end: number }[],
) {
  let out = from > 0 ? '…' : '';
  const map: number[] = [];
  let lastSpace = out === '';
  for (let at = from; at < to; at++) {
    const char = text.charAt(at);
    map[at - from] = out.length;
    if (/\s/.test(char)) {
      if (!lastSpace) out += ' ';
      lastSpace = true;
    } else {
      out += char;
      lastSpace = false;
    }
  }
  map[to - from] = out.length;
  const matches = spans
    .filter((span) => span.start >= from && span.end <= to)
    .map((span) => ({ start: map[span.start - from] ?? 0, end: map[span.end - from] ?? 0 }));
  const trimmed = out.trimEnd();
  return { text: to < text.length ? `${trimmed}…` : trimmed, matches };
}

/** Words' ranges in `text` (runs of non-space), as snippets mark them. */
const wordsOf = (text: string) =>
  [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));

describe('foldWhitespace', () => {
  it('folds whitespace runs and moves the marked words as a character-by-character fold does', () => {
    const piece = fc.constantFrom('Prince', 'Natásha', ' ', '  ', '\n\n', '\t', '\u00a0', 'a', '😀', '—');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.nat(), fc.nat(), (pieces, a, b) => {
        const text = pieces.join('');
        const from = text.length === 0 ? 0 : a % (text.length + 1);
        const to = from + (text.length === 0 ? 0 : b % (text.length - from + 1));
        const spans = wordsOf(text);
        expect(foldWhitespace(text, from, to, spans)).toEqual(foldedByCharacter(text, from, to, spans));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the marks of a passage from War and Peace on their words', () => {
    const text = '“Well, Prince,   so Genoa and Lucca\n\nare now just family estates of the Buonapartes.”';
    const snippet = snippetOf(text, ['genoa', 'lucca']);
    expect(snippet.text).toBe(
      '“Well, Prince, so Genoa and Lucca are now just family estates of the Buonapartes.”',
    );
    expect(snippet.matches.map(({ start, end }) => snippet.text.slice(start, end))).toEqual([
      'Genoa',
      'Lucca',
    ]);
  });
});
