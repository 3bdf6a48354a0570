/**
 * The last test before a candidate at the predicted place is placed without a full search: a
 * near-duplicate of the passage close by (a revised copy, a repeated paragraph) that agrees with
 * the stored quote and context about as well. The prediction cannot tell two places a few
 * paragraphs apart (one insertion between the neighbours moves it that far), so the reader checks.
 */
import { checkAnchor, placedAnchor, type Found } from './decide';
import { fuzzyCandidates, maxErrorsFor } from './match-quote';
import { scoreAll, type Candidate, type ScoredCandidate } from './score';
import { seededCandidates } from './seed-near';
import type { Anchor, TextQuoteSelector } from './types';

/** How far around the chosen place a twin is looked for: a paragraph or two. */
const TWIN_REACH = 1024;
/**
 * Agreeing stored characters (quote and context) by which the chosen place must beat a twin:
 * a tenth of the quote, at least two (one changed letter on each side of the evidence).
 */
export function twinMargin(quoteLength: number): number {
  return Math.max(2, Math.ceil(quoteLength / 10));
}

/** Shortest quote whose twins are found by its head and tail (seed-near.ts) rather than Myers. */
const SEEDED_LENGTH = 64;

/**
 * Candidates for a twin in `[from, to)`. A longer quote's twin keeps its head or tail intact
 * (a twin that lost both agrees too little to matter), so two `indexOf` scans find it; a
 * short one is searched with Myers, cheap at its length.
 */
function twinsIn(text: string, exact: string, from: number, to: number): Candidate[] {
  const start = Math.max(0, from);
  if (exact.length < SEEDED_LENGTH) return fuzzyCandidates(text, exact, start, to);
  return seededCandidates(text, exact, start, to).filter((c) => c.end <= to);
}

const storedLength = (quote: TextQuoteSelector) =>
  quote.exact.length + quote.prefix.length + quote.suffix.length;

/**
 * The best candidate within reach of `chosen` that does not overlap it and agrees with the
 * stored quote and context nearly as well (within {@link twinMargin}), or null. Each side of
 * `chosen` is searched apart: a search reports only its best matches, and `chosen` would hide
 * an edited twin.
 */
export function nearTwin(
  text: string,
  quote: TextQuoteSelector,
  chosen: ScoredCandidate,
): ScoredCandidate | null {
  const length = quote.exact.length;
  const slack = maxErrorsFor(length);
  const before = twinsIn(text, quote.exact, chosen.start - length - slack - TWIN_REACH, chosen.start);
  const after = twinsIn(text, quote.exact, chosen.end, chosen.end + length + slack + TWIN_REACH);
  const stored = storedLength(quote);
  const needed = (chosen.agreement * stored - twinMargin(length)) / stored;
  let twin: ScoredCandidate | null = null;
  for (const candidate of scoreAll(text, quote, [...before, ...after], undefined)) {
    const apart = candidate.end <= chosen.start || candidate.start >= chosen.end;
    if (apart && candidate.agreement > needed && (twin === null || candidate.agreement > twin.agreement)) {
      twin = candidate;
    }
  }
  return twin;
}

/** `found` placed, or "check this" with its near twin as the alternative. */
export function placeUnlessTwin(text: string, quote: TextQuoteSelector, found: Found): Anchor {
  // Every stored character agrees: a twin can only tie, and the prediction breaks the tie.
  if (found.errors === 0 && found.context === 1) return placedAnchor(found);
  const twin = nearTwin(text, quote, found);
  return twin === null ? placedAnchor(found) : checkAnchor(found, [{ ...twin, method: found.method }]);
}
