/**
 * The one markdown dialect of the reader: GFM through a private marked instance. Used by the
 * parse worker and by the main thread's synchronous path, so both produce the same HTML.
 * Its output is untrusted until it has gone through sanitize.ts.
 */
import { Marked } from 'marked';

const marked = new Marked({ gfm: true, breaks: false, async: false });

/** Markdown to (unsanitized) HTML. */
export function markdownToHtml(markdown: string): string {
  return marked.parse(markdown, { async: false });
}
