/** Snippets: a short window of text around the first match, with every matched word's offsets. */
import type { SearchSnippet } from '../../../preload/api';
import { type TokenSpan, visitTokenSpans } from './text';

/** How much text a snippet shows around its first match. */
const BEFORE = 60;
const AFTER = 140;

/** Whether a word of the text is one the query matched (the index's term, or a word typed). */
function matcher(terms: readonly string[]): (term: string) => boolean {
  const exact = new Set(terms);
  return (term) => exact.has(term);
}

/**
 * The window of `text` around its first matched word (or its start), whitespace folded, with the
 * matched words' ranges relative to the window. Plain text: the renderer marks the ranges.
 */
export function snippetOf(text: string, terms: readonly string[], whole = false): SearchSnippet {
  const isMatch = matcher(terms);
  const spans: TokenSpan[] = [];
  // Words past the window are not shown: the scan stops there.
  visitTokenSpans(text.length > 200_000 ? text.slice(0, 200_000) : text, (span) => {
    if (!whole && spans.length > 0 && span.start >= (spans[0]?.start ?? 0) + AFTER) return false;
    if (isMatch(span.term)) spans.push(span);
    return true;
  });
  const first = spans[0]?.start ?? 0;
  let from = whole ? 0 : Math.max(0, first - BEFORE);
  const to = whole ? text.length : Math.min(text.length, first + AFTER);
  // Start at a word boundary, not inside a word.
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < first) from = space + 1;
  }
  return fold(text, from, to, spans);
}

/** Cuts [from, to) of `text`, turning runs of whitespace into one space and moving the ranges along. */
function fold(text: string, from: number, to: number, spans: readonly { start: number; end: number }[]) {
  let out = from > 0 ? '…' : '';
  const map: number[] = [];
  let lastSpace = out === '';
  for (let at = from; at < to; at++) {
    const char = text.charAt(at);
    map[at - from] = out.length;
    if (/\s/.test(char)) {
      if (!lastSpace) out += ' ';
      lastSpace = true;
    } else {
      out += char;
      lastSpace = false;
    }
  }
  map[to - from] = out.length;
  const matches = spans
    .filter((span) => span.start >= from && span.end <= to)
    .map((span) => ({ start: map[span.start - from] ?? 0, end: map[span.end - from] ?? 0 }));
  const trimmed = out.trimEnd();
  return { text: to < text.length ? `${trimmed}…` : trimmed, matches };
}
