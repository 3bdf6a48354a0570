/**
 * How the compact indexes find and score: postings, MiniSearch's BM25+ and its weights for prefix and
 * typo matches, so their results rank as MiniSearch's would.
 */
import type SearchableMap from 'minisearch/SearchableMap';

export type SearchField = 'title' | 'author' | 'quote' | 'note' | 'body' | 'tags';
/**
 * Titles first, then highlights and notes, then body text (issue 11); tags, which say what a passage
 * is about rather than what it says, well below the quote or note they are on: a tag match scores
 * as a text match of average length (compact-tags.ts), which must stay below a quote match even in a
 * quote four times as long as most (BM25+ 0.97 against 1.5 times the weight).
 */
export const FIELD_BOOSTS: Record<SearchField, number> = {
  title: 6,
  author: 3,
  quote: 2,
  note: 2,
  tags: 1,
  body: 1,
};

/** A word of the query: found as written, and also as a prefix and/or with up to `maxEdits` typos. */
export interface BodyTerm {
  term: string;
  prefix: boolean;
  maxEdits: number;
}

/** An indexed word a query word stands for, and how much a match on it counts. */
export interface Expansion {
  termId: number;
  term: string;
  weight: number;
  /** Set for a tag word: the id of the same word in the text (-1: none), whose rarity it is scored by. */
  textTermId?: number;
}

/** A posting is `ordinal * FREQUENCY_BITS + frequency` (BM25 saturates long before 255). */
export const FREQUENCY_BITS = 256;
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const WEIGHTS = { prefix: 0.375, fuzzy: 0.45 };

/** Whether the first `count` postings of `list` hold `ordinal` (they are in ordinal order). */
export function postingsHold(list: Uint32Array, count: number, ordinal: number): boolean {
  let low = 0;
  let high = count - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = Math.floor((list[middle] ?? 0) / FREQUENCY_BITS);
    if (found === ordinal) return true;
    if (found < ordinal) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** BM25+'s inverse document frequency of a word found in `frequency` of `live` items. */
export const inverseFrequency = (live: number, frequency: number): number =>
  Math.log(1 + (live - frequency + 0.5) / (frequency + 0.5));

/** BM25+'s term part, for a word seen `termFrequency` times in an item of `relativeLength`. */
export const bm25 = (termFrequency: number, relativeLength: number): number =>
  BM25.d + (termFrequency * (BM25.k + 1)) / (termFrequency + BM25.k * (1 - BM25.b + BM25.b * relativeLength));

/**
 * The word as written, the words it begins, and those within `maxEdits`, with MiniSearch's weights
 * (`vocabulary` may be null when the term asks for neither prefixes nor typos).
 */
export function expandTerm(
  { term, prefix, maxEdits }: BodyTerm,
  termIds: ReadonlyMap<string, number>,
  vocabulary: SearchableMap<number> | null,
): Expansion[] {
  const found = new Map<string, Expansion>();
  const exact = termIds.get(term);
  if (exact !== undefined) found.set(term, { termId: exact, term, weight: 1 });
  if (prefix && vocabulary !== null)
    for (const [word, termId] of vocabulary.atPrefix(term)) {
      const distance = word.length - term.length;
      const weight = (WEIGHTS.prefix * word.length) / (word.length + 0.3 * distance);
      if (distance > 0) found.set(word, { termId, term: word, weight });
    }
  if (maxEdits > 0 && vocabulary !== null)
    for (const [word, [termId, distance]] of vocabulary.fuzzyGet(term, maxEdits)) {
      const weight = (WEIGHTS.fuzzy * word.length) / (word.length + distance);
      if (distance > 0 && !found.has(word)) found.set(word, { termId, term: word, weight });
    }
  return [...found.values()];
}

/** The `max` ordinals of best score, best first (a common word matches most items: sort only the top). */
export function bestOf(found: readonly number[], scores: Float64Array, max: number): number[] {
  const byScore = (a: number, b: number) => (scores[b] ?? 0) - (scores[a] ?? 0);
  if (found.length <= max) return found.toSorted(byScore);
  const foundScores = new Float64Array(found.length);
  for (let at = 0; at < found.length; at++) foundScores[at] = scores[found[at] ?? 0] ?? 0;
  // Typed arrays sort numbers natively (no comparator): the max-th best score is the bar.
  const bar = foundScores.toSorted()[found.length - max] ?? 0;
  return found
    .filter((ordinal) => (scores[ordinal] ?? 0) >= bar)
    .toSorted(byScore)
    .slice(0, max);
}

/** Per-query counters, kept between queries (tens of thousands of items: no garbage per keystroke). */
/** Candidates ranked at a time, per result wanted, by bestHolding. */
const CHECKED_PER_RESULT = 8;

/**
 * The `max` ordinals of best score that `holds` (a phrase check) takes, best first: checked in score
 * order, a few times `max` at a time, so a common phrase is confirmed on its first candidates only.
 */
export function bestHolding(
  found: readonly number[],
  scores: Float64Array,
  max: number,
  holds: (ordinal: number) => boolean,
): number[] {
  if (max <= 0) return [];
  for (let take = max * CHECKED_PER_RESULT; ; take *= CHECKED_PER_RESULT) {
    const ranked = bestOf(found, scores, Math.min(take, found.length));
    const kept = ranked.filter(holds);
    if (kept.length >= max || ranked.length >= found.length) return kept.slice(0, max);
  }
}

export class Scratch {
  scores = new Float64Array(0);
  matched = new Uint8Array(0);
  seen = new Uint8Array(0);
  refused = new Uint8Array(0);

  /** Every counter zeroed for `count` items. */
  reset(count: number): this {
    if (this.scores.length < count) {
      this.scores = new Float64Array(count);
      this.matched = new Uint8Array(count);
      this.seen = new Uint8Array(count);
      this.refused = new Uint8Array(count);
      return this;
    }
    for (const counters of [this.scores, this.matched, this.refused]) counters.fill(0, 0, count);
    return this;
  }
}
