/**
 * Turns a selection (offsets into the rendered text) into the selectors a highlight stores.
 */
import type { TextPositionSelector, TextQuoteSelector } from './types';

/** Characters of context kept on each side of a quote: enough to tell repeats apart. */
export const CONTEXT_LENGTH = 32;

/** The selectors describing one highlighted range. */
export interface RangeDescription {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** True when the code unit at `index` is the second half of a surrogate pair. */
function isLowSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Describes `text.slice(start, end)` by its quote (with 32 characters of context on each
 * side) and its position. Offsets are clamped to the text; context never splits a
 * surrogate pair, so it stays valid UTF-16 when stored.
 */
export function describeRange(text: string, start: number, end: number): RangeDescription {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  let prefixStart = Math.max(0, from - CONTEXT_LENGTH);
  if (prefixStart > 0 && isLowSurrogate(text, prefixStart)) prefixStart += 1;
  let suffixEnd = Math.min(text.length, to + CONTEXT_LENGTH);
  if (suffixEnd < text.length && isLowSurrogate(text, suffixEnd)) suffixEnd -= 1;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(from, to),
      prefix: text.slice(prefixStart, from),
      suffix: text.slice(to, suffixEnd),
    },
    position: { type: 'TextPositionSelector', start: from, end: to },
  };
}
