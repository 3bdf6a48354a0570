/**
 * Reading positions as places in the text (section + character offset + quote), the pure half:
 * mapping offsets onto text runs, re-finding a quote, and the progress estimate.
 * The DOM half (what is at the top of the viewport, scrolling to an offset) is position-dom.ts.
 */

/** How many characters of text a position keeps as its quote. */
export const QUOTE_LENGTH = 32;

/** The quote saved with a position: the text starting at `offset`. */
export function quoteAt(text: string, offset: number, length: number = QUOTE_LENGTH): string {
  return text.slice(offset, offset + length);
}

/** The occurrence of `needle` in `text` nearest to `near`, or -1. */
function nearestOccurrence(text: string, needle: string, near: number): number {
  let best = -1;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (best === -1 || Math.abs(at - near) < Math.abs(best - near)) best = at;
    if (at > near) break; // Later occurrences are only further away.
  }
  return best;
}

/**
 * Where a saved position points in the section's current text: `offset` if the quote is still
 * there, else the quote's nearest occurrence (the text moved, e.g. the document was edited),
 * else the quote's first half, else `offset` clamped to the text.
 */
export function resolveOffset(text: string, offset: number, quote: string): number {
  const clamped = Math.max(0, Math.min(offset, text.length));
  if (quote === '' || text.startsWith(quote, clamped)) return clamped;
  const exact = nearestOccurrence(text, quote, clamped);
  if (exact !== -1) return exact;
  const half = quote.slice(0, Math.ceil(quote.length / 2));
  if (half.trim().length >= 8) {
    const partial = nearestOccurrence(text, half, clamped);
    if (partial !== -1) return partial;
  }
  return clamped;
}

/** A character offset inside one of several consecutive text runs. */
export interface RunPoint {
  run: number;
  offset: number;
}

/**
 * Maps an offset into the concatenation of runs of the given lengths onto (run, offset in run).
 * An offset on a boundary belongs to the run that starts there, so it points at a real character.
 */
export function locateInRuns(lengths: readonly number[], offset: number): RunPoint | null {
  let remaining = offset;
  for (let run = 0; run < lengths.length; run++) {
    const length = lengths[run] ?? 0;
    if (remaining < length) return { run, offset: remaining };
    remaining -= length;
  }
  // Past the end: the end of the last non-empty run.
  for (let run = lengths.length - 1; run >= 0; run--) {
    const length = lengths[run] ?? 0;
    if (length > 0) return { run, offset: length };
  }
  return null;
}

/** The inverse of locateInRuns: the offset in the concatenation of (run, offset in run). */
export function offsetFromRuns(lengths: readonly number[], point: RunPoint): number {
  let total = 0;
  for (let run = 0; run < point.run; run++) total += lengths[run] ?? 0;
  return total + point.offset;
}

/**
 * Progress through the whole document, 0..1, from the position inside a section: the section's
 * share of the markdown is known without rendering, so the estimate is stable across layouts.
 */
export function textProgress(
  section: { start: number; length: number },
  fractionInSection: number,
  totalLength: number,
): number {
  if (totalLength <= 0) return 0;
  const fraction = Math.max(0, Math.min(1, fractionInSection));
  return Math.max(0, Math.min(1, (section.start + fraction * section.length) / totalLength));
}
