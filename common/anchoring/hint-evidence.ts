/**
 * The place the neighbours predict (the hint) as evidence: a far placement is only a check when
 * the text at the hint still reads like the stored passage, or a candidate there is justified,
 * edited, or keeps one side of its context; a copy found elsewhere is then an alternative.
 */
import {
  checkAnchor,
  decide,
  placedAnchor,
  FUZZY_SIDE,
  justified,
  requiredContext,
  rivalsOf,
  type Found,
} from './decide';
import { maxErrorsFor } from './match-quote';
import { scoreCandidate, similarity } from './score';
import type { Anchor, TextQuoteSelector } from './types';

/** A candidate this far from the expected start is "far": it must beat a near one clearly. */
export const NEAR_DISTANCE = 4096;
/** A near candidate ends the search only this close to the expected start. */
export const SETTLE_DISTANCE = 256;
/** Mean prefix/suffix similarity at which a near candidate is taken without looking further. */
export const CONTEXT_SETTLES = 0.75;
/** Characters of stored context, both sides together (describe.ts keeps 32 on each). */
const STORED_CONTEXT = 64;
/** How much better a far candidate must score than a justified near one to be preferred. */
export const FAR_MARGIN = 0.08;

const best = (candidates: readonly Found[]) =>
  candidates.reduce<Found | null>((top, c) => (top === null || c.score > top.score ? c : top), null);

/** Characters of the quote, at each end, compared with the text at the predicted place. */
const END_PROBE = 64;
/** Slack on each side of the compared window: a few characters inserted or lost nearby. */
const PAD = 16;
/**
 * Similarity at which the text reads as the stored passage, edited: up to a quarter of it may
 * differ (the approximate search's budget); unrelated prose agrees on about half or less.
 */
const RESEMBLES = 0.75;

/** Similarity of the stored head (prefix and quote start) and tail (quote end and suffix) to the text at `hint`. */
function endsAt(text: string, quote: TextQuoteSelector, hint: number): [number, number] {
  const { prefix, exact, suffix } = quote;
  const probe = Math.min(exact.length, END_PROBE);
  const head = prefix + exact.slice(0, probe);
  const tail = exact.slice(-probe) + suffix;
  const headAt = text.slice(Math.max(0, hint - prefix.length - PAD), hint + probe + PAD);
  const end = hint + exact.length;
  const tailAt = text.slice(Math.max(0, end - probe - PAD), end + suffix.length + PAD);
  return [similarity(headAt, head), similarity(tailAt, tail)];
}

/**
 * `anchor`, placed far from `hint`, as "check this" when the text at `hint` still reads like
 * the stored passage: the place at `hint` becomes the shown one (neighbours agree with it),
 * the far one its alternative. Otherwise `anchor` unchanged.
 */
export function contestedByHint(
  text: string,
  quote: TextQuoteSelector,
  anchor: Anchor,
  hint: number,
  farFrom: number,
): Anchor {
  const length = quote.exact.length;
  const far = Math.abs(anchor.start - hint) > farFrom;
  const overlaps = anchor.start < hint + length && hint < anchor.end;
  if (anchor.status !== 'placed' || !far || overlaps || hint + length > text.length) return anchor;
  const [head, tail] = endsAt(text, quote, hint);
  if (Math.min(head, tail) < RESEMBLES) return anchor;
  const errors = Math.round(length * (1 - Math.min(head, tail)));
  const atHint = scoreCandidate(text, quote, { start: hint, end: hint + length, errors }, hint);
  const { start, end, score } = anchor;
  return {
    start: hint,
    end: hint + length,
    method: 'fuzzy',
    score: atHint.score,
    status: 'check',
    alternatives: [{ start, end, score }],
    reason: 'contestedByHint',
  };
}

/** The exact quote with one side of its context intact: a neighbouring passage was edited. */
const oneSided = (c: Found) => c.errors === 0 && 2 * c.context - c.weakerSide >= CONTEXT_SETTLES;

/**
 * A match at the predicted place, within the search's error budget, whose context agrees on
 * both sides: the highlighted passage, edited (several edits may hit one short word). A twin
 * elsewhere that still reads like the stored quote is then no more likely than it.
 */
const editedAtHint = (c: Found, hint: number, length: number) =>
  Math.abs(c.start - hint) <= SETTLE_DISTANCE &&
  c.errors <= maxErrorsFor(length) &&
  c.context >= requiredContext(length) &&
  c.weakerSide >= FUZZY_SIDE;

/**
 * The best candidate lies away from where the neighbours predict while another one, not far
 * from the prediction, is justified or is the exact quote with one side of its context intact:
 * a copy with intact context against the original with an edit nearby. Text alone cannot tell
 * which the reader highlighted, so the one nearer the prediction is shown for checking, with
 * the other as an alternative.
 */
export function splitEvidence(
  all: readonly Found[],
  hint: number,
  length: number,
  minScore: number,
): Anchor | null {
  const top = best(all);
  if (top === null || Math.abs(top.start - hint) <= SETTLE_DISTANCE) return null;
  const other = all.filter(
    (c) =>
      Math.abs(c.start - hint) <= NEAR_DISTANCE &&
      (c.end <= top.start || c.start >= top.end) &&
      (justified(c, length, minScore) || oneSided(c) || editedAtHint(c, hint, length)),
  );
  const nearest = [top, ...other].reduce((a, c) =>
    Math.abs(c.start - hint) < Math.abs(a.start - hint) ? c : a,
  );
  if (other.length === 0) return null;
  const found = all.find((c) => c.start === nearest.start && c.end === nearest.end);
  if (found === undefined) return null;
  const rivals = rivalsOf(found, all);
  return Math.abs(found.start - hint) <= SETTLE_DISTANCE && outAgrees(found, rivals, length)
    ? placedAnchor(found)
    : checkAnchor(found, rivals, 'splitEvidence');
}

/**
 * True when `found` has at least one more agreeing stored character than every rival. For the
 * candidate nearest the prediction, position and text evidence then point the same way (the
 * edited original against a twin whose context differs more than its quote).
 */
function outAgrees(found: Found, rivals: readonly Found[], length: number): boolean {
  const oneCharacter = 1 / (length + STORED_CONTEXT);
  return rivals.every((r) => found.agreement >= r.agreement + oneCharacter);
}

/** Prefers a justified candidate near `hint` to a far one unless the far one is clearly better. */
export function nearPreferred(
  all: readonly Found[],
  hint: number,
  length: number,
  minScore: number,
): Anchor | null {
  const near = all.filter((c) => Math.abs(c.start - hint) <= NEAR_DISTANCE);
  const nearDecision = decide(near, length, minScore);
  if (nearDecision === null || nearDecision.status !== 'placed') return null;
  const nearBest = near.find((c) => c.start === nearDecision.start && c.end === nearDecision.end);
  if (nearBest === undefined) return null;
  const rivals = rivalsOf(nearBest, all);
  const [far] = rivals;
  if (far === undefined || far.score < nearBest.score - FAR_MARGIN) return nearDecision;
  // A justified candidate near the prediction is evidence too: a far one may win, never silently.
  if (far.score >= nearBest.score + FAR_MARGIN)
    return checkAnchor(far, rivalsOf(far, all), 'farFromPrediction');
  // Near the prediction, every close rival far from it, and more agreeing stored characters than
  // each: the position and the text point the same way (a far copy scoring close wins on neither).
  const closeRivals = rivals.filter((r) => r.score >= nearBest.score - FAR_MARGIN);
  const allFar = closeRivals.every((r) => Math.abs(r.start - hint) > NEAR_DISTANCE);
  if (allFar && outAgrees(nearBest, rivals, length)) return nearDecision;
  return checkAnchor(nearBest, rivals, 'farFromPrediction');
}
