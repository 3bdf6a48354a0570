/**
 * Last resort for a long quote that no search places: text inserted inside the highlight (a
 * paragraph moved into it) splits it, and the whole quote then matches nowhere well enough. Its
 * two ends are found instead: exactly and once in the whole text, or nearly and once close by.
 */
import { fuzzyCandidates } from './match-quote';
import { resemblingTwin } from './near-twin';
import type { Candidate } from './score';
import type { Anchor, TextQuoteSelector } from './types';

/** Characters at each end of the quote that must occur exactly, once in the whole text: up to
 * this many, a third of the quote, and no fewer than MIN_END_LENGTH. */
const END_LENGTH = 32;
const MIN_END_LENGTH = 16;
/** Characters of stored context that must agree next to each end. */
const CONTEXT_LENGTH = 16;
/** The split span may hold this much more text than the quote (a moved paragraph or two). */
const MAX_GROWTH = 1024;

/** The only offset of `needle` in `text`, or -1 when it occurs zero or several times. */
function onlyOccurrence(text: string, needle: string): number {
  const first = text.indexOf(needle);
  return first < 0 || text.indexOf(needle, first + 1) >= 0 ? -1 : first;
}

/** True when the stored context (empty: nothing to check) agrees with the text there. */
function contextAgrees(stored: string | undefined, actual: string, before: boolean): boolean {
  const context = before ? (stored ?? '').slice(-CONTEXT_LENGTH) : (stored ?? '').slice(0, CONTEXT_LENGTH);
  if (context.trim().length === 0) return true;
  return before ? actual.endsWith(context) : actual.startsWith(context);
}

/**
 * The quote's place when its first and last characters each occur exactly once in `text`, in
 * order, with the stored context agreeing on both sides and no more than a little text added
 * or lost in between: both ends are unambiguous, so the span between them is the highlight.
 * Not when one end of the span holds the whole passage (see oneEndHoldsAll). Null otherwise.
 */
export function splitAnchor(text: string, quote: TextQuoteSelector): Anchor | null {
  const { exact } = quote;
  const ends = Math.min(END_LENGTH, Math.floor(exact.length / 3));
  if (ends < MIN_END_LENGTH) return null;
  const head = onlyOccurrence(text, exact.slice(0, ends));
  const tail = onlyOccurrence(text, exact.slice(-ends));
  if (head < 0 || tail < head + ends) return null;
  const end = tail + ends;
  const span = end - head;
  if (span < exact.length / 2 || span > exact.length + MAX_GROWTH) return null;
  const before = text.slice(Math.max(0, head - CONTEXT_LENGTH), head);
  const after = text.slice(end, end + CONTEXT_LENGTH);
  if (!contextAgrees(quote.prefix, before, true) || !contextAgrees(quote.suffix, after, false)) return null;
  if (oneEndHoldsAll(text, quote, head, end)) return null;
  const score = Math.min(exact.length, span) / Math.max(exact.length, span);
  return { start: head, end, method: 'fuzzy', score, status: 'placed', alternatives: [] };
}

/** Share of an end (quote end and its 16 characters of context) that may differ: a letter or two edited. */
const END_ERRORS = 1 / 8;

/** The one approximate hit of `pattern` in `[from, to)` (its alignments aside), or null when none or two. */
function onlyNear(text: string, pattern: string, from: number, to: number): Candidate | null {
  const hits = fuzzyCandidates(text, pattern, Math.max(0, from), to).filter(
    (hit) => hit.errors <= pattern.length * END_ERRORS,
  );
  const best = hits.reduce<Candidate | null>(
    (top, h) => (top === null || h.errors < top.errors ? h : top),
    null,
  );
  if (best === null) return null;
  const rival = hits.some((h) => Math.abs(h.end - best.end) > CONTEXT_LENGTH);
  return rival ? null : best;
}

/**
 * How many characters of `exact` read the same from `start` on (`step` 1) or back from `start`
 * (`step` -1), letters substituted here and there (the approximate search's budget, a quarter) but nothing
 * inserted.
 */
function readsAlong(text: string, exact: string, start: number, step: 1 | -1): number {
  let mismatches = 0;
  let matched = 0;
  for (let i = 0; i < exact.length; i++) {
    const at = step === 1 ? i : exact.length - 1 - i;
    const there = step === 1 ? start + i : start - 1 - i;
    if (exact.charCodeAt(at) === text.charCodeAt(there)) matched = i + 1;
    else if (++mismatches > 2 + i / 4) break;
  }
  return matched;
}

/** True when `expected` reads at `at` in `text`, an eighth of its characters substituted at most. */
function readsAt(text: string, expected: string, at: number): boolean {
  if (at < 0 || at + expected.length > text.length) return false;
  let differ = 0;
  for (let i = 0; i < expected.length; i++) if (text.charCodeAt(at + i) !== expected.charCodeAt(i)) differ++;
  return differ <= expected.length * END_ERRORS;
}

/**
 * True when one end of the span `[start, end)` holds the whole passage: the quote's far end with
 * its stored context reads right where a straight reading from that end puts it (the quote's
 * length away). Nothing was then inserted inside: that end is a copy of the passage (the edited
 * original no longer holds both exact ends) and the rest of the span another passage, so the
 * search, which weighed the copy against the original, has the say.
 */
function oneEndHoldsAll(text: string, quote: TextQuoteSelector, start: number, end: number): boolean {
  const { exact } = quote;
  const ends = Math.min(END_LENGTH, Math.floor(exact.length / 3));
  const tail = exact.slice(-ends) + (quote.suffix ?? '').slice(0, CONTEXT_LENGTH);
  const prefix = (quote.prefix ?? '').slice(-CONTEXT_LENGTH);
  const head = prefix + exact.slice(0, ends);
  return (
    readsAt(text, tail, start + exact.length - ends) ||
    readsAt(text, head, end - exact.length - prefix.length)
  );
}

/**
 * True when `[start, end)` is the quote with text inserted inside it: the quote reads from the
 * start for a while and back from the end for the rest, and neither side alone holds all of it
 * (then the one side is the match, and what follows it is another passage).
 */
function splitInside(text: string, exact: string, start: number, end: number): boolean {
  const fromStart = readsAlong(text, exact, start, 1);
  const fromEnd = readsAlong(text, exact, end, -1);
  const slack = Math.floor(exact.length / 16);
  return (
    fromStart < exact.length - slack &&
    fromEnd < exact.length - slack &&
    fromStart + fromEnd >= exact.length - slack
  );
}

/**
 * The split span near `around` (an approximate match of one side of the highlight): the quote's
 * head with the end of its prefix, and its tail with the start of its suffix, each found once
 * near it with a letter or two edited at most, in order, a little text added or lost in between.
 * Both ends and their context agree, so the span between them is the highlight. Null otherwise.
 */
export function nearSplitAnchor(text: string, quote: TextQuoteSelector, around: number): Anchor | null {
  const { exact } = quote;
  const ends = Math.min(END_LENGTH, Math.floor(exact.length / 3));
  if (ends < MIN_END_LENGTH) return null;
  const head = (quote.prefix ?? '').slice(-CONTEXT_LENGTH) + exact.slice(0, ends);
  const tail = exact.slice(-ends) + (quote.suffix ?? '').slice(0, CONTEXT_LENGTH);
  const reach = exact.length + MAX_GROWTH;
  const headHit = onlyNear(text, head, around - reach, around + reach);
  const tailHit = onlyNear(text, tail, around - reach, around + 2 * reach);
  if (headHit === null || tailHit === null) return null;
  const start = headHit.end - ends;
  const end = tailHit.start + ends;
  const span = end - start;
  if (span < exact.length / 2 || span > exact.length + MAX_GROWTH) return null;
  if (!splitInside(text, exact, start, end)) return null;
  // A copy of the passage close by that reads like the stored one leaves the choice to the reader.
  if (resemblingTwin(text, quote, { start, end, errors: 0 }) !== null) return null;
  const score = Math.min(exact.length, span) / Math.max(exact.length, span);
  return { start, end, method: 'fuzzy', score, status: 'placed', alternatives: [] };
}

/**
 * `anchor` unless it is missing or an approximate "check this" that the split span explains:
 * an approximate match of a quote with text inserted inside covers one side of the insertion
 * only, while the split span (both ends unambiguous, context agreeing) is the highlight.
 */
export function preferSplit(text: string, quote: TextQuoteSelector, anchor: Anchor | null): Anchor | null {
  if (anchor !== null && (anchor.status !== 'check' || anchor.method !== 'fuzzy')) return anchor;
  const split =
    splitAnchor(text, quote) ?? (anchor === null ? null : nearSplitAnchor(text, quote, anchor.start));
  if (split === null || anchor === null) return split ?? anchor;
  const covers = split.start < anchor.end && anchor.start < split.end;
  return covers ? split : anchor;
}
