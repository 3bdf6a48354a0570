/**
 * Plain text to markdown that renders to exactly the same text: every character markdown
 * would read as markup is backslash-escaped, hard-wrapped lines are joined into paragraphs,
 * and the chapter lines of long books become headings (so the reader gets a table of contents).
 */
import { titleFromLine } from './stats';

export interface ConvertedText {
  markdown: string;
  title: string;
  /** True when the title is the text's first line (no Gutenberg `Title:` header). */
  titleFromFirstLine: boolean;
  author: string | null;
  /** The first prose paragraphs (plain, unescaped), for the excerpt. */
  leadParagraphs: string[];
}

const HEADING_LINE =
  /^(BOOK|PART|VOLUME|CHAPTER|EPILOGUE|FIRST EPILOGUE|SECOND EPILOGUE|PROLOGUE|PREFACE|INTRODUCTION|APPENDIX)\b[^a-z]*$/;
const TOP_LEVEL_HEADINGS = new Set([
  'BOOK',
  'PART',
  'VOLUME',
  'EPILOGUE',
  'FIRST EPILOGUE',
  'SECOND EPILOGUE',
]);
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
function blockParagraphs(lines: string[]): string[] {
  const wrapped = lines.every((line, index) => index === lines.length - 1 || line.length <= HARD_WRAP_WIDTH);
  const trimmed = lines.map((line) => line.trim());
  return wrapped ? [trimmed.join(' ')] : trimmed;
}

function headingFor(lines: string[]): string | null {
  const line = lines[0];
  if (lines.length !== 1 || line === undefined) return null;
  const match = HEADING_LINE.exec(line);
  if (match === null) return null;
  const marks = TOP_LEVEL_HEADINGS.has(match[1] ?? '') ? '##' : '###';
  return `${marks} ${escapeMarkdownText(line.trim())}`;
}

/** Converts normalised plain text (LF line ends) to markdown plus its title and author. */
export function convertPlainText(text: string): ConvertedText {
  const lines = text.split('\n');
  const out: string[] = [];
  const leadParagraphs: string[] = [];
  let block: string[] = [];
  const flush = () => {
    if (block.length === 0) return;
    const heading = headingFor(block);
    if (heading !== null) out.push(heading);
    else {
      for (const paragraph of blockParagraphs(block)) {
        if (leadParagraphs.length < LEAD_PARAGRAPHS) leadParagraphs.push(paragraph);
        out.push(escapeMarkdownText(paragraph));
      }
    }
    block = [];
  };
  for (const line of lines) {
    const content = line.trimEnd();
    if (content.trim() === '') flush();
    else block.push(content);
  }
  flush();
  const header = gutenbergHeader(lines);
  const firstLine = lines.find((line) => line.trim() !== '') ?? '';
  return {
    markdown: out.join('\n\n'),
    title: header.title ?? titleFromLine(firstLine),
    titleFromFirstLine: header.title === null,
    author: header.author,
    leadParagraphs,
  };
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
