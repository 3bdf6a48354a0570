/**
 * Plain text to markdown that renders to exactly the same text: every character markdown
 * would read as markup is backslash-escaped, hard-wrapped lines are joined into paragraphs,
 * chapter lines become headings (chapters.ts) and a Gutenberg wrapper is folded (gutenberg.ts).
 */
import { type ChapterHeading, bookStyle, chapterHeading } from './chapters';
import { HEADER_SUMMARY, LICENCE_SUMMARY, foldedParagraphs, gutenbergBounds } from './gutenberg';
import { titleFromLine } from './stats';

export interface ConvertedText {
  markdown: string;
  title: string;
  /** True when the title is the text's first line (no Gutenberg `Title:` header). */
  titleFromFirstLine: boolean;
  author: string | null;
  /** The first prose paragraphs (plain, unescaped), for the excerpt. */
  leadParagraphs: string[];
  /** The book's own text: without a Gutenberg header and licence, for the word count. */
  bookText: string;
}

const HARD_WRAP_WIDTH = 80;
const HEADER_SCAN_LINES = 100;
const LEAD_PARAGRAPHS = 6;

/**
 * Characters that can start markup anywhere in a line, and bare URLs. GFM autolinks a bare
 * URL up to whitespace or `<` without reading backslash escapes, so an escape inside one
 * would show; a URL is left as it is and renders as a link with exactly its own text.
 */
const INLINE_MARKUP = /(?:(?:https?|ftp):\/\/|www\.)[^\s<]*|[\\`*_[\]<>&~|#]/g;
/** Characters or ordered-list numbers that are markup only at the start of a block. */
const BLOCK_START_MARKUP = /^(?:[-+=!]|\d+(?=[.)]))/;

/** Escapes one paragraph (already a single trimmed line) so it renders as literal text. */
export function escapeMarkdownText(text: string): string {
  const escaped = text.replace(INLINE_MARKUP, (markup) => (markup.length === 1 ? `\\${markup}` : markup));
  const start = BLOCK_START_MARKUP.exec(escaped);
  if (start === null) return escaped;
  // `1. x` -> `1\. x`; `- x` -> `\- x`.
  return /^\d/.test(start[0]) ? `${start[0]}\\${escaped.slice(start[0].length)}` : `\\${escaped}`;
}

/** The paragraphs of a block of consecutive non-blank lines. */
function blockParagraphs(lines: readonly string[]): string[] {
  const wrapped = lines.every((line, index) => index === lines.length - 1 || line.length <= HARD_WRAP_WIDTH);
  const trimmed = lines.map((line) => line.trim());
  return wrapped ? [trimmed.join(' ')] : trimmed;
}

/** Blocks of consecutive non-blank lines, each line trimmed at its end. */
function blocksOf(lines: readonly string[]): string[][] {
  const blocks: string[][] = [];
  let block: string[] = [];
  for (const line of lines) {
    const content = line.trimEnd();
    if (content.trim() !== '') block.push(content);
    else if (block.length > 0) {
      blocks.push(block);
      block = [];
    }
  }
  if (block.length > 0) blocks.push(block);
  return blocks;
}

interface ConvertedBody {
  markdown: string[];
  /** Paragraphs from the start, and from after the first heading (a book's real opening). */
  paragraphs: string[];
  afterFirstHeading: string[];
}

type BodyItem = { heading: ChapterHeading; block?: never } | { heading?: never; block: string[] };

/** The blocks with chapter headings found; a contents list at the margin (Moby-Dick's) stays paragraphs. */
function bodyItems(blocks: readonly string[][]): BodyItem[] {
  const style = bookStyle(blocks.flatMap((block) => (block.length === 1 ? block : [])));
  const items: BodyItem[] = [];
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index] ?? [];
    const heading = chapterHeading(block, blocks[index + 1], style);
    items.push(heading === null ? { block } : { heading });
    if (heading?.takesNextBlock) index++;
  }
  return withoutContentsLists(items);
}

/** Three or more headings of one level in a row are a contents list, but for the last (the first chapter). */
function withoutContentsLists(items: BodyItem[]): BodyItem[] {
  const CONTENTS_RUN = 3;
  let runStart = 0;
  for (let index = 1; index <= items.length; index++) {
    const level = items[index]?.heading?.level;
    if (level !== undefined && level === items[index - 1]?.heading?.level) continue;
    if (index - runStart >= CONTENTS_RUN) {
      for (let entry = runStart; entry < index - 1; entry++) {
        items[entry] = { block: [items[entry]?.heading?.text ?? ''] };
      }
    }
    runStart = index;
  }
  return items;
}

/** Markdown blocks of a run of plain-text lines, chapter lines as headings. */
function convertBody(lines: readonly string[]): ConvertedBody {
  const body: ConvertedBody = { markdown: [], paragraphs: [], afterFirstHeading: [] };
  let sawHeading = false;
  for (const item of bodyItems(blocksOf(lines))) {
    if (item.heading !== undefined) {
      body.markdown.push(
        `${item.heading.level === 2 ? '##' : '###'} ${escapeMarkdownText(item.heading.text)}`,
      );
      sawHeading = true;
      continue;
    }
    for (const paragraph of blockParagraphs(item.block)) {
      if (body.paragraphs.length < LEAD_PARAGRAPHS) body.paragraphs.push(paragraph);
      if (sawHeading && body.afterFirstHeading.length < LEAD_PARAGRAPHS)
        body.afterFirstHeading.push(paragraph);
      body.markdown.push(escapeMarkdownText(paragraph));
    }
  }
  return body;
}

/** Converts normalised plain text (LF line ends) to markdown plus its title and author. */
export function convertPlainText(text: string): ConvertedText {
  const lines = text.split('\n');
  const bounds = gutenbergBounds(lines);
  const bookLines = bounds === null ? lines : lines.slice(bounds.bookStart, bounds.bookEnd);
  const body = convertBody(bookLines);
  const markdown = body.markdown;
  let leadParagraphs = body.paragraphs;
  if (bounds !== null) {
    const header = blocksOf(lines.slice(0, bounds.bookStart)).flatMap(blockParagraphs);
    const licence = blocksOf(lines.slice(bounds.bookEnd)).flatMap(blockParagraphs);
    if (header.length > 0) markdown.unshift(foldedParagraphs(HEADER_SUMMARY, header));
    if (licence.length > 0) markdown.push(foldedParagraphs(LICENCE_SUMMARY, licence));
    // A Gutenberg book opens with a title page and contents: its excerpt starts at chapter one.
    if (body.afterFirstHeading.length > 0) leadParagraphs = body.afterFirstHeading;
  }
  const header = gutenbergHeader(lines);
  const firstLine = bookLines.find((line) => line.trim() !== '') ?? '';
  const title = header.title ?? titleFromLine(firstLine);
  // A first line that is the whole title, on its own, is the title: as the h1 the reader
  // recognises, it is shown once (the reader's title) and not again as the first paragraph.
  if (
    header.title === null &&
    markdown[0] === escapeMarkdownText(title) &&
    standsAlone(bookLines, firstLine)
  ) {
    markdown[0] = `# ${markdown[0]}`;
  }
  return {
    markdown: markdown.join('\n\n'),
    title,
    titleFromFirstLine: header.title === null,
    author: header.author,
    leadParagraphs,
    bookText: bounds === null ? text : bookLines.join('\n'),
  };
}

/** True when `line` (the first non-blank line) is a block of its own. */
function standsAlone(lines: readonly string[], line: string): boolean {
  const next = lines[lines.indexOf(line) + 1];
  return next === undefined || next.trim() === '';
}

/** `Title:` and `Author:` lines of a Project Gutenberg header, in the first 100 lines. */
export function gutenbergHeader(lines: string[]): { title: string | null; author: string | null } {
  let title: string | null = null;
  let author: string | null = null;
  for (const line of lines.slice(0, HEADER_SCAN_LINES)) {
    const match = /^(Title|Author):\s*(\S.*)$/.exec(line.trim());
    if (match === null) continue;
    const value = match[2]?.trim() ?? '';
    if (match[1] === 'Title') title ??= titleFromLine(value);
    else author ??= value;
  }
  return { title, author };
}
