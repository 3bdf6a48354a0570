/**
 * Selector and result types for anchoring highlights in a document's rendered text.
 * The selectors follow the W3C Web Annotation Data Model so stored highlights stay portable.
 */

// The selectors are the contract's: what the reader stores is exactly what it anchors.
export type { TextPositionSelector, TextQuoteSelector } from '../../preload/api';

/**
 * How an anchor was found, from most to least certain:
 * - `position`: the stored offsets still hold the quote, with its context;
 * - `near`: the exact quote was found close to where it was expected;
 * - `exact`: the exact quote was found elsewhere in the text (or differs only in whitespace);
 * - `fuzzy`: an approximate match of the quote (the text was edited).
 */
export type AnchorMethod = 'position' | 'near' | 'exact' | 'fuzzy';

/**
 * The three outcomes of placing a highlight:
 * - `placed`: the evidence justifies the place (an `Anchor` with status 'placed');
 * - `check`: a plausible place, but another candidate scores close or the place is far from
 *   where the neighbours put it; shown as placed, marked "check this" (status 'check', with
 *   the other candidates in `alternatives`);
 * - `unplaced`: no candidate is good enough (`anchorAll` maps the id to null).
 */
export type AnchorStatus = 'placed' | 'check' | 'unplaced';

/** Another place a "check this" highlight could be, for the reader to pick. */
export interface CandidatePlace {
  start: number;
  end: number;
  /** Confidence from 0 to 1, as `Anchor.score`. */
  score: number;
}

/**
 * Where a highlight lies in the current text. Callers that only know "placed or not" read
 * any non-null anchor as placed; `status` says whether it should be checked.
 */
export interface Anchor {
  start: number;
  end: number;
  method: AnchorMethod;
  /** Confidence from 0 to 1: quote, prefix, suffix and position agreement, weighted. */
  score: number;
  /** 'placed', or 'check' when the reader should confirm the place (see {@link AnchorStatus}). */
  status: 'placed' | 'check';
  /** For 'check': up to 3 other candidates, best first; empty for 'placed'. */
  alternatives: CandidatePlace[];
  /** For 'check': which rule asked for the check (diagnostics and the evaluation's tally). */
  reason?: CheckReason;
}

/**
 * Why an anchor is "check this": the best was not justified by itself (`unjustified`), a
 * runner-up scored close or agreed more (`closeRival`), the prediction and the text disagree
 * (`farFromPrediction`, `splitEvidence`, `contestedByHint`), a copy lies close by (`nearTwin`,
 * `resemblingTwin`), a jump the next highlight did not confirm (`untrustedJump`), a placement off
 * the stored order (`offOrder`), or a run that may have landed in a copy (`copiedRun`).
 */
export type CheckReason =
  | 'unjustified'
  | 'closeRival'
  | 'farFromPrediction'
  | 'splitEvidence'
  | 'contestedByHint'
  | 'nearTwin'
  | 'resemblingTwin'
  | 'untrustedJump'
  | 'offOrder'
  | 'copiedRun';

/** Tuning for {@link anchorQuote}. */
export interface AnchorOptions {
  /**
   * Where the quote is expected to start now. Defaults to the stored position; `anchorAll`
   * passes a prediction from the drift of already anchored neighbours.
   */
  hint?: number;
  /** Matches scoring below this are rejected (the highlight becomes an orphan). */
  minScore?: number;
}
