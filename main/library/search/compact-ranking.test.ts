import { readFileSync } from 'node:fs';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BodyTerm, CompactIndex } from './compact-index';
import { bestHolding, bestOf } from './compact-scoring';
import { containsPhrase } from './text';

const BOOK = readFileSync(new URL('../../../e2e/fixtures/books/war-and-peace.txt', import.meta.url), 'utf8');

/** Every ordinal of `found`, best score first, ties by lower ordinal: a full sort, the reference. */
const fullRanking = (found: readonly number[], scores: Float64Array): number[] =>
  found.toSorted((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);

/** Scores with many ties (a handful of values), and which ordinals matched, in ordinal order. */
const scored = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.boolean()), { maxLength: 300 })
  .map((rows) => ({
    scores: Float64Array.from(rows, ([score]) => score / 3),
    found: rows.flatMap(([, matched], ordinal) => (matched ? [ordinal] : [])),
  }));

describe('top-k ranking', () => {
  it('bestOf answers the first `max` of a full sort, ties by ordinal', () => {
    fc.assert(
      fc.property(scored, fc.integer({ min: 0, max: 40 }), ({ scores, found }, max) => {
        expect(bestOf(found, scores, max)).toEqual(fullRanking(found, scores).slice(0, max));
        // A scratch Int32Array is ranked in place, to the same answer.
        expect(bestOf(Int32Array.from(found), scores, max)).toEqual(fullRanking(found, scores).slice(0, max));
      }),
    );
  });

  it('bestHolding answers the first `max` a check takes, in rank order', () => {
    fc.assert(
      fc.property(scored, fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 7 }), (data, max, n) => {
        const holds = (ordinal: number) => ordinal % n === 0;
        const expected = fullRanking(data.found, data.scores).filter(holds).slice(0, max);
        expect(bestHolding(data.found, data.scores, max, holds)).toEqual(expected);
        expect(bestHolding(Int32Array.from(data.found), data.scores, max, holds)).toEqual(expected);
      }),
    );
  });
});

const word = (term: string, prefix = false, maxEdits = 0): BodyTerm => ({ term, prefix, maxEdits });

describe('pruned top-k on real prose', () => {
  // 800 passages of War and Peace, 1,500 characters each, their ordinals in order.
  const passages = Array.from({ length: 800 }, (_, n) => BOOK.slice(100_000 + n * 1500, 101_500 + n * 1500));
  const index = new CompactIndex<{ documentId: string; at: number }>({ phrases: true });
  passages.forEach((text, at) => index.add({ documentId: `doc-${at % 40}`, at }, text));
  const QUERIES: BodyTerm[][] = [
    [word('the')],
    [word('prince')],
    [word('pr', true)],
    [word('natsha', false, 1)],
    [word('prince'), word('andrew')],
    [word('said'), word('the'), word('cou', true)],
  ];

  it('gives the best `max` passages of a full scoring, in its order', () => {
    for (const terms of QUERIES) {
      const everything = index.search(terms, [], null, passages.length);
      expect(everything.length).toBeGreaterThan(10);
      const reference = everything.toSorted((a, b) => b.score - a.score || a.item.at - b.item.at);
      expect(everything.map((hit) => hit.item.at)).toEqual(reference.map((hit) => hit.item.at));
      for (const max of [1, 8, 50])
        expect(index.search(terms, [], null, max)).toEqual(reference.slice(0, max));
    }
  });

  it('gives the best `max` passages holding a phrase, as a check of the text would', () => {
    for (const phrase of ['the prince', 'said the', 'the old prince']) {
      const words = phrase.split(' ');
      const terms = words.filter((term) => term.length > 3).map((term) => word(term));
      const everything = index.search(terms, [], null, passages.length);
      const reference = everything.filter((hit) => containsPhrase(passages[hit.item.at] ?? '', phrase));
      expect(reference.length).toBeGreaterThan(0);
      for (const max of [1, 8, 64])
        expect(index.search(terms, [], null, max, [words])).toEqual(reference.slice(0, max));
    }
  });
});
