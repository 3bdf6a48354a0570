import { readFileSync } from 'node:fs';
import { array, assert, constantFrom, integer, property, tuple } from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCompact, encodeCompact } from './compact-file';
import { CompactIndex, type CompactSnapshot } from './compact-index';
import { phraseMatcher } from './phrase';
import { tokenize } from './text';

/** War and Peace (Maude translation, public domain; see e2e/fixtures/ATTRIBUTION.md). */
const BOOK = readFileSync(new URL('../../../e2e/fixtures/books/war-and-peace.txt', import.meta.url), 'utf8');

interface Passage {
  documentId: string | null;
  at: number;
}

/** Unkind pieces: accents precomposed and combining, case, punctuation, CJK, ligatures, symbols, long words. */
const PIECES = [
  ' the ',
  ' The ',
  'THE',
  ' Natásha ',
  'Nata\u0301sha',
  ' prince, ',
  'Prínce',
  ' ΣΟΦΊΑ σοφία ',
  'ß',
  '\n\n',
  '—',
  '“',
  '”',
  '…',
  '_',
  '*',
  '(',
  ')',
  '.',
  '戦争と平和',
  '전쟁과 평화',
  'ﬁne',
  '½',
  '²',
  '℃',
  '①',
  'İ',
  '\u0301',
  '1805',
  'x'.repeat(45),
  `the${'x'.repeat(40)}`,
  'natasha'.repeat(6),
];

/** A passage: a stretch of War and Peace with unkind pieces spliced in. */
const passageArbitrary = tuple(
  integer({ min: 0, max: BOOK.length - 600 }),
  integer({ min: 0, max: 600 }),
  array(tuple(constantFrom(...PIECES), integer({ min: 0, max: 600 })), { maxLength: 6 }),
).map(([from, length, pieces]) => {
  let text = BOOK.slice(from, from + length);
  for (const [piece, at] of pieces) text = `${text.slice(0, at)}${piece}${text.slice(at)}`;
  return text;
});

/** Phrases: stretches of the passages themselves (found often), or of pieces (found seldom). */
const phrasesOf = (texts: readonly string[], picks: readonly [number, number, number][]) =>
  picks.map(([which, from, words]) => {
    const text = texts[which % Math.max(1, texts.length)] ?? '';
    const start = Math.floor((from / 1000) * text.length);
    // Cut by characters, not words: a phrase may begin or end inside a word, or in punctuation.
    return which % 5 === 4 ? (PIECES[from % PIECES.length] ?? '') : text.slice(start, start + words * 7);
  });

const everything = () => true;
const found = (index: CompactIndex<Passage>, phrase: string, count: number) =>
  index
    .search([], [], everything, count, [tokenize(phrase)])
    .map((hit) => hit.item.at)
    .toSorted((a, b) => a - b);
/** The passages the text check (results.ts's, before the index confirmed phrases) finds. */
function expected(texts: readonly string[], phrase: string): number[] {
  const holdsPhrase = phraseMatcher(phrase);
  return texts.flatMap((text, at) => (holdsPhrase(text) ? [at] : []));
}

function indexOf(texts: readonly string[]): CompactIndex<Passage> {
  const index = new CompactIndex<Passage>({ phrases: true });
  texts.forEach((text, at) => index.add({ documentId: `doc-${at % 7}`, at }, text));
  return index;
}

describe('phrases confirmed by the index', () => {
  it('finds exactly the passages the text check finds, on real prose with unkind pieces', () => {
    assert(
      property(
        array(passageArbitrary, { minLength: 1, maxLength: 25 }),
        array(
          tuple(integer({ min: 0, max: 99 }), integer({ min: 0, max: 999 }), integer({ min: 1, max: 6 })),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        (texts, picks) => {
          const index = indexOf(texts);
          for (const phrase of phrasesOf(texts, picks)) {
            const wanted = expected(texts, phrase);
            expect(found(index, phrase, texts.length), phrase).toEqual(wanted);
            // A few asked: checked a few candidates at a time, best first, and still only true ones.
            const few = found(index, phrase, 2);
            expect(few.length).toBe(Math.min(2, wanted.length));
            expect(few.every((at) => wanted.includes(at))).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);

  it('answers the same after documents are removed, the index compacted, saved and read back', () => {
    const texts = Array.from({ length: 140 }, (_, n) => BOOK.slice(200_000 + n * 1500, 201_500 + n * 1500));
    texts.push('Natásha said: “the Natasha of old”.', '戦争と平和、戦 争', 'ﬁne dust — the ﬁne dust.');
    const index = indexOf(texts);
    for (let doc = 0; doc < 3; doc++) index.remove(`doc-${doc}`);
    const kept = texts.map((text, at) => (at % 7 < 3 ? '' : text));
    const bytes = encodeCompact({ body: index.snapshot() }, 'g1');
    const loaded = CompactIndex.fromSnapshot(decodeCompact(bytes, 'g1').body as CompactSnapshot<Passage>, {
      phrases: true,
    });
    const phrases = [
      'the prince',
      'said the',
      'of the',
      'the natasha',
      '戦争',
      'fine dust',
      'the old prince',
    ];
    for (const phrase of phrases) {
      const wanted = expected(kept, phrase);
      expect(found(loaded, phrase, texts.length), phrase).toEqual(wanted);
      expect(found(index, phrase, texts.length), phrase).toEqual(wanted);
    }
    expect(found(loaded, 'the prince', texts.length).length).toBeGreaterThan(3);
    // Items added after the load are confirmed too.
    loaded.add({ documentId: 'late', at: 999 }, 'and then the prince arrived');
    expect(found(loaded, 'the prince arrived', 1000)).toEqual([999]);
    // Saved again, the loaded items and those added since are one file.
    const again = encodeCompact({ body: loaded.snapshot() }, 'g2');
    const reread = CompactIndex.fromSnapshot(decodeCompact(again, 'g2').body as CompactSnapshot<Passage>, {
      phrases: true,
    });
    expect(found(reread, 'the prince arrived', 1000)).toEqual([999]);
    expect(found(reread, 'the natasha', 1000)).toEqual(found(loaded, 'the natasha', 1000));
  });

  it('finds no passage for a phrase with a word no passage holds, and every one for a phrase of no words', () => {
    const index = indexOf(['the prince', 'the princess']);
    expect(found(index, 'the prince unknownword', 5)).toEqual([]);
    expect(found(index, '… —', 5)).toEqual([0, 1]);
  });

  it('matches whole words only where word ids take several bytes (a byte inside a word is no word)', () => {
    const vocabulary = Array.from({ length: 20_000 }, (_, n) => `w${n}`).join(' ');
    // Word n has id n: 641 is stored as the bytes of 1 + continuation, then 5 (w5's only byte).
    const index = indexOf([vocabulary, 'w641 w5', 'w641', 'w16511 w3 w16511']);
    expect(found(index, 'w5', 10)).toEqual([0, 1]);
    expect(found(index, 'w641 w5', 10)).toEqual([1]);
    expect(found(index, 'w3 w16511', 10)).toEqual([3]);
    expect(found(index, 'w127 w128', 10)).toEqual([0]);
    expect(found(index, 'w128 w127', 10)).toEqual([]);
  });

  it('refuses to read, as a phrase index, a snapshot that holds no words in order', () => {
    const plain = new CompactIndex<Passage>();
    plain.add({ documentId: 'a', at: 0 }, 'the prince');
    expect(() => CompactIndex.fromSnapshot(plain.snapshot(), { phrases: true })).toThrow(/words in order/);
    expect(() => plain.search([], [], everything, 5, [['the']])).toThrow(/cannot confirm phrases/);
  });
});
