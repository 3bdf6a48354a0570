/**
 * Places one stored highlight in the current text. Cheapest and most certain first: the
 * stored position, the exact quote near the expected place, an approximate match near it,
 * the exact quote anywhere, an approximate match anywhere. Every candidate is scored by
 * quote, context and distance (see score.ts); a candidate whose context agrees settles the
 * search, otherwise the best one seen wins if it clears {@link MIN_SCORE}.
 */
import { exactCandidates, fuzzyCandidates } from './match-quote';
import { normalizedCandidates } from './normalize';
import { seededCandidates } from './seed-near';
import { bestCandidate, scoreCandidate, type Candidate, type ScoredCandidate } from './score';
import type { Anchor, AnchorMethod, AnchorOptions, TextPositionSelector, TextQuoteSelector } from './types';

/**
 * Below this score a match is not trusted and the highlight becomes an orphan. From the
 * weights (quote 50, prefix 20, suffix 20, position 2): an unchanged quote with unrelated
 * context (~0.3 similarity each side) scores ~0.70; a quote with a quarter of its characters
 * changed but intact context ~0.86; a chance match at the error limit with unrelated context
 * ~0.58, which 0.6 rejects. Measured on the 1,000-highlight test: correct fuzzy placements
 * scored >= 0.909; deleted passages produced no candidate at all.
 */
export const MIN_SCORE = 0.6;
/** Mean prefix/suffix similarity at which a candidate is taken without looking further. */
const CONTEXT_SETTLES = 0.75;
/** An approximate match near the expected place scoring this high ends the search. */
const FUZZY_SETTLES = 0.85;
/** Exact search radii around the expected start, growing. */
const EXACT_RADII = [4096, 32768];
/** Approximate search radii: small first, since a good prediction is usually within a few lines. */
const FUZZY_RADII = [512, 4096];

/** The best candidate seen so far, with the step that found it. */
class BestSoFar {
  candidate: ScoredCandidate | null = null;
  method: AnchorMethod = 'fuzzy';

  offer(candidate: ScoredCandidate | null, method: AnchorMethod): void {
    if (candidate !== null && (this.candidate === null || candidate.score > this.candidate.score)) {
      this.candidate = candidate;
      this.method = method;
    }
  }
}

function toAnchor(candidate: ScoredCandidate, method: AnchorMethod): Anchor {
  return { start: candidate.start, end: candidate.end, method, score: candidate.score };
}

function settles(candidate: ScoredCandidate | null): candidate is ScoredCandidate {
  return candidate !== null && candidate.context >= CONTEXT_SETTLES;
}

/** The stored position as a scored candidate, if the text there is still the quote. */
function positionCandidate(
  text: string,
  quote: TextQuoteSelector,
  start: number,
  hint: number | undefined,
): ScoredCandidate | null {
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
  return settles(candidate) ? toAnchor(candidate, 'position') : null;
}

/** Exact occurrences in a range, or failing those, whitespace-insensitive ones. */
function exactOrNormalized(text: string, exact: string, from: number, to: number): Candidate[] {
  const found = exactCandidates(text, exact, from, to);
  return found.length > 0 ? found : normalizedCandidates(text, exact, from, to);
}

/** Steps 2 and 3: the exact quote, then an approximate one, in windows around `hint`. */
function searchNear(text: string, quote: TextQuoteSelector, hint: number, best: BestSoFar): Anchor | null {
  const length = quote.exact.length;
  for (const radius of EXACT_RADII) {
    const found = exactCandidates(text, quote.exact, hint - radius, hint + length + radius);
    const candidate = bestCandidate(text, quote, found, hint);
    if (settles(candidate)) return toAnchor(candidate, 'near');
    best.offer(candidate, 'near');
  }
  const [first = 4096] = EXACT_RADII;
  const spaced = normalizedCandidates(text, quote.exact, hint - first, hint + length + first);
  const normalized = bestCandidate(text, quote, spaced, hint);
  if (settles(normalized)) return toAnchor(normalized, 'near');
  best.offer(normalized, 'near');
  // Head and tail found intact around an edit: bounds for the price of two indexOf scans.
  const [, widest = 4096] = FUZZY_RADII;
  const seeds = seededCandidates(text, quote.exact, hint - widest, hint + length + widest);
  const seeded = bestCandidate(text, quote, seeds, hint);
  if (settles(seeded) && seeded.score >= FUZZY_SETTLES) return toAnchor(seeded, 'fuzzy');
  best.offer(seeded, 'fuzzy');
  for (const radius of FUZZY_RADII) {
    const found = fuzzyCandidates(text, quote.exact, hint - radius, hint + length + radius);
    const candidate = bestCandidate(text, quote, found, hint);
    if (settles(candidate) && candidate.score >= FUZZY_SETTLES) return toAnchor(candidate, 'fuzzy');
    best.offer(candidate, 'fuzzy');
  }
  return null;
}

/** Steps 4 and 5: the exact quote anywhere, then an approximate one anywhere. */
function searchEverywhere(
  text: string,
  quote: TextQuoteSelector,
  hint: number | undefined,
  best: BestSoFar,
): Anchor | null {
  const exact = bestCandidate(text, quote, exactOrNormalized(text, quote.exact, 0, text.length), hint);
  if (settles(exact)) return toAnchor(exact, 'exact');
  best.offer(exact, 'exact');
  // An unchanged quote already found (with poor context) can only lose to an approximate
  // match with far better context: a passage both moved and edited. Not worth a whole-text scan.
  if (best.candidate?.errors === 0) return null;
  const fuzzy = bestCandidate(text, quote, fuzzyCandidates(text, quote.exact, 0, text.length), hint);
  best.offer(fuzzy, 'fuzzy');
  return null;
}

/**
 * Finds where a stored quote lies in `text`, or null if no match is good enough (the
 * highlight is then an orphan: kept and listed, never dropped).
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
  if (quote.exact.length === 0) return null;
  const hint = options.hint ?? position?.start;
  const best = new BestSoFar();
  if (position !== undefined) {
    const atPosition = positionCandidate(text, quote, position.start, hint);
    if (settles(atPosition)) return toAnchor(atPosition, 'position');
    best.offer(atPosition, 'position');
  }
  // The predicted place itself, with both sides of the context intact: nothing can score higher.
  if (hint !== undefined && hint !== position?.start && text.startsWith(quote.exact, hint)) {
    const atHint = scoreCandidate(
      text,
      quote,
      { start: hint, end: hint + quote.exact.length, errors: 0 },
      hint,
    );
    if (atHint.context === 1) return toAnchor(atHint, 'near');
  }
  const found =
    (hint === undefined ? null : searchNear(text, quote, hint, best)) ??
    searchEverywhere(text, quote, hint, best);
  if (found !== null) return found;
  const { candidate, method } = best;
  const minScore = options.minScore ?? MIN_SCORE;
  return candidate !== null && candidate.score >= minScore ? toAnchor(candidate, method) : null;
}
