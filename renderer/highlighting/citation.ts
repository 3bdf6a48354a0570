/**
 * "Copy quote" as markdown: the quote as a blockquote and, under it, where it is from (author,
 * title, chapter), so a pasted quote can be traced. Pure, so it is unit-tested.
 */

export interface Citation {
  title: string;
  author: string | null;
  /** The heading the quote sits under, when the document has headings. */
  chapter: string | null;
}

/** Markdown's inline markers, escaped so a title like "*Emma*" or "C_2" stays literal text. */
function escapeInline(text: string): string {
  return text
    .replace(/([\\`*_[\]<>#|])/g, '\\$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The quote as a markdown blockquote, every line marked (blank lines too, so it stays one quote). */
export function blockquote(quote: string): string {
  return quote
    .trim()
    .split(/\r\n|\r|\n/)
    .map((line) => (line.trim() === '' ? '>' : `> ${line.trimEnd()}`))
    .join('\n');
}

/** `> quote` then `> — Author, *Title*, “Chapter”` (empty parts left out). */
export function quoteWithCitation(quote: string, citation: Citation): string {
  const parts = [
    citation.author ? escapeInline(citation.author) : null,
    citation.title.trim() ? `*${escapeInline(citation.title)}*` : null,
    citation.chapter ? `“${escapeInline(citation.chapter)}”` : null,
  ].filter((part): part is string => part !== null && part !== '' && part !== '**');
  const source = parts.length > 0 ? `\n>\n> — ${parts.join(', ')}` : '';
  return `${blockquote(quote)}${source}\n`;
}
