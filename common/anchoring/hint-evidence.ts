/**
 * The place the neighbours predict as evidence against a far placement: when the text there
 * still reads like the stored passage (its context and the ends of its quote, edited a little),
 * the highlight most likely never moved, and a copy found elsewhere is only an alternative.
 */
import { scoreCandidate, similarity } from './score';
import type { Anchor, TextQuoteSelector } from './types';

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
  };
}
