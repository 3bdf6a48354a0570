/**
 * Documents' and highlights' entries (tens of thousands in a year of reading) in compact indexes, one
 * per kind, keyed by document; saved without their empty fields, which the load puts back.
 */
import { type BodyTerm, CompactIndex, type CompactOptions, type CompactSnapshot } from './compact-index';
import { FIELD_BOOSTS } from './compact-scoring';
import { withoutEmptyFields } from './compact-json';
import { bodyOwner, notesOwner } from './entries';
import type { StoredEntry } from './search-index';

export type CompactKind = 'document' | 'highlight';
/** An entry as saved: no id or owner (they follow from the rest), no empty fields. */
export type SavedEntry = Partial<StoredEntry> & Pick<StoredEntry, 'kind'>;
export type SavedEntries = Record<CompactKind, CompactSnapshot<SavedEntry>>;

const KINDS: readonly CompactKind[] = ['document', 'highlight'];
/** What each kind is found by besides its tags: a document by its title and author, a highlight by its quote. */
const TEXT_OF: Record<CompactKind, (entry: StoredEntry) => string> = {
  document: (entry) => `${entry.title}\n${entry.author}`,
  highlight: (entry) => entry.quote,
};
/** Tags count as FIELD_BOOSTS says against each kind's text (searchEntries boosts the whole score). */
const OPTIONS: Record<CompactKind, CompactOptions> = {
  document: { tagWeight: FIELD_BOOSTS.tags / FIELD_BOOSTS.title },
  highlight: { tagWeight: FIELD_BOOSTS.tags / FIELD_BOOSTS.quote },
};

export const isCompactKind = (kind: string): kind is CompactKind =>
  (KINDS as readonly string[]).includes(kind);
const isTagged = (entry: StoredEntry): boolean => entry.tagIds.length > 0 || entry.tagNames.length > 0;
const trimmed = (entry: StoredEntry): SavedEntry => withoutEmptyFields(entry, ['id', 'owner']) as SavedEntry;

/** The entry back from its saved form: one object literal (60,000 of them at start-up). */
function restored(saved: SavedEntry): StoredEntry {
  const documentId = saved.documentId ?? '';
  const document = saved.kind === 'document';
  return {
    id: document ? `d/${documentId}` : `h/${documentId}/${saved.highlightId ?? ''}`,
    kind: saved.kind,
    owner: document ? bodyOwner(documentId) : notesOwner(documentId),
    documentId: saved.documentId ?? null,
    highlightId: saved.highlightId ?? null,
    noteId: saved.noteId ?? null,
    title: saved.title ?? '',
    author: saved.author ?? '',
    quote: saved.quote ?? '',
    note: saved.note ?? '',
    tags: saved.tags ?? '',
    tagIds: saved.tagIds ?? [],
    tagNames: saved.tagNames ?? [],
    color: saved.color ?? null,
    section: saved.section ?? 0,
    heading: saved.heading ?? null,
    start: saved.start ?? 0,
    end: saved.end ?? 0,
  };
}

export class CompactEntries {
  private readonly indexes: Record<CompactKind, CompactIndex<StoredEntry>>;

  constructor(saved?: SavedEntries) {
    const load = (kind: CompactKind) => {
      const snapshot = saved?.[kind];
      if (snapshot === undefined) return new CompactIndex<StoredEntry>(OPTIONS[kind]);
      return CompactIndex.fromSnapshot({ ...snapshot, items: snapshot.items.map(restored) }, OPTIONS[kind]);
    };
    this.indexes = { document: load('document'), highlight: load('highlight') };
  }

  get size(): number {
    return this.indexes.document.size + this.indexes.highlight.size;
  }

  /** Builds what the first query would otherwise build (see CompactIndex.warm). */
  warm(kind: CompactKind): void {
    this.indexes[kind].warm();
  }

  add(kind: CompactKind, entry: StoredEntry): void {
    this.indexes[kind].add(entry, TEXT_OF[kind](entry), entry.tags);
  }

  remove(kind: CompactKind, documentId: string): void {
    this.indexes[kind].remove(documentId);
  }

  has(kind: CompactKind, documentId: string): boolean {
    return this.indexes[kind].has(documentId);
  }

  documentIds(kind: CompactKind): string[] {
    return this.indexes[kind].documentIds();
  }

  /** Every tagged entry takes the tag names `namesOf` gives it (a document's entries re-added at once). */
  retagAll(namesOf: (entry: StoredEntry) => string[]): void {
    for (const kind of KINDS) {
      const index = this.indexes[kind];
      for (const documentId of index.documentIds()) {
        const items = index.itemsOf(documentId);
        if (!items.some(isTagged)) continue;
        index.remove(documentId);
        for (const item of items)
          this.add(kind, isTagged(item) ? { ...item, tags: namesOf(item).join(' ') } : item);
      }
    }
  }

  search(
    kind: CompactKind,
    query: { terms: readonly BodyTerm[]; excluded: readonly string[]; max: number },
    accept: ((entry: StoredEntry) => boolean) | null,
  ) {
    return this.indexes[kind].search(query.terms, query.excluded, accept, query.max);
  }

  snapshots(): SavedEntries {
    const save = (kind: CompactKind) => {
      const snapshot = this.indexes[kind].snapshot();
      return { ...snapshot, items: snapshot.items.map(trimmed) };
    };
    return { document: save('document'), highlight: save('highlight') };
  }
}
