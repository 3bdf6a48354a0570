/**
 * Metadata of a markdown document: YAML front matter (title, author), the title from the
 * first heading or line, and the prose paragraphs an excerpt is made from.
 */
import { parse as parseYaml } from 'yaml';
import { MAX_TITLE_CHARS, cutAtWord, stripInlineMarkdown, titleFromLine } from './stats';

export interface MarkdownMeta {
  /** The markdown without its front matter. */
  body: string;
  title: string | null;
  /** True when the title is the body's first line of text (no front matter title, no heading). */
  titleFromFirstLine: boolean;
  author: string | null;
}

const FRONT_MATTER = /^---[ \t]*\n([^]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;
const ATX_OPENING = /^ {0,3}#{1,6}(?=[ \t]|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const FENCE = /^ {0,3}(```|~~~)/;
const HEADER_SCAN_LINES = 2000;
/** Longer front matter is not metadata (YAML on a crafted megabyte can take seconds): kept as text. */
const MAX_FRONT_MATTER_CHARS = 64_000;

/** Splits off front matter; malformed YAML keeps the text and ignores the metadata. */
export function readMarkdownMeta(text: string): MarkdownMeta {
  const match = FRONT_MATTER.exec(text);
  if (!match || match[0].length > MAX_FRONT_MATTER_CHARS)
    return { body: text, ...titleAndAuthor(text, null) };
  let data: unknown = null;
  try {
    data = parseYaml(match[1] ?? '');
  } catch {
    // Keep every character, but do not take the broken YAML block for the title.
    return { body: text, ...titleAndAuthor(text.slice(match[0].length), null) };
  }
  const body = text.slice(match[0].length).replace(/^\n+/, '');
  return { body, ...titleAndAuthor(body, isRecord(data) ? data : null) };
}

function titleAndAuthor(body: string, meta: Record<string, unknown> | null) {
  const metaTitle = typeof meta?.title === 'string' ? meta.title.trim() : '';
  const found = titleInBody(body);
  if (metaTitle !== '') {
    // The same title as the body's heading, spelt a little differently ("Don't" and "Don’t"):
    // take the heading's spelling, so the reader sees it is the title and shows it once.
    const heading =
      found !== null && !found.fromLine && sameWords(found.title, metaTitle) ? found.title : null;
    return {
      title: heading ?? cutAtWord(metaTitle, MAX_TITLE_CHARS),
      titleFromFirstLine: false,
      author: authorFrom(meta),
    };
  }
  return {
    title: found?.title ?? null,
    titleFromFirstLine: found?.fromLine ?? false,
    author: authorFrom(meta),
  };
}

const lettersAndDigits = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** Equal once case, punctuation, quotes and spacing are set aside. */
export function sameWords(a: string, b: string): boolean {
  const letters = lettersAndDigits(a);
  return letters !== '' && letters === lettersAndDigits(b);
}

function authorFrom(meta: Record<string, unknown> | null): string | null {
  if (meta === null) return null;
  for (const value of [meta.author, meta.byline]) {
    const candidate = Array.isArray(value) ? value[0] : value;
    if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim();
  }
  return null;
}

function titleInBody(body: string): { title: string; fromLine: boolean } | null {
  let firstText: string | null = null;
  let previous = '';
  let inFence = false;
  for (const line of firstLines(body, HEADER_SCAN_LINES)) {
    if (FENCE.test(line)) inFence = !inFence;
    if (inFence) continue;
    const heading = atxHeadingText(line);
    if (heading !== null && stripInlineMarkdown(heading) !== '') {
      return { title: cutAtWord(stripInlineMarkdown(heading), MAX_TITLE_CHARS), fromLine: false };
    }
    if (SETEXT_UNDERLINE.test(line) && isPlainLine(previous)) {
      return { title: cutAtWord(stripInlineMarkdown(previous), MAX_TITLE_CHARS), fromLine: false };
    }
    if (firstText === null && isPlainLine(line)) firstText = stripInlineMarkdown(stripBlockMarkers(line));
    previous = line;
  }
  return firstText === null || firstText === '' ? null : { title: titleFromLine(firstText), fromLine: true };
}

/** Paragraph texts of a markdown body, headings and code skipped, for the excerpt. */
export function* markdownProse(body: string): Generator<string> {
  let inFence = false;
  // A line is held back one step: an underline after it makes it a setext heading.
  let held: string | null = null;
  for (const line of firstLines(body, HEADER_SCAN_LINES)) {
    const fence = FENCE.test(line);
    if (fence) inFence = !inFence;
    if (SETEXT_UNDERLINE.test(line)) held = null;
    if (held !== null) yield held;
    held = null;
    if (fence || inFence || atxHeadingText(line) !== null || !isPlainLine(line)) continue;
    held = stripInlineMarkdown(stripBlockMarkers(line));
  }
  if (held !== null) yield held;
}

/**
 * The text of an ATX heading line (closing #s dropped), or null. Scanned by hand: a lazy
 * `(.*?)` before an optional closing sequence is quadratic on a line with long runs of spaces.
 */
export function atxHeadingText(line: string): string | null {
  const opening = ATX_OPENING.exec(line);
  if (opening === null) return null;
  const text = line.slice(opening[0].length);
  let start = 0;
  while (isBlank(text[start])) start++;
  let end = trimBlankEnd(text, text.length);
  let hashes = end;
  while (hashes > start && text[hashes - 1] === '#') hashes--;
  if (hashes > start && hashes < end && isBlank(text[hashes - 1])) end = trimBlankEnd(text, hashes);
  return text.slice(start, Math.max(start, end));
}

const isBlank = (char: string | undefined): boolean => char === ' ' || char === '\t';

function trimBlankEnd(text: string, end: number): number {
  let at = end;
  while (at > 0 && isBlank(text[at - 1])) at--;
  return at;
}

function isPlainLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed !== '' && !SETEXT_UNDERLINE.test(line) && !/^(?:<|\||!\[|\[[^\]]*\]:)/.test(trimmed);
}

function stripBlockMarkers(line: string): string {
  return line.replace(/^\s*(?:>\s*)*(?:[-+*]\s+|\d{1,9}[.)]\s+)?/, '');
}

function* firstLines(text: string, limit: number): Generator<string> {
  let start = 0;
  for (let count = 0; count < limit && start <= text.length; count++) {
    const end = text.indexOf('\n', start);
    yield text.slice(start, end === -1 ? text.length : end);
    if (end === -1) return;
    start = end + 1;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
