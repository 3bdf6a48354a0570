/**
 * The one markdown dialect of the reader: GFM with footnotes through a private marked instance, run in the
 * parse worker only. Its output is untrusted until it has gone through sanitize.ts.
 */
import { Marked } from 'marked';
import { footnotes } from './footnotes';
import type { ChunkOutcome } from './parse-protocol';

const marked = new Marked({ gfm: true, breaks: false, async: false }, footnotes);

/**
 * A chunk larger than this is one block that no blank line cuts (a megabyte paragraph): its HTML
 * would cost the main thread far more than a frame to sanitize and lay out, so it is shown as text.
 */
export const MAX_FORMATTED_CHARS = 256_000;

/**
 * More elements than this in one chunk's HTML would also cost more than a frame; a real
 * 6,000-character chunk has a few hundred.
 */
export const MAX_CHUNK_ELEMENTS = 20_000;

/** Markdown to (unsanitized) HTML. */
export function markdownToHtml(markdown: string): string {
  return marked.parse(markdown, { async: false });
}

/** One chunk to HTML, or why it is to be shown as plain text (marked throws on some inputs). */
export function parseChunk(markdown: string): ChunkOutcome {
  if (markdown.length > MAX_FORMATTED_CHARS) {
    return { ok: false, code: 'too-large', message: `one block of ${markdown.length} characters` };
  }
  let html: string;
  try {
    html = markdownToHtml(markdown);
  } catch (error) {
    return {
      ok: false,
      code: 'parse-error',
      message: error instanceof Error ? error.message : String(error),
    };
  }
  let elements = 0;
  for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at + 1)) {
    if (++elements > MAX_CHUNK_ELEMENTS) {
      return { ok: false, code: 'too-complex', message: `more than ${MAX_CHUNK_ELEMENTS} elements` };
    }
  }
  return { ok: true, html };
}
