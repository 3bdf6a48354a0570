/**
 * The evaluation's documents, as the reader renders them: a book, web articles turned into
 * text, and two made from their prose (markdown with code and boilerplate; a document with a
 * near-duplicate chapter). Pure: callers load the files, these functions only transform.
 */
import { pick, seededRandom } from './random';

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  mdash: '\u2014',
  ndash: '\u2013',
};

/** Decodes the entities that occur in the fixtures (named ones above, decimal and hex). */
export function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Cheap HTML-to-text, close to what the reader renders: blocks become blank-line separated. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
      .replace(
        /<\/?(p|div|h[1-6]|li|ul|ol|blockquote|pre|tr|table|section|figure|figcaption|br)\b[^>]*>/gi,
        '\n\n',
      )
      .replace(/<[^>]+>/g, '')
      .split(/[ \t\r\n]*\n\n[ \t\r\n]*/)
      .map((block) => block.replace(/[ \t\r\n]+/g, ' '))
      .filter((block) => block.length > 0)
      .join('\n\n'),
  ).trim();
}

/** A Project Gutenberg text file as the reader shows it: BOM stripped, LF line ends. */
export function bookText(raw: string, maxLength = 1 << 20): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n/g, '\n')
    .slice(0, maxLength);
}

/** The prose paragraphs of a text (blank-line separated, long enough to be prose). */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length >= 80);
}

const CODE_SNIPPETS = [
  '```ts\nconst anchors = anchorAll(text, items);\nfor (const [id, anchor] of anchors) paint(id, anchor);\n```',
  '```sh\nnpm install\nnpm run build\nnpm test\n```',
  '```json\n{ "name": "lectern", "version": "0.1.0", "private": true }\n```',
  '```py\nfor line in open("notes.txt"):\n    print(line.strip())\n```',
];
const BOILERPLATE = [
  '*This article is licensed under CC BY-SA 4.0. You may share and adapt it if you give credit and keep this notice.*',
  'Subscribe to our newsletter to get the next article in your inbox. Unsubscribe at any time.',
  '> **Note:** the examples below assume a recent version of Node and a POSIX shell.',
];

/**
 * A markdown text of `sections` sections made from `prose`: headings, paragraphs, code blocks
 * drawn from a few snippets (so they repeat), and the same boilerplate after every section.
 */
export function markdownDocument(prose: string, sections = 40, seed = 1): string {
  const random = seededRandom(seed);
  const paragraphs = paragraphsOf(prose);
  const blocks: string[] = ['# Field notes'];
  let next = 0;
  for (let section = 1; section <= sections; section++) {
    const first = paragraphs[next % paragraphs.length] ?? '';
    blocks.push(`## ${section}. ${first.split(/\s+/).slice(0, 5).join(' ')}`);
    for (let i = 0; i < 4; i++) {
      blocks.push(paragraphs[next++ % paragraphs.length] ?? '');
      if (random() < 0.4) blocks.push(pick(random, CODE_SNIPPETS));
    }
    blocks.push(`- item one of section ${section}\n- item two\n- see the note above`);
    blocks.push(...BOILERPLATE);
  }
  return blocks.join('\n\n');
}

/**
 * A document of `chapters` chapters made from `prose` in which one chapter appears twice:
 * later on as a revised copy (a word in twenty changed, a sentence added at its start).
 */
export function nearDuplicateDocument(prose: string, chapters = 12, seed = 2): string {
  const random = seededRandom(seed);
  const paragraphs = paragraphsOf(prose);
  const perChapter = Math.max(3, Math.floor(paragraphs.length / chapters));
  const chapterTexts = Array.from({ length: chapters }, (_, c) =>
    [`Chapter ${c + 1}`, ...paragraphs.slice(c * perChapter, (c + 1) * perChapter)].join('\n\n'),
  );
  const twin = Math.floor(chapters / 3);
  const revised = (chapterTexts[twin] ?? '')
    .replace(
      /^Chapter \d+/,
      `Chapter ${twin + 1} (revised)\n\nThis chapter was rewritten for the new edition.`,
    )
    .replace(/\p{L}{5,}/gu, (word) => (random() < 0.05 ? word.toUpperCase() : word));
  chapterTexts.splice(Math.floor((chapters * 2) / 3), 0, revised);
  return chapterTexts.join('\n\n');
}
