/**
 * A plain-text book's own table of contents (Project Gutenberg's `CONTENTS` block: Moby-Dick's
 * `CHAPTER 1. Loomings.` lines at the margin, War and Peace's indented `BOOK ONE: 1805` and
 * `CHAPTER I` lines): found among the blocks, then written as a list whose entries link to the
 * chapters they name. An entry links to the first heading after the contents with its text that
 * follows the one the entry before it linked to, so War and Peace's fifteen `CHAPTER I` entries
 * each find their own book's. The list shows exactly the text the lines held.
 */
import { headingSlugs, slugify } from '../../../common/sections';
import { type BookStyle, type HeadingLevel, chapterHeading } from './chapters';

export interface ContentsEntry {
  text: string;
  /** 2 for a BOOK or PART (a top entry), 3 for a chapter (nested under the top entry before it). */
  level: HeadingLevel;
}

const TITLE = /^(?:table of )?contents\.?$/i;
/** Longer lines are prose: the contents ended. */
const MAX_ENTRY_CHARS = 80;
/** Fewer entries than this, or fewer than half of them naming a chapter after, is no contents. */
const MIN_ENTRIES = 2;

/**
 * The entries of the contents that starts at `blocks[index]` (a `CONTENTS` line), with the
 * number of blocks they fill; null when there is none. Entries are the one-line blocks under the
 * title, up to a longer block or one that repeats the first entry or the first chapter line
 * (Moby-Dick's contents open with ETYMOLOGY, its book with CHAPTER 1: the book itself begins).
 */
export function contentsAt(
  blocks: readonly string[][],
  index: number,
  style: BookStyle,
): { entries: ContentsEntry[]; blocks: number } | null {
  const title = blocks[index];
  if (title?.length !== 1 || !TITLE.test(title[0]?.trim() ?? '')) return null;
  const entries: ContentsEntry[] = [];
  /** The slugs of the first entry and of the first that is a chapter line: met again, the book begins. */
  const openers = new Set<string>();
  let sawChapter = false;
  let next = index + 1;
  for (; next < blocks.length; next++) {
    const block = blocks[next];
    const text = block?.length === 1 ? (block[0]?.trim() ?? '') : '';
    if (text === '' || text.length > MAX_ENTRY_CHARS) break;
    const slug = slugify(text);
    if (openers.has(slug)) break;
    const heading = chapterHeading([text], undefined, style);
    if (entries.length === 0 || (heading !== null && !sawChapter)) openers.add(slug);
    sawChapter ||= heading !== null;
    entries.push({ text, level: heading?.level ?? 3 });
  }
  return entries.length >= MIN_ENTRIES ? { entries, blocks: next - index - 1 } : null;
}

/**
 * For each entry, the index in `headings` (the document's headings in order, the contents'
 * own place at `from`) of the heading it names, or null. Null for every entry when fewer than
 * half of them name one: a list of short lines under "Contents" that are no chapters.
 */
export function resolveEntries(
  entries: readonly ContentsEntry[],
  headings: readonly string[],
  from: number,
): (number | null)[] {
  const slugs = headings.map(slugify);
  let after = from;
  const found = entries.map((entry) => {
    const wanted = slugify(entry.text);
    const at = slugs.indexOf(wanted, after);
    if (wanted === '' || at < 0) return null;
    after = at + 1;
    return at;
  });
  const linked = found.filter((at) => at !== null).length;
  return linked * 2 >= entries.length ? found : entries.map(() => null);
}

/**
 * The contents as a markdown list: chapters nested under the book or part before them, each
 * entry a link to its heading's fragment (`#chapter-i-3`, deduplicated as the reader resolves it).
 * `escape` makes an entry's text literal markdown.
 */
export function contentsList(
  entries: readonly ContentsEntry[],
  targets: readonly (number | null)[],
  headings: readonly string[],
  escape: (text: string) => string,
): string {
  const fragments = headingSlugs(headings);
  let underTop = false;
  return entries
    .map((entry, index) => {
      const target = targets[index];
      const text = escape(entry.text);
      const item = target === null || target === undefined ? text : `[${text}](#${fragments[target]})`;
      const nested = entry.level === 3 && underTop;
      if (entry.level === 2) underTop = true;
      return `${nested ? '  ' : ''}- ${item}`;
    })
    .join('\n');
}
