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
  return foldWhitespace(text, from, to, spans);
}

/** Runs of whitespace, each shown as one space. */
const WHITESPACE = /\s+/g;

/**
 * Cuts [from, to) of `text`, turning runs of whitespace into one space (none before the first word
 * when nothing precedes it) and moving the ranges along. The words between the runs are copied a
 * piece at a time: a snippet per result, a character at a time, was a fifth of a query's garbage.
 */
export function foldWhitespace(
  text: string,
  from: number,
  to: number,
  spans: readonly { start: number; end: number }[],
) {
  const pieces: string[] = from > 0 ? ['…'] : [];
  let length = pieces.length;
  // Where each run of words starts in `text` and in the snippet: ranges never start or end in a space.
  const starts: number[] = [];
  const shifted: number[] = [];
  WHITESPACE.lastIndex = from;
  for (let at = from; at < to;) {
    const space = WHITESPACE.exec(text);
    const spaceAt = space === null ? to : Math.min(space.index, to);
    if (spaceAt > at) {
      starts.push(at);
      shifted.push(length);
      pieces.push(text.slice(at, spaceAt));
      length += spaceAt - at;
    }
    if (space === null || spaceAt >= to) break;
    if (length > 0) {
      pieces.push(' ');
      length += 1;
    }
    at = space.index + space[0].length;
  }
  let run = 0;
  const place = (offset: number): number => {
    while (run + 1 < starts.length && (starts[run + 1] ?? 0) <= offset) run++;
    return (shifted[run] ?? 0) + offset - (starts[run] ?? 0);
  };
  const matches = spans
    .filter((span) => span.start >= from && span.end <= to)
    .map((span) => ({ start: place(span.start), end: place(span.end) }));
  const trimmed = pieces.join('').trimEnd();
  return { text: to < text.length ? `${trimmed}…` : trimmed, matches };
}
