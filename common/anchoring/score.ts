/**
 * Scores a candidate match by how well its quote, its context and its position agree with
 * what was stored. Weights follow the Hypothesis client: the quote dominates, the context
 * tells repeats apart, the position only breaks ties.
 */
import approxSearch from 'approx-string-match';
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
  /** Weighted, normalised total. */
  score: number;
}

const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/**
 * Similarity of `expected` to its best alignment inside `actual`: 1 - edits / length.
 * An empty `expected` (context at the very start or end of a text) always agrees.
 */
export function similarity(actual: string, expected: string): number {
  if (expected.length === 0 || actual === expected) return 1;
  if (actual.length === 0) return 0;
  let errors = expected.length;
  for (const match of approxSearch(actual, expected, expected.length)) {
    errors = Math.min(errors, match.errors);
  }
  return 1 - errors / expected.length;
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
  return {
    ...candidate,
    context: (prefix + suffix) / 2,
    weakerSide: Math.min(prefix, suffix),
    score: raw / TOTAL_WEIGHT,
  };
}

/** Scores every candidate. */
export function scoreAll(
  text: string,
  quote: TextQuoteSelector,
  candidates: Iterable<Candidate>,
  hint: number | undefined,
): ScoredCandidate[] {
  return [...candidates].map((candidate) => scoreCandidate(text, quote, candidate, hint));
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
