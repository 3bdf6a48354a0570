/**
 * A document's text as the reader renders it (the textContent of its sections' HTML), computed
 * without a DOM so imported quotes can be anchored in main. It is close, not exact (no
 * footnote numbering, no sanitizer): the reader re-anchors every highlight when it opens the
 * document, so a position a few characters off is corrected there from the quote and context.
 */
import { Marked } from 'marked';
import { splitSections } from '../../../common/sections';

const marked = new Marked({ gfm: true, breaks: false, async: false });

// What the sanitizer removes with its content, so none of it is in the rendered text.
const DROPPED = /<(script|style|template|noscript|iframe|object|svg|math)\b[^>]*>[\s\S]*?<\/\1\s*>/giu;
const TAG = /<\/?[a-zA-Z][^>]*>|<!--[\s\S]*?-->/gu;
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  shy: '\u00ad',
};

/** The HTML's text, tags dropped and entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(DROPPED, '')
    .replace(TAG, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (entity, name: string) => decodeEntity(name) ?? entity);
}

function decodeEntity(name: string): string | null {
  if (name.startsWith('#')) {
    const code =
      name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
  }
  return NAMED[name.toLowerCase()] ?? null;
}

/** The rendered text of a whole document: each heading section rendered alone, as the reader does. */
export function renderedTextOf(markdown: string): string {
  let text = '';
  for (const section of splitSections(markdown)) {
    try {
      text += htmlToText(marked.parse(section.markdown, { async: false }));
    } catch {
      // The reader shows a section marked cannot parse as plain text.
      text += section.markdown;
    }
  }
  return text;
}
