/**
 * Scores a candidate match by how well its quote, its context and its position agree with
 * what was stored. Weights follow the Hypothesis client: the quote dominates, the context
 * tells repeats apart, the position only breaks ties.
 */
import type { TextQuoteSelector } from './types';

/** A place in the text where the quote (or something close to it) occurs. */
export interface Candidate {
  start: number;
  end: number;
  /** Edit distance between the quote and `text.slice(start, end)`. */
  errors: number;
}

/** A candidate with its similarity scores, each from 0 to 1. */
export interface ScoredCandidate extends Candidate {
  /** Mean of prefix and suffix similarity: does the surrounding text still agree? */
  context: number;
  /** The lower of prefix and suffix similarity: one end of an approximate match may be off. */
  weakerSide: number;
  /**
   * One side of the stored context, at least {@link INTACT_SIDE} characters long, agrees in
   * full: the passage's neighbour on that side is unchanged (the other may have been edited).
   */
  intactSide: boolean;
  /** Weighted, normalised total. */
  score: number;
  /**
   * Share of the stored characters (quote and context alike) that agree here: the evidence
   * by count, which for a short quote is mostly its context. A twin with an intact quote and
   * edited context can outscore the edited original, never out-agree it.
   */
  agreement: number;
}

/** Shortest stored context side that counts as evidence when it agrees in full. */
export const INTACT_SIDE = 16;
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/** Pattern bit masks by UTF-16 code for {@link bitParallelErrors}, cleared after each use. */
const PEQ = new Int32Array(65536);
/** One reusable DP row for {@link dpErrors}. */
let row = new Int32Array(64);

/**
 * Fewest edits turning `expected` (at most 32 characters) into any substring of `actual`:
 * Myers' bit-parallel algorithm in one 32-bit word, the column of the edit-distance table
 * kept as vertical +1/-1 bit vectors.
 */
function bitParallelErrors(actual: string, expected: string): number {
  const m = expected.length;
  const high = 1 << (m - 1);
  for (let i = 0; i < m; i++) {
    const code = expected.charCodeAt(i);
    PEQ[code] = (PEQ[code] ?? 0) | (1 << i);
  }
  let positive = -1;
  let negative = 0;
  let errors = m;
  let fewest = m;
  for (let j = 0; j < actual.length; j++) {
    const equal = PEQ[actual.charCodeAt(j)] ?? 0;
    const xv = equal | negative;
    const xh = ((((equal & positive) >>> 0) + (positive >>> 0)) ^ positive) | equal;
    let ph = negative | ~(xh | positive);
    let mh = positive & xh;
    if (ph & high) errors++;
    else if (mh & high) errors--;
    // Free start in `actual`: the top row stays 0, so nothing is shifted in.
    ph <<= 1;
    mh <<= 1;
    positive = mh | ~(xv | ph);
    negative = ph & xv;
    if (errors < fewest) fewest = errors;
  }
  for (let i = 0; i < m; i++) PEQ[expected.charCodeAt(i)] = 0;
  return fewest;
}

/** The same as {@link bitParallelErrors} for any length, by the plain table, column by column. */
function dpErrors(actual: string, expected: string): number {
  const m = expected.length;
  if (row.length <= m) row = new Int32Array(2 * m + 2);
  for (let i = 0; i <= m; i++) row[i] = i;
  let fewest = m;
  for (let j = 0; j < actual.length; j++) {
    const code = actual.charCodeAt(j);
    // row[i] holds D[i][j]; walking down, `diagonal` is D[i-1][j] and `above` D[i-1][j+1].
    let diagonal = 0;
    let above = 0;
    for (let i = 1; i <= m; i++) {
      const left = row[i] ?? 0;
      const value = Math.min(left + 1, above + 1, diagonal + (expected.charCodeAt(i - 1) === code ? 0 : 1));
      diagonal = left;
      above = value;
      row[i] = value;
    }
    fewest = Math.min(fewest, above);
  }
  return fewest;
}

/**
 * Similarity of `expected` to its best alignment inside `actual`: 1 - edits / length (the
 * semi-global edit distance Myers' search reports). An empty `expected` (context at the very
 * start or end of a text) always agrees.
 */
export function similarity(actual: string, expected: string): number {
  const m = expected.length;
  if (m === 0 || actual === expected || actual.includes(expected)) return 1;
  if (actual.length === 0) return 0;
  return 1 - (m <= 32 ? bitParallelErrors(actual, expected) : dpErrors(actual, expected)) / m;
}

/** How well the text around `[start, end)` matches the stored prefix and suffix. */
export function contextSimilarity(
  text: string,
  quote: TextQuoteSelector,
  start: number,
  end: number,
): { prefix: number; suffix: number } {
  const before = text.slice(Math.max(0, start - quote.prefix.length), start);
  const after = text.slice(end, end + quote.suffix.length);
  return { prefix: similarity(before, quote.prefix), suffix: similarity(after, quote.suffix) };
}

/**
 * Scores one candidate. `hint` is where the quote was expected to start; without one the
 * position counts as agreeing everywhere.
 */
export function scoreCandidate(
  text: string,
  quote: TextQuoteSelector,
  candidate: Candidate,
  hint: number | undefined,
): ScoredCandidate {
  const quoteScore = 1 - candidate.errors / Math.max(1, quote.exact.length);
  const { prefix, suffix } = contextSimilarity(text, quote, candidate.start, candidate.end);
  const distance = hint === undefined ? 0 : Math.abs(candidate.start - hint);
  const positionScore = 1 - Math.min(1, distance / Math.max(1, text.length));
  const raw =
    QUOTE_WEIGHT * quoteScore +
    PREFIX_WEIGHT * prefix +
    SUFFIX_WEIGHT * suffix +
    POSITION_WEIGHT * positionScore;
  const stored = quote.exact.length + quote.prefix.length + quote.suffix.length;
  const agreeing =
    quote.exact.length - candidate.errors + quote.prefix.length * prefix + quote.suffix.length * suffix;
  return {
    ...candidate,
    agreement: agreeing / Math.max(1, stored),
    context: (prefix + suffix) / 2,
    weakerSide: Math.min(prefix, suffix),
    intactSide:
      (prefix === 1 && quote.prefix.length >= INTACT_SIDE) ||
      (suffix === 1 && quote.suffix.length >= INTACT_SIDE),
    score: raw / TOTAL_WEIGHT,
  };
}

const WORD = /[\p{L}\p{N}]/u;
const isWord = (char: string) => char !== '' && WORD.test(char);

/**
 * True when the exact quote at `candidate` cuts into a word where the stored quote did not: the
 * character beside the stored quote (the nearest of its context, or the text's edge) was no
 * letter, but beside the candidate one is. Letter edits leave spaces and punctuation alone, so
 * the highlighted passage keeps its word boundaries; a word-long quote found inside a longer
 * word ("in" in "looking", while the original "in" lost a letter) is a chance substring, however
 * well the shifted context around it reads.
 */
export function cutsWord(text: string, quote: TextQuoteSelector, candidate: Candidate): boolean {
  const { exact, prefix, suffix } = quote;
  const cutsStart =
    isWord(exact.charAt(0)) &&
    !isWord(prefix.charAt(prefix.length - 1)) &&
    isWord(text.charAt(candidate.start - 1));
  const cutsEnd =
    isWord(exact.charAt(exact.length - 1)) && !isWord(suffix.charAt(0)) && isWord(text.charAt(candidate.end));
  return cutsStart || cutsEnd;
}

/**
 * Scores every candidate, less the exact ones that cut into a word (see cutsWord). Approximate
 * ones keep their place: their ends may be off by the letter that was edited.
 */
export function scoreAll(
  text: string,
  quote: TextQuoteSelector,
  candidates: Iterable<Candidate>,
  hint: number | undefined,
): ScoredCandidate[] {
  const scored: ScoredCandidate[] = [];
  for (const candidate of candidates) {
    if (candidate.errors === 0 && cutsWord(text, quote, candidate)) continue;
    scored.push(scoreCandidate(text, quote, candidate, hint));
  }
  return scored;
}

/**
 * A cheap measure of context agreement for ranking many exact hits before scoring them: how
 * many characters of the stored prefix and suffix match right next to the hit, unedited.
 */
export function adjacentContext(text: string, quote: TextQuoteSelector, start: number, end: number): number {
  let matched = 0;
  const { prefix, suffix } = quote;
  while (
    matched < prefix.length &&
    text.charCodeAt(start - 1 - matched) === prefix.charCodeAt(prefix.length - 1 - matched)
  ) {
    matched++;
  }
  let after = 0;
  while (after < suffix.length && text.charCodeAt(end + after) === suffix.charCodeAt(after)) after++;
  return matched + after;
}
