/**
 * How the compact indexes find and score: postings, MiniSearch's BM25+ and its weights for prefix and
 * typo matches, so their results rank as MiniSearch's would.
 */
import type SearchableMap from 'minisearch/SearchableMap';
import type { PostingLists } from './compact-postings';

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
/** A posting's ordinal is `posting >>> FREQUENCY_SHIFT`, its frequency `posting & FREQUENCY_MASK`. */
export const FREQUENCY_SHIFT = 8;
export const FREQUENCY_MASK = FREQUENCY_BITS - 1;
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

/**
 * Ordinals in rank order, popped one at a time: best score first, ties by lower ordinal (the order a
 * stable sort of the ordinals by score gives). A heap: a common word matches tens of thousands of
 * items, of which a query shows a few, so only those few are ordered.
 */
export class RankedOrdinals {
  private readonly heap: Int32Array;
  private size: number;

  /** An Int32Array `found` becomes the heap itself (a query's scratch: its order is lost); else it is copied. */
  constructor(
    found: ArrayLike<number>,
    private readonly scores: Float64Array,
  ) {
    this.heap = found instanceof Int32Array ? found : Int32Array.from(found);
    this.size = this.heap.length;
    for (let at = (this.size >> 1) - 1; at >= 0; at--) this.sink(at);
  }

  /** The best ordinal not popped yet (-1: none left). */
  next(): number {
    if (this.size === 0) return -1;
    const best = this.heap[0] ?? -1;
    this.size--;
    this.heap[0] = this.heap[this.size] ?? 0;
    this.sink(0);
    return best;
  }

  /** Drops the ordinals not popped yet that `test` refuses. */
  keepOnly(test: (ordinal: number) => boolean): void {
    let kept = 0;
    for (let at = 0; at < this.size; at++) {
      const ordinal = this.heap[at] ?? 0;
      if (test(ordinal)) this.heap[kept++] = ordinal;
    }
    this.size = kept;
    for (let at = (this.size >> 1) - 1; at >= 0; at--) this.sink(at);
  }

  private before(a: number, b: number): boolean {
    const scoreA = this.scores[a] ?? 0;
    const scoreB = this.scores[b] ?? 0;
    return scoreA > scoreB || (scoreA === scoreB && a < b);
  }

  private sink(from: number): void {
    const { heap, size } = this;
    let at = from;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= size) return;
      const right = left + 1;
      const child = right < size && this.before(heap[right] ?? 0, heap[left] ?? 0) ? right : left;
      const parent = heap[at] ?? 0;
      const best = heap[child] ?? 0;
      if (!this.before(best, parent)) return;
      heap[at] = best;
      heap[child] = parent;
      at = child;
    }
  }
}

/** The `max` ordinals of best score, best first (ties: lower ordinal first); an Int32Array `found` is reordered. */
export function bestOf(found: ArrayLike<number>, scores: Float64Array, max: number): number[] {
  return bestHolding(found, scores, max, () => true);
}

/** Candidates checked one at a time, per result wanted, before the rest are checked at once. */
const CHECKED_PER_RESULT = 8;

/**
 * The `max` ordinals of best score that `holds` (a filter, a phrase check) takes, best first: checked
 * in rank order, so a common match is confirmed on its first candidates only; a rare one, after a few,
 * on all the rest at once (a check costs less than taking the next from the heap). An Int32Array
 * `found` is reordered in place.
 */
export function bestHolding(
  found: ArrayLike<number>,
  scores: Float64Array,
  max: number,
  holds: (ordinal: number) => boolean,
): number[] {
  const kept: number[] = [];
  if (max <= 0) return kept;
  const ranked = new RankedOrdinals(found, scores);
  let oneByOne = max * CHECKED_PER_RESULT;
  for (;;) {
    if (oneByOne === 0) ranked.keepOnly(holds);
    const ordinal = ranked.next();
    if (ordinal < 0) break;
    if (oneByOne-- > 0 && !holds(ordinal)) continue;
    kept.push(ordinal);
    if (kept.length >= max) break;
  }
  return kept;
}

/** Per-query counters, kept between queries (tens of thousands of items: no garbage per keystroke). */
export class Scratch {
  scores = new Float64Array(0);
  matched = new Uint8Array(0);
  seen = new Uint8Array(0);
  refused = new Uint8Array(0);
  /** The ordinals a query found (a common word: most of them), ranked in place. */
  found = new Int32Array(0);

  /** Every counter zeroed for `count` items. */
  reset(count: number): this {
    if (this.scores.length < count) {
      this.scores = new Float64Array(count);
      this.matched = new Uint8Array(count);
      this.seen = new Uint8Array(count);
      this.refused = new Uint8Array(count);
      this.found = new Int32Array(count);
      return this;
    }
    for (const counters of [this.scores, this.matched, this.refused]) counters.fill(0, 0, count);
    return this;
  }
}

/** What scoring reads of an index: its postings, its items' lengths, how many are live and their average length. */
export interface ScoredIndex {
  words: PostingLists;
  lengths: readonly number[];
  live: number;
  averageLength: number;
}

/**
 * Adds the BM25+ scores of one query word's expansions to `scratch`, counting each item once per query
 * word (in `matched`).
 */
export function addScores(
  scratch: Scratch,
  count: number,
  expansions: Expansion[],
  index: ScoredIndex,
): void {
  const { scores, matched, seen } = scratch;
  const { words, lengths, live, averageLength } = index;
  seen.fill(0, 0, count);
  for (const { termId, weight, textTermId } of expansions) {
    // A tag word is as telling as the same word in the text, when the text has it.
    const telling = textTermId === undefined || textTermId < 0 ? termId : textTermId;
    const idf = inverseFrequency(live, words.frequency(telling));
    const postings = words.list(termId);
    const n = words.frequency(termId);
    // A plain loop: the hottest of a query (a common word has a posting in most items).
    for (let at = 0; at < n; at++) {
      const posting = postings[at] ?? 0;
      const ordinal = posting >>> FREQUENCY_SHIFT;
      const length = textTermId === undefined ? (lengths[ordinal] ?? 0) / averageLength : 1;
      scores[ordinal] = (scores[ordinal] ?? 0) + weight * idf * bm25(posting & FREQUENCY_MASK, length);
      if (seen[ordinal] === 1) continue;
      seen[ordinal] = 1;
      matched[ordinal] = (matched[ordinal] ?? 0) + 1;
    }
  }
}
