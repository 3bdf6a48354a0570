/**
 * Kindle's `My Clippings.txt`: entries separated by `==========`, each a title line
 * ("Title (Author)"), a meta line (see kindle-meta.ts), a blank line and the clipping. Notes join
 * the highlight they were written on; re-highlighting's duplicates collapse into the latest one.
 * Never throws: an entry that cannot be read is reported with its number and line.
 */
import type { AnnotationGroup, ImportedAnnotation, ParseProblem } from '../../preload/api/interop';
import { collapseRehighlights, type KindleClipping } from './kindle-collapse';
import { type ClippingMeta, parseClippingMeta } from './kindle-meta';
import { excerpt, MAX_ANNOTATIONS, type ParseResult, tooManyAnnotations } from './limits';

const SEPARATOR = /^={10}\s*$/u;
// What a Kindle writes instead of a passage when the publisher's clipping limit is reached.
const CLIPPING_LIMIT = /^<.*(?:clipping limit|Markierungslimit|limite|límite|上限).*>$/iu;

interface RawEntry {
  number: number;
  line: number;
  lines: string[];
}

/** Parses a whole clippings file (BOM, CRLF and stray blank lines allowed). */
export function parseKindleClippings(text: string): ParseResult {
  const entries = splitEntries(text.replace(/^\uFEFF/u, ''));
  if (entries.length > MAX_ANNOTATIONS) return tooManyAnnotations(entries.length);
  const problems: ParseProblem[] = [];
  const clippings: KindleClipping[] = [];
  let bookmarks = 0;
  for (const entry of entries) {
    const read = readEntry(entry);
    if (!read.ok) problems.push({ entry: entry.number, line: entry.line, message: read.message });
    else if (read.clipping.meta.kind === 'bookmark') bookmarks++;
    else clippings.push(read.clipping);
  }
  const books = new Map<string, KindleClipping[]>();
  for (const clipping of clippings) {
    const key = `kindle:${clipping.title}\u0000${clipping.author ?? ''}`;
    const book = books.get(key);
    if (book === undefined) books.set(key, [clipping]);
    else book.push(clipping);
  }
  const groups: AnnotationGroup[] = [];
  let duplicatesCollapsed = 0;
  for (const [key, book] of books) {
    const collapsed = collapseRehighlights(book);
    duplicatesCollapsed += collapsed.collapsed;
    problems.push(...collapsed.problems);
    if (collapsed.annotations.length === 0) continue;
    const first = book[0] as KindleClipping;
    groups.push({
      key,
      title: first.title,
      author: first.author,
      url: null,
      documentId: null,
      annotations: collapsed.annotations,
    });
  }
  problems.sort((a, b) => a.entry - b.entry);
  return { ok: true, value: { format: 'kindle', groups, problems, bookmarks, duplicatesCollapsed } };
}

/** The entries between separators, numbered from 1, with the line each starts on. */
function splitEntries(text: string): RawEntry[] {
  const entries: RawEntry[] = [];
  let current: string[] = [];
  let startLine = 1;
  const lines = text.split(/\r\n|\r|\n/u);
  lines.forEach((line, index) => {
    if (!SEPARATOR.test(line)) {
      current.push(line);
      return;
    }
    if (current.some((l) => l.trim() !== '')) {
      entries.push({ number: entries.length + 1, line: startLine, lines: current });
    }
    current = [];
    startLine = index + 2;
  });
  // A file cut short after its last entry's text (no final separator) still counts that entry.
  if (current.some((l) => l.trim() !== '')) {
    entries.push({ number: entries.length + 1, line: startLine, lines: current });
  }
  return entries;
}

type ReadEntry = { ok: true; clipping: KindleClipping } | { ok: false; message: string };

function readEntry(entry: RawEntry): ReadEntry {
  // Leading blank lines (an editor's stray newline after a separator) are not part of the entry.
  const firstUsed = entry.lines.findIndex((line) => line.trim() !== '');
  const lines = entry.lines.slice(firstUsed);
  const titleLine = (lines[0] ?? '').replace(/^\uFEFF/u, '').trim();
  const meta: ClippingMeta | null = parseClippingMeta(lines[1] ?? '');
  if (meta === null) {
    return { ok: false, message: `“${excerpt(lines[1] ?? '')}” is not a Kindle clipping line.` };
  }
  const body = lines.slice(2).join('\n').trim();
  if (meta.kind === 'highlight' && CLIPPING_LIMIT.test(body)) {
    return {
      ok: false,
      message: `The Kindle did not export this passage of “${excerpt(titleLine)}”: the publisher’s clipping limit was reached.`,
    };
  }
  const { title, author } = splitTitleLine(titleLine);
  if (title === '') return { ok: false, message: 'The entry has no title line.' };
  return {
    ok: true,
    clipping: { entry: entry.number, line: entry.line + firstUsed, title, author, meta, body },
  };
}

/**
 * "Title (Author)" with parentheses allowed in both: the author is the last balanced group at the
 * end of the line ("The Black Swan (Incerto) (Taleb, Nassim Nicholas)"); no group, no author.
 */
export function splitTitleLine(line: string): { title: string; author: string | null } {
  const trimmed = line.trim();
  if (!trimmed.endsWith(')')) return { title: trimmed, author: null };
  let depth = 0;
  for (let at = trimmed.length - 1; at >= 0; at--) {
    const char = trimmed[at];
    if (char === ')') depth++;
    else if (char === '(') depth--;
    if (depth === 0) {
      const title = trimmed.slice(0, at).trim();
      const author = trimmed.slice(at + 1, -1).trim();
      return title === ''
        ? { title: trimmed, author: null }
        : { title, author: author === '' ? null : author };
    }
  }
  return { title: trimmed, author: null };
}

export type { ImportedAnnotation };
