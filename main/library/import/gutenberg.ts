/**
 * Project Gutenberg's wrapper around a book: the header up to `*** START OF … ***` and the
 * licence from `*** END OF … ***`. They are kept, folded in <details>, so the reader, the
 * excerpt and the word count start at the book.
 */

/** Where the book lies in a Gutenberg file's lines: [bookStart, bookEnd). */
export interface GutenbergBounds {
  bookStart: number;
  bookEnd: number;
}

const START_MARKER = /^\s*\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK\b/i;
const END_MARKER = /^\s*\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK\b/i;
/** Older files end the book with this line a little before the END marker. */
const END_LINE = /^\s*End of (?:the )?Project Gutenberg/i;
/** The START marker is in the header: a file that has it further down is quoting it. */
const MARKER_SCAN_LINES = 400;
const END_LINE_LOOKBACK = 12;

export const HEADER_SUMMARY = 'Project Gutenberg header';
export const LICENCE_SUMMARY = 'Project Gutenberg licence';

/** The bounds of the book when the file has a START or an END marker, else null. */
export function gutenbergBounds(lines: readonly string[]): GutenbergBounds | null {
  const start = lines.slice(0, MARKER_SCAN_LINES).findIndex((line) => START_MARKER.test(line));
  let end = -1;
  for (let index = lines.length - 1; index > start; index--) {
    if (END_MARKER.test(lines[index] ?? '')) {
      end = index;
      break;
    }
  }
  if (start === -1 && end === -1) return null;
  const bookStart = start + 1;
  let bookEnd = end === -1 ? lines.length : end;
  for (let index = bookEnd - 1; index >= Math.max(bookStart, bookEnd - END_LINE_LOOKBACK); index--) {
    if (END_LINE.test(lines[index] ?? '')) {
      bookEnd = index;
      break;
    }
  }
  return { bookStart, bookEnd };
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * A folded block of paragraphs as one raw HTML block: no blank line inside, so markdown keeps it
 * whole and the reader never cuts it into two render chunks. Its text renders exactly as given.
 */
export function foldedParagraphs(summary: string, paragraphs: readonly string[]): string {
  const body = paragraphs.map(
    (text) => `<p>${text.replace(/[&<>]/g, (char) => HTML_ESCAPES[char] ?? char)}</p>`,
  );
  return ['<details>', `<summary>${summary}</summary>`, ...body, '</details>'].join('\n');
}
