/** A passage of stored markdown as a reader sees it, for snippets: no tags, marks or link targets. */
import { stripInlineMarkdown } from '../import/stats';

/** Block syntax at the start of a line: heading hashes, quote marks, list bullets and numbers. */
const BLOCK_MARKS = /^\s{0,3}(?:#{1,6}\s+|(?:>\s?)+|[-*+]\s+(?:\[[ xX]\]\s+)?|\d{1,9}[.)]\s+)/;
/** Lines that are only syntax: code fences, thematic breaks, table rules. */
const SYNTAX_LINE = /^\s{0,3}(?:`{3,}.*|~{3,}.*|(?:[-*_]\s*){3,}|\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*\|?)$/;
/** `[[Target]]` and `[[Target|label]]`: the label (or target) is what a reader sees. */
const WIKI_LINK = /\[\[([^\][|]{1,300})(?:\|([^\][]{1,300}))?\]\]/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const ENTITY = /&(amp|lt|gt|quot|apos|nbsp|#\d{1,7}|#x[\da-f]{1,6});/gi;

/**
 * `markdown` reduced to its text, line by line: block marks and syntax-only lines dropped, inline
 * marks, links and HTML tags stripped (the stored markdown may hold sanitized HTML, such as the
 * `<details>` that folds a Gutenberg licence), entities decoded. The snippet shows this; offsets
 * into the document still come from the markdown itself.
 */
export function readablePassage(markdown: string): string {
  const lines: string[] = [];
  for (const line of markdown.split('\n')) {
    if (SYNTAX_LINE.test(line)) continue;
    const unwiki = line.replace(BLOCK_MARKS, '').replace(WIKI_LINK, (_, target: string, label?: string) => {
      return label ?? target;
    });
    const text = decodeEntities(stripInlineMarkdown(unwiki.replaceAll('|', ' ')));
    if (text !== '') lines.push(text);
  }
  return lines.join('\n');
}

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (!lower.startsWith('#')) return ENTITIES[lower] ?? whole;
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
      ? String.fromCodePoint(code)
      : whole;
  });
}
