/**
 * Splits a markdown document into heading sections: the unit the reader renders, lazily
 * fills and indexes a ReadingPosition by. Pure and deterministic: the same markdown always
 * yields the same sections, so a saved `section` index stays meaningful.
 */

export interface SectionHeading {
  level: 1 | 2 | 3;
  /** The heading's text with inline markdown removed. */
  text: string;
}

export interface Section {
  index: number;
  /** `null` for section 0, the text before the first heading. */
  heading: SectionHeading | null;
  /** The section's markdown, its heading line included. */
  markdown: string;
  /** Character offset of the section in the whole markdown. */
  start: number;
  /** Set while `markdown` is not loaded yet (it is '' then): the length it will have. */
  pendingLength?: number;
}

/** The section's length in the whole markdown, loaded or not. */
export const sectionLength = (section: Section): number => section.pendingLength ?? section.markdown.length;

const ATX_OPENING = /^ {0,3}(#{1,3})(?=[ \t\r]|$)/;
/** Longer heading text is cut for the contents: stripping inline markdown is not linear. */
const MAX_HEADING_CHARS = 300;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*?)\r?$/;

/** Returns the fence marker a line opens (``` or ~~~ run), or null. */
function fenceOpening(line: string): string | null {
  const match = FENCE_OPEN.exec(line);
  if (!match) return null;
  const marker = match[1] ?? '';
  // A backtick fence's info string may not contain backticks (CommonMark 4.5).
  if (marker.startsWith('`') && (match[2] ?? '').includes('`')) return null;
  return marker;
}

function closesFence(line: string, marker: string): boolean {
  const trimmed = line.replace(/\r$/, '');
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(trimmed);
  const run = match?.[1];
  return run !== undefined && run[0] === marker[0] && run.length >= marker.length;
}

/** Removes inline markdown (emphasis, code, links, images, tags, escapes) from heading text. */
export function stripInlineMarkdown(text: string): string {
  // Escaped punctuation is literal: park it in the private-use area so the emphasis rules skip it.
  const PARK = 0xe000;
  return text
    .replace(/\\([\\`*_{}[\]()#+\-.!~|<>])/g, (_, char: string) =>
      String.fromCharCode(PARK + char.charCodeAt(0)),
    )
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(\*|_)(.+?)\1/g, '$2')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/[\ue000-\ue07f]/g, (char) => String.fromCharCode(char.charCodeAt(0) - PARK))
    .replace(/\s+/g, ' ')
    .trim();
}

const isBlank = (char: string | undefined): boolean => char === ' ' || char === '\t' || char === '\r';

/**
 * Parses one line as an ATX heading of level 1–3, or returns null. Scanned by hand: a lazy
 * `(.*?)` before an optional closing `#` run is quadratic on a line with a long run of spaces.
 */
export function parseAtxHeading(line: string): SectionHeading | null {
  const opening = ATX_OPENING.exec(line);
  if (!opening) return null;
  const level = (opening[1] ?? '').length as 1 | 2 | 3;
  const rest = line.slice(opening[0].length);
  let start = 0;
  while (isBlank(rest[start])) start++;
  let end = rest.length;
  while (end > start && isBlank(rest[end - 1])) end--;
  let hashes = end;
  while (hashes > start && rest[hashes - 1] === '#') hashes--;
  if (hashes > start && hashes < end && isBlank(rest[hashes - 1])) {
    end = hashes;
    while (end > start && isBlank(rest[end - 1])) end--;
  }
  return { level, text: stripInlineMarkdown(rest.slice(start, Math.min(end, start + MAX_HEADING_CHARS))) };
}

/** Lines that may be a heading or a fence: what forEachCandidateLine finds. */
export const CANDIDATE_LINES = /^ {0,3}[#`~][^\n]*/gm;
const SPACE = 0x20;

/** Whether the code is one of the line terminators after which a multiline RegExp's `^` matches. */
const isLineTerminator = (code: number): boolean =>
  code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;

/**
 * Where the line of the marker at `at` starts when the marker opens it after at most 3 spaces (as
 * CANDIDATE_LINES's `^ {0,3}` reads it), else -1.
 */
function candidateStart(markdown: string, at: number): number {
  let start = at;
  while (at - start < 3 && start > 0 && markdown.charCodeAt(start - 1) === SPACE) start--;
  return start === 0 || isLineTerminator(markdown.charCodeAt(start - 1)) ? start : -1;
}

/** Where `marker` is next at or after `from`, knowing it was last `found` there (-1: nowhere after). */
const nextMarker = (markdown: string, marker: string, found: number, from: number): number =>
  found >= 0 && found < from ? markdown.indexOf(marker, from) : found;

/**
 * Calls `visit` with every line that starts (after at most 3 spaces) with '#', '`' or '~' (the
 * only lines that can open or close a fence or be a heading), up to but not including its '\n',
 * and the line's offset: what CANDIDATE_LINES, the equivalent multiline regex, matches, whatever
 * the line terminators. This runs over the whole book before the first paint, so the three
 * characters are searched for (native scans; a book has ~60,000 lines and a few hundred of them)
 * and each checked to start its line, looking at most 4 characters back: not every line start.
 */
export function forEachCandidateLine(markdown: string, visit: (line: string, start: number) => void): void {
  let hash = markdown.indexOf('#');
  let backtick = markdown.indexOf('`');
  let tilde = markdown.indexOf('~');
  let from = 0;
  for (;;) {
    hash = nextMarker(markdown, '#', hash, from);
    backtick = nextMarker(markdown, '`', backtick, from);
    tilde = nextMarker(markdown, '~', tilde, from);
    let at = hash;
    if (backtick >= 0 && (at < 0 || backtick < at)) at = backtick;
    if (tilde >= 0 && (at < 0 || tilde < at)) at = tilde;
    if (at < 0) return;
    const start = candidateStart(markdown, at);
    if (start < 0) {
      from = at + 1;
      continue;
    }
    // The regex's `[^\n]*`: the line runs to its '\n' even past another terminator.
    const newline = markdown.indexOf('\n', at);
    from = newline === -1 ? markdown.length : newline;
    visit(markdown.slice(start, from), start);
  }
}

/**
 * Finds the ATX headings of levels 1–3 outside fenced code blocks in a text given a run of whole lines
 * at a time (each run ends after a '\n', or at the text's end), carrying the fence state between runs:
 * the search index reads a long book in slices. Runs that start at line starts find the same lines as
 * the whole text.
 */
export class HeadingScanner {
  private fence: string | null = null;

  /** Calls `found` with each heading of `lines` and its offset in the whole text (`lines` is at `offset`). */
  scan(lines: string, offset: number, found: (start: number, heading: SectionHeading) => void): void {
    forEachCandidateLine(lines, (line, start) => {
      if (this.fence !== null) {
        if (closesFence(line, this.fence)) this.fence = null;
        return;
      }
      const opened = fenceOpening(line);
      if (opened !== null) this.fence = opened;
      else {
        const heading = parseAtxHeading(line);
        if (heading) found(offset + start, heading);
      }
    });
  }
}

/**
 * Splits `markdown` at ATX headings of levels 1–3 outside fenced code blocks.
 * Section 0 always exists and holds whatever precedes the first heading (maybe nothing).
 */
export function splitSections(markdown: string): Section[] {
  const starts: { start: number; heading: SectionHeading }[] = [];
  new HeadingScanner().scan(markdown, 0, (start, heading) => starts.push({ start, heading }));

  const sections: Section[] = [];
  const firstStart = starts[0]?.start ?? markdown.length;
  sections.push({ index: 0, heading: null, markdown: markdown.slice(0, firstStart), start: 0 });
  starts.forEach((entry, i) => {
    const end = starts[i + 1]?.start ?? markdown.length;
    sections.push({
      index: i + 1,
      heading: entry.heading,
      markdown: markdown.slice(entry.start, end),
      start: entry.start,
    });
  });
  return sections;
}

/** A URL fragment for a heading, GitHub style: lower case, punctuation dropped, spaces to '-'. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}
