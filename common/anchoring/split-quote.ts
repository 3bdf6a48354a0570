/**
 * Last resort for a long quote that no search places: text inserted inside the highlight (a
 * paragraph moved into it) splits it, and the whole quote then matches nowhere well enough.
 */
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
 * Null otherwise.
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
  const score = Math.min(exact.length, span) / Math.max(exact.length, span);
  return { start: head, end, method: 'fuzzy', score, status: 'placed', alternatives: [] };
}

/**
 * `anchor` unless it is missing or an approximate "check this" that the split span explains:
 * an approximate match of a quote with text inserted inside covers one side of the insertion
 * only, while the split span (both ends unambiguous, context agreeing) is the highlight.
 */
export function preferSplit(text: string, quote: TextQuoteSelector, anchor: Anchor | null): Anchor | null {
  if (anchor !== null && (anchor.status !== 'check' || anchor.method !== 'fuzzy')) return anchor;
  const split = splitAnchor(text, quote);
  if (split === null || anchor === null) return split ?? anchor;
  const covers = split.start < anchor.end && anchor.start < split.end;
  return covers ? split : anchor;
}
