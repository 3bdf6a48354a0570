/**
 * Resolving link targets to what they are now: a current title and a status (ok, in the trash,
 * missing) from the catalog, the trash, the notes and the documents' highlights, in one batch.
 */
import type { Highlight, ResolvedLink } from '../../../preload/api';
import { parseTargetKey } from '../../../common/links';
import type { Catalog } from '../catalog/catalog';
import type { NotesPort } from './sources';

export interface ResolverParts {
  catalog: Catalog;
  /** Titles of the documents in the trash, by id. */
  trashedTitles: () => Promise<ReadonlyMap<string, string>>;
  /** A live document's highlights. */
  highlightsOf: (documentId: string) => Promise<readonly Highlight[]>;
  notes: NotesPort;
}

const QUOTE_TITLE_LENGTH = 80;

/** A highlight's quote as a title: one line, at most 80 characters. */
export function quoteTitle(quote: string): string {
  const line = quote.replace(/\s+/g, ' ').trim();
  return line.length > QUOTE_TITLE_LENGTH ? `${line.slice(0, QUOTE_TITLE_LENGTH - 1)}…` : line;
}

/** Resolves raw targets in order; each document's highlights and the trash are read once. */
export async function resolveTargets(parts: ResolverParts, keys: readonly string[]): Promise<ResolvedLink[]> {
  const highlights = new Map<string, Promise<readonly Highlight[]>>();
  const highlightsOf = (documentId: string) => {
    const known = highlights.get(documentId) ?? parts.highlightsOf(documentId);
    highlights.set(documentId, known);
    return known;
  };
  let trashed: Promise<ReadonlyMap<string, string>> | null = null;
  const trashedTitles = () => (trashed ??= parts.trashedTitles());
  return Promise.all(keys.map((key) => resolveOne(parts, key, highlightsOf, trashedTitles)));
}

async function resolveOne(
  parts: ResolverParts,
  key: string,
  highlightsOf: (documentId: string) => Promise<readonly Highlight[]>,
  trashedTitles: () => Promise<ReadonlyMap<string, string>>,
): Promise<ResolvedLink> {
  const target = parseTargetKey(key);
  const broken = (
    status: 'trashed' | 'missing',
    title: string,
    reason: string,
    context: string | null = null,
  ) => ({ key, status, title, context, reason }) satisfies ResolvedLink;
  if (typeof target === 'string') {
    const why =
      target === 'unknown-kind' ? 'Lectern has no kind of item' : 'the id is not one Lectern writes';
    return broken('missing', key, `This link is malformed: ${why} (“${key}”).`);
  }
  if (target.kind === 'note') {
    const note = await parts.notes.note(target.noteId);
    if (note === null) return broken('missing', 'Deleted note', 'The note this link points to was deleted.');
    if (note.trashed) {
      return broken(
        'trashed',
        note.title,
        `The note “${note.title}” is in the trash; restoring it repairs the link.`,
      );
    }
    return { key, status: 'ok', title: note.title, context: null, reason: null };
  }
  const record = parts.catalog.get(target.documentId);
  if (record === undefined) {
    const trashedTitle = (await trashedTitles()).get(target.documentId);
    const what = target.kind === 'doc' ? 'document' : 'passage’s document';
    if (trashedTitle !== undefined) {
      const reason = `The ${what} “${trashedTitle}” is in the trash; restoring it repairs the link.`;
      return broken('trashed', target.kind === 'doc' ? trashedTitle : 'Passage', reason, trashedTitle);
    }
    return broken(
      'missing',
      target.kind === 'doc' ? 'Deleted document' : 'Deleted passage',
      `The ${what} was deleted.`,
    );
  }
  if (target.kind === 'doc') return { key, status: 'ok', title: record.title, context: null, reason: null };
  const highlight = (await highlightsOf(target.documentId)).find((found) => found.id === target.highlightId);
  if (highlight === undefined) {
    const reason = `The highlight this link points to was deleted from “${record.title}”.`;
    return broken('missing', 'Deleted passage', reason, record.title);
  }
  return { key, status: 'ok', title: quoteTitle(highlight.quote.exact), context: record.title, reason: null };
}
