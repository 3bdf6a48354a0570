/**
 * Re-export in place: Lectern owns only the text between its two marker lines (HTML comments,
 * which Obsidian, GitHub and CommonMark renderers all hide) and its front matter while the user
 * has not changed it. Every byte outside is kept. Edits inside are detected by a hash of what was
 * written, stored in the begin marker.
 */
import { contentHash } from './content-hash';
import type { FormattedExport } from './types';

/** What a re-export does to an existing file (or a new one). */
export type MergeOutcome =
  /** No file yet: `text` is the whole new file. */
  | { kind: 'created'; text: string }
  /** Nothing but the export time would change: leave the file as it is. */
  | { kind: 'unchanged' }
  /** The file holds no region, or another document's: export under another name instead. */
  | { kind: 'foreign' }
  /**
   * `text` replaces the file. `conflict` when the user edited the managed region: the caller keeps a
   * copy of the old file before writing. `frontMatterKept` when the
   * user's own front matter was left as they wrote it.
   */
  | { kind: 'updated'; text: string; conflict: 'edited' | null; frontMatterKept: boolean };

const END_MARKER = '<!-- lectern:end -->';
const BEGIN =
  /^<!-- lectern:begin doc=([0-9a-f]{16}) body=([0-9a-f]{16}) fm=([0-9a-f]{16}|none) [^\n]*?-->\r?$/gm;
const END = /^<!-- lectern:end -->\r?$/m;
const FRONT_MATTER = /^---\r?\n(?:[^\n]*\r?\n)*?---[ \t]*(?:\r?\n|$)/;

const lf = (text: string): string => text.replace(/\r\n/g, '\n');
/** The front matter without its `exported:` line: what changes only with the clock. */
const timeless = (frontMatter: string): string => lf(frontMatter).replace(/^exported: [^\n]*\n/m, '');

function beginMarker(documentId: string, body: string, frontMatter: string | null): string {
  const fm = frontMatter === null ? 'none' : contentHash(lf(frontMatter));
  return `<!-- lectern:begin doc=${documentId} body=${contentHash(lf(body))} fm=${fm} · Lectern rewrites everything up to lectern:end on export; write your own notes outside it. -->`;
}

/** The line ending the file mostly uses, so what Lectern writes matches it. */
function lineEnding(text: string): '\r\n' | '\n' {
  const crlf = text.split('\r\n').length - 1;
  const lfOnly = text.split('\n').length - 1 - crlf;
  return crlf > lfOnly ? '\r\n' : '\n';
}

/** A brand-new export file. */
export function newExportFile(documentId: string, fresh: FormattedExport): string {
  return `${fresh.frontMatter}\n${beginMarker(documentId, fresh.body, fresh.frontMatter)}\n\n${fresh.body}${END_MARKER}\n`;
}

interface Region {
  beginStart: number;
  beginEnd: number;
  endStart: number;
  endEnd: number;
  documentId: string;
  bodyHash: string;
  frontMatterHash: string;
}

/** The one managed region of `text`, or null when there is none, or more than one, or it is broken. */
function findRegion(text: string): Region | null {
  const begins = [...text.matchAll(BEGIN)];
  const begin = begins[0];
  if (begins.length !== 1 || begin === undefined) return null;
  const beginEnd = begin.index + begin[0].length;
  const end = END.exec(text.slice(beginEnd));
  if (end === null) return null;
  const endStart = beginEnd + end.index;
  return {
    beginStart: begin.index,
    beginEnd,
    endStart,
    endEnd: endStart + END_MARKER.length,
    documentId: begin[1] ?? '',
    bodyHash: begin[2] ?? '',
    frontMatterHash: begin[3] ?? '',
  };
}

/**
 * Merges a fresh export of `documentId` into the existing file's text (null: no file yet). A file
 * without exactly one region of this document is `foreign`: it is never written into.
 */
export function mergeExport(
  existing: string | null,
  documentId: string,
  fresh: FormattedExport,
): MergeOutcome {
  if (existing === null) return { kind: 'created', text: newExportFile(documentId, fresh) };
  const eol = lineEnding(existing);
  const withEol = (text: string): string => (eol === '\n' ? text : text.replace(/\n/g, eol));
  const region = findRegion(existing);
  if (region === null || region.documentId !== documentId) return { kind: 'foreign' };
  // The region's text starts after the marker line's \n (a CRLF file's \r is part of the match).
  const contentStart = region.beginEnd + 1;
  const oldBody = lf(existing.slice(Math.min(contentStart, region.endStart), region.endStart)).replace(
    /^\n/,
    '',
  );
  const edited = contentHash(oldBody) !== region.bodyHash;
  const head = existing.slice(0, region.beginStart);
  const oldFrontMatter = FRONT_MATTER.exec(head)?.[0] ?? null;
  const frontMatterOurs =
    oldFrontMatter !== null &&
    region.frontMatterHash !== 'none' &&
    contentHash(lf(oldFrontMatter)) === region.frontMatterHash;
  const newFrontMatter = frontMatterOurs ? fresh.frontMatter : null;
  if (
    !edited &&
    oldBody === fresh.body &&
    (!frontMatterOurs || timeless(oldFrontMatter ?? '') === timeless(fresh.frontMatter))
  )
    return { kind: 'unchanged' };
  const newHead =
    frontMatterOurs && oldFrontMatter !== null
      ? withEol(fresh.frontMatter) + head.slice(oldFrontMatter.length)
      : head;
  // A user's front matter stays theirs: the marker keeps the hash of what Lectern last wrote.
  const marker = beginMarker(documentId, fresh.body, newFrontMatter).replace(
    /fm=[0-9a-f]{16}|fm=none/,
    newFrontMatter === null ? `fm=${region.frontMatterHash}` : '$&',
  );
  const text = `${newHead}${withEol(`${marker}\n\n${fresh.body}`)}${existing.slice(region.endStart)}`;
  return {
    kind: 'updated',
    text,
    conflict: edited ? 'edited' : null,
    frontMatterKept: !frontMatterOurs && oldFrontMatter !== null,
  };
}
