/**
 * An edited passage at the very offset the neighbours predict: placed, however many of its letters
 * changed (within the approximate search's budget), when the text on both sides of it agrees and
 * nothing elsewhere agrees as well. The errors say how much the passage was edited, not
 * whether it is there.
 */
import { requiredContext, rivalsOf, type Found } from './decide';
import { maxErrorsFor } from './match-quote';
import { placeUnlessTwin, PREDICTION_HOLDS, TIE } from './near-twin';
import type { Anchor, TextQuoteSelector } from './types';

/**
 * Similarity each side of the context must keep: a letter or two of 32 edited (neighbouring
 * highlights' edits), where text that moved in beside the passage agrees on half or less.
 */
const SIDE_AGREES = 0.75;

/** True when `candidate` lies at `hint` with its quote within budget and its context agreeing on both sides. */
function editedAt(candidate: Found, hint: number, length: number, minScore: number): boolean {
  return (
    Math.abs(candidate.start - hint) <= PREDICTION_HOLDS &&
    candidate.errors <= maxErrorsFor(length) &&
    candidate.weakerSide >= SIDE_AGREES &&
    candidate.context >= requiredContext(length) &&
    candidate.score >= minScore
  );
}

/**
 * The best candidate at the predicted offset whose context agrees on both sides, placed unless a
 * rival elsewhere agrees as well (the prediction breaks only a tie it is part of) or a near twin
 * makes it a check (near-twin.ts); null otherwise (the usual decision then runs).
 */
export function editedAtPrediction(
  text: string,
  quote: TextQuoteSelector,
  all: readonly Found[],
  hint: number,
  minScore: number,
): Anchor | null {
  const length = quote.exact.length;
  const best = all
    .filter((c) => editedAt(c, hint, length, minScore))
    .reduce<Found | null>((top, c) => (top === null || c.agreement > top.agreement ? c : top), null);
  if (best === null) return null;
  const stored = length + quote.prefix.length + quote.suffix.length;
  const needed = best.agreement - TIE / stored;
  if (rivalsOf(best, all).some((rival) => rival.agreement > needed)) return null;
  return placeUnlessTwin(text, quote, best, hint);
}
