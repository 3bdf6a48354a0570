/**
 * The last test before a candidate near the predicted place is placed without a full search: a
 * near-duplicate of the passage close by (a revised copy, a repeated paragraph) that agrees with
 * the stored quote and context about as well, or, off the predicted offset, reads like them at
 * all. The prediction cannot tell two places a few paragraphs apart, so the reader checks.
 */
import { checkAnchor, placedAnchor, type Found } from './decide';
import { fuzzyCandidates, maxErrorsFor } from './match-quote';
import { scoreAll, scoreCandidate, similarity, type Candidate, type ScoredCandidate } from './score';
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

/** Agreeing characters within which two places tie (agreement counts fractions of a character). */
export const TIE = 0.5;

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
  margin = twinMargin(quote.exact.length),
): ScoredCandidate | null {
  const length = quote.exact.length;
  const slack = maxErrorsFor(length);
  const before = twinsIn(text, quote.exact, chosen.start - length - slack - TWIN_REACH, chosen.start);
  const after = twinsIn(text, quote.exact, chosen.end, chosen.end + length + slack + TWIN_REACH);
  const stored = storedLength(quote);
  const needed = (chosen.agreement * stored - margin) / stored;
  let twin: ScoredCandidate | null = null;
  for (const candidate of scoreAll(text, quote, [...before, ...after], undefined)) {
    const apart = candidate.end <= chosen.start || candidate.start >= chosen.end;
    if (apart && candidate.agreement > needed && (twin === null || candidate.agreement > twin.agreement)) {
      twin = candidate;
    }
  }
  return twin;
}

/** Characters of the quote, at each end, that with the stored context make a twin's head or tail. */
const END_PROBE = 32;

/**
 * A place within reach of `chosen`, not overlapping it, whose head (stored prefix and the quote's
 * first characters) and tail (the quote's last characters and stored suffix) both read like the
 * stored ones within the approximate search's budget (a quarter may differ): a copy of the
 * passage, however edited. Only ends are compared, so the cost does not grow with the quote.
 * The head is searched for before `chosen` and the tail after it, so `chosen` hides neither.
 */
export function resemblingTwin(text: string, quote: TextQuoteSelector, chosen: Candidate): Candidate | null {
  const { prefix, exact, suffix } = quote;
  const probe = Math.min(exact.length, END_PROBE);
  const head = prefix + exact.slice(0, probe);
  const tail = exact.slice(-probe) + suffix;
  const length = exact.length;
  const reach = TWIN_REACH + maxErrorsFor(length);
  const spans: Candidate[] = [
    ...fuzzyCandidates(text, head, Math.max(0, chosen.start - length - reach), chosen.start).map((m) => {
      const start = m.end - probe;
      return { start, end: start + length, errors: m.errors };
    }),
    ...fuzzyCandidates(text, tail, chosen.end, chosen.end + length + reach).map((m) => {
      const end = m.start + probe;
      return { start: end - length, end, errors: m.errors };
    }),
  ];
  for (const span of spans) {
    if (span.start < 0 || span.end > text.length) continue;
    // Apart from `chosen` by a whole head: a span shifted by a few characters is `chosen` itself.
    const apart = Math.abs(span.start - chosen.start) >= Math.max(length, head.length);
    if (!apart) continue;
    if (
      resembles(text, head, span.start - prefix.length - PAD, span.start + probe + PAD) &&
      resembles(text, tail, span.end - probe - PAD, span.end + suffix.length + PAD)
    )
      return span;
  }
  return null;
}

/**
 * Distance from the predicted start within which the prediction held: neighbours moved by the
 * same amount put the quote there, give or take a few letters added or cut between them.
 */
export const PREDICTION_HOLDS = 16;

/** Slack around a compared end: a few characters inserted or lost nearby. */
const PAD = 8;

/** True when `expected` occurs in `text[from, to)` with at most a quarter of it differing. */
function resembles(text: string, expected: string, from: number, to: number): boolean {
  return (
    similarity(text.slice(Math.max(0, from), Math.max(0, to)), expected) >=
    1 - maxErrorsFor(expected.length) / expected.length
  );
}

/**
 * `found` placed, or "check this" with a twin as the alternative: one that agrees nearly as well
 * (nearTwin; at the predicted offset, as well) or, when `found` is not at that offset, any copy close by
 * that reads like the stored passage (resemblingTwin). Away from the prediction only agreement
 * separates the two, and the edits may have hit the highlighted copy harder than the other one.
 */
export function placeUnlessTwin(
  text: string,
  quote: TextQuoteSelector,
  found: Found,
  hint: number | undefined,
): Anchor {
  // At the very offset the neighbours predict, the prediction is evidence of its own.
  const predicted = hint !== undefined && Math.abs(found.start - hint) <= PREDICTION_HOLDS;
  // Every stored character agrees: a twin can only tie, and the prediction breaks the tie.
  if (found.errors === 0 && found.context === 1 && predicted) return placedAnchor(found);
  // At the predicted offset the prediction breaks a near tie: only a twin agreeing as well is a rival.
  const margin = predicted ? TIE : twinMargin(quote.exact.length);
  const twin = found.errors === 0 && found.context === 1 ? null : nearTwin(text, quote, found, margin);
  if (twin !== null) return checkAnchor(found, [{ ...twin, method: found.method }], 'nearTwin');
  if (predicted) return placedAnchor(found);
  const copy = resemblingTwin(text, quote, found);
  if (copy === null) return placedAnchor(found);
  const scored = scoreCandidate(text, quote, copy, undefined);
  return checkAnchor(found, [{ ...scored, method: 'fuzzy' }], 'resemblingTwin');
}
