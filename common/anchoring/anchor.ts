/**
 * Places one stored highlight in the current text. Cheapest and most certain first: the
 * stored position, the exact quote near the expected place, an approximate match near it,
 * the exact quote anywhere, an approximate match anywhere. A candidate near the expected
 * place whose context agrees settles the search; otherwise every candidate seen goes to
 * decide.ts, which places the best, asks for a check, or leaves the highlight unplaced, and
 * the predicted place weighs in as evidence against a far choice (hint-evidence.ts). A candidate
 * settled at the predicted place is only placed when no near-duplicate close by agrees about as
 * well (near-twin.ts).
 */
import {
  CLOSE_SCORE,
  decide,
  justified,
  placedAnchor,
  requiredContext,
  rivalsOf,
  type Found,
} from './decide';
import {
  CONTEXT_SETTLES,
  contestedByHint,
  nearPreferred,
  SETTLE_DISTANCE,
  splitEvidence,
} from './hint-evidence';

import { editedAtPrediction } from './at-prediction';
import { exactCandidates, fuzzyCandidates, fuzzyCandidatesAt } from './match-quote';
import { placeUnlessTwin } from './near-twin';
import { normalizedCandidates } from './normalize';
import { seededCandidates } from './seed-near';
import { adjacentContext, scoreAll, scoreCandidate, type Candidate, type ScoredCandidate } from './score';
import type { Anchor, AnchorMethod, AnchorOptions, TextPositionSelector, TextQuoteSelector } from './types';

export { NEAR_DISTANCE } from './hint-evidence';

/**
 * Below this score a match is not trusted. From the weights (quote 50, prefix 20, suffix 20,
 * position 2): an unchanged quote with unrelated context (~0.3 similarity each side) scores
 * ~0.70, which decide.ts no longer accepts for a short quote; a chance match at the error
 * limit with unrelated context ~0.58.
 */
export const MIN_SCORE = 0.6;
/** An approximate match near the expected place scoring this high ends the search. */
const FUZZY_SETTLES = 0.85;
/** Exact search radii around the expected start, growing. */
const EXACT_RADII = [4096, 32768];
/** Approximate search radii: small first, since a good prediction is usually within a few lines. */
const NEAR_FUZZY_RADIUS = 512;
const FUZZY_RADII = [NEAR_FUZZY_RADIUS, 4096];
/** Exact hits of a common quote scored in full: the best by adjacent context, and the nearest. */
const RANKED_HITS = 48;
const NEAREST_HITS = 16;
/** Longest quote whose near twin is checked against an edited original (one-word Myers search). */
const SHORT_QUOTE = 32;

/** Every candidate seen, with the step that found it. */
class Seen {
  readonly all: Found[] = [];

  add(candidates: readonly ScoredCandidate[], method: AnchorMethod): void {
    for (const c of candidates) {
      if (!this.all.some((s) => s.start === c.start && s.end === c.end)) this.all.push({ ...c, method });
    }
  }

  get bestErrors(): number {
    return this.all.reduce((fewest, c) => Math.min(fewest, c.errors), Number.POSITIVE_INFINITY);
  }
}

const best = (candidates: readonly ScoredCandidate[]) =>
  candidates.reduce<ScoredCandidate | null>(
    (top, c) => (top === null || c.score > top.score ? c : top),
    null,
  );

/** True when `candidate` needs no further search: its context agrees, the more so for a short quote. */
function settles(candidate: ScoredCandidate | null, length: number): candidate is ScoredCandidate {
  return candidate !== null && candidate.context >= Math.max(CONTEXT_SETTLES, requiredContext(length));
}

/** The stored position as a scored candidate, if the text there is still the quote. */
function positionCandidate(text: string, quote: TextQuoteSelector, start: number, hint: number | undefined) {
  const end = start + quote.exact.length;
  if (start < 0 || text.slice(start, end) !== quote.exact) return null;
  return scoreCandidate(text, quote, { start, end, errors: 0 }, hint);
}

/**
 * The fast path alone: an anchor at `start` if the quote is still there and its context
 * agrees, else null. Used by `anchorAll` to settle unchanged highlights in one pass.
 */
export function anchorAtPosition(text: string, quote: TextQuoteSelector, start: number): Anchor | null {
  const candidate = positionCandidate(text, quote, start, start);
  return settles(candidate, quote.exact.length) ? placedAnchor({ ...candidate, method: 'position' }) : null;
}

/**
 * The predicted place itself, with both sides of the context intact (nothing can score higher)
 * or with context that justifies it: the neighbours put the quote at this very offset and the
 * text there agrees, so a twin far off is no rival (one close by is: near-twin.ts). Null when
 * the exact quote does not start at `hint` or its context there does not justify it.
 */
export function anchorAtHint(
  text: string,
  quote: TextQuoteSelector,
  hint: number,
  minScore = MIN_SCORE,
): Anchor | null {
  const length = quote.exact.length;
  if (length === 0 || !text.startsWith(quote.exact, hint)) return null;
  const atHint = scoreCandidate(text, quote, { start: hint, end: hint + length, errors: 0 }, hint);
  if (atHint.context !== 1 && !justified(atHint, length, minScore)) return null;
  return placeUnlessTwin(text, quote, { ...atHint, method: 'near' }, hint);
}

/** Steps 2 and 3: the exact quote, then an approximate one, in windows around `hint`. */
function searchNear(
  text: string,
  quote: TextQuoteSelector,
  hint: number,
  seen: Seen,
  settle: (found: Found) => Anchor,
): Anchor | null {
  const length = quote.exact.length;
  const steps: [AnchorMethod, (radius: number) => Candidate[], number[], number][] = [
    ['near', (r) => exactCandidates(text, quote.exact, hint - r, hint + length + r), EXACT_RADII, 0],
    ['near', (r) => normalizedCandidates(text, quote.exact, hint - r, hint + length + r), [4096], 0],
    ['fuzzy', () => fuzzyCandidatesAt(text, quote.exact, hint), [0], FUZZY_SETTLES],
    ['fuzzy', (r) => seededCandidates(text, quote.exact, hint - r, hint + length + r), [4096], FUZZY_SETTLES],
    [
      'fuzzy',
      (r) => fuzzyCandidates(text, quote.exact, hint - r, hint + length + r),
      FUZZY_RADII,
      FUZZY_SETTLES,
    ],
  ];
  let deferred: Found | null = null;
  for (const [method, search, radii, minScore] of steps) {
    for (const radius of radii) {
      const scored = scoreAll(text, quote, search(radius), hint);
      seen.add(scored, method);
      const top = best(scored);
      // Only a candidate at the predicted place ends the search: one further off may be a twin.
      const atHint = top !== null && Math.abs(top.start - hint) <= SETTLE_DISTANCE;
      if (atHint && settles(top, length) && top.score >= minScore && !closeRival(top, seen.all)) {
        if (method === 'fuzzy' || !mayHideEdited(top, quote)) return settle({ ...top, method });
        deferred ??= { ...top, method };
      }
      if (deferred !== null && method === 'fuzzy' && radius >= NEAR_FUZZY_RADIUS) {
        return closeRival(deferred, seen.all) ? null : settle(deferred);
      }
    }
  }
  return null;
}

/**
 * True when `top`, an exact match, has edited context and a short quote: the original, with
 * one letter of its quote changed and its context intact, would carry more agreeing characters,
 * so the approximate search near the hint must run before `top` is taken. (Cheap for a short
 * quote; a long quote is its own evidence.)
 */
function mayHideEdited(top: ScoredCandidate, quote: TextQuoteSelector): boolean {
  const stored = quote.exact.length + quote.prefix.length + quote.suffix.length;
  return quote.exact.length <= SHORT_QUOTE && (1 - top.agreement) * stored >= 1;
}

/**
 * True when another candidate seen scores close to `top` (as decide.ts counts it), or has more agreeing
 * characters (an edited original against a twin): then the search goes on.
 */
function closeRival(top: Found | ScoredCandidate, all: readonly Found[]): boolean {
  const [rival] = rivalsOf({ method: 'near', ...top }, all);
  return rival !== undefined && (rival.score >= top.score - CLOSE_SCORE || rival.agreement > top.agreement);
}

/** Every exact hit of the quote, however many: the best-looking and the nearest are scored. */
function exactEverywhere(text: string, quote: TextQuoteSelector, hint: number | undefined): Candidate[] {
  const hits = exactCandidates(text, quote.exact, 0, text.length, Number.POSITIVE_INFINITY);
  if (hits.length <= RANKED_HITS + NEAREST_HITS) return hits;
  const ranked = hits
    .map((hit) => ({ hit, agree: adjacentContext(text, quote, hit.start, hit.end) }))
    .toSorted((a, b) => b.agree - a.agree)
    .slice(0, RANKED_HITS)
    .map(({ hit }) => hit);
  const from = hint ?? 0;
  const nearest = hits
    .toSorted((a, b) => Math.abs(a.start - from) - Math.abs(b.start - from))
    .slice(0, NEAREST_HITS);
  return [...ranked, ...nearest];
}

/** Steps 4 and 5: the exact (or whitespace-insensitive) quote anywhere, then an approximate one. */
function searchEverywhere(
  text: string,
  quote: TextQuoteSelector,
  hint: number | undefined,
  seen: Seen,
): void {
  const exact = exactEverywhere(text, quote, hint);
  const found = exact.length > 0 ? exact : normalizedCandidates(text, quote.exact, 0, text.length);
  seen.add(scoreAll(text, quote, found, hint), 'exact');
  // An unchanged quote already found can only lose to an approximate match with far better
  // context (a passage both moved and edited): not worth a whole-text scan.
  if (seen.bestErrors === 0 && seen.all.some((c) => c.context >= CONTEXT_SETTLES)) return;
  seen.add(scoreAll(text, quote, fuzzyCandidates(text, quote.exact, 0, text.length), hint), 'fuzzy');
}

/**
 * Finds where a stored quote lies in `text`: placed, "check this" (status 'check', with
 * alternatives) or null when no match is good enough (the highlight is then unplaced: kept
 * and listed, never dropped).
 *
 * @param text - the document's current rendered text
 * @param quote - the stored quote with its context
 * @param position - the stored offsets, if any; also the default expected position
 * @param options - `hint` overrides the expected start; `minScore` the acceptance threshold
 */
export function anchorQuote(
  text: string,
  quote: TextQuoteSelector,
  position?: TextPositionSelector,
  options: AnchorOptions = {},
): Anchor | null {
  const length = quote.exact.length;
  if (length === 0) return null;
  const hint = options.hint ?? position?.start;
  const minScore = options.minScore ?? MIN_SCORE;
  const seen = new Seen();
  const settle = (found: Found) => placeUnlessTwin(text, quote, found, hint);
  if (position !== undefined) {
    const atPosition = positionCandidate(text, quote, position.start, hint);
    if (settles(atPosition, length)) return placedAnchor({ ...atPosition, method: 'position' });
    if (atPosition !== null) seen.add([atPosition], 'position');
  }
  if (hint !== undefined) {
    const atHint = anchorAtHint(text, quote, hint, minScore);
    if (atHint !== null) return atHint;
    const near = searchNear(text, quote, hint, seen, settle);
    if (near !== null) return near;
  }
  searchEverywhere(text, quote, hint, seen);
  const edited = hint === undefined ? null : editedAtPrediction(text, quote, seen.all, hint, minScore);
  if (edited !== null) return edited;
  const preferred =
    hint === undefined
      ? null
      : (splitEvidence(seen.all, hint, length, minScore) ?? nearPreferred(seen.all, hint, length, minScore));
  const decided = preferred ?? decide(seen.all, length, minScore);
  return decided === null || hint === undefined
    ? decided
    : contestedByHint(text, quote, decided, hint, SETTLE_DISTANCE);
}
