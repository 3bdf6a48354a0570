/**
 * Documents' and highlights' entries (tens of thousands in a year of reading) in compact indexes, one
 * per kind, keyed by document; saved without their empty fields, which the load puts back.
 */
import { type BodyTerm, CompactIndex, type CompactOptions, type CompactSnapshot } from './compact-index';
import { FIELD_BOOSTS } from './compact-scoring';
import { withoutEmptyFields } from './compact-json';
import { blankStoredEntry, bodyOwner, notesOwner } from './entries';
import type { StoredEntry } from './search-index';

export type CompactKind = 'document' | 'highlight';
/** An entry as saved: no id or owner (they follow from the rest), no empty fields. */
export type SavedEntry = Partial<StoredEntry> & Pick<StoredEntry, 'kind'>;
export type SavedEntries = Record<CompactKind, CompactSnapshot<SavedEntry>>;
/** Saved entries read back into blanks (decodeCompactFile with ENTRY_BLANKS): every field there but id and owner. */
export type LoadedEntries = Record<CompactKind, CompactSnapshot<StoredEntry>>;

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

/** What decodeCompactFile reads each kind's saved entries into: one object per entry, every field there. */
export const ENTRY_BLANKS: Record<CompactKind, () => StoredEntry> = {
  document: blankStoredEntry,
  highlight: blankStoredEntry,
};

/** A saved entry, read into a blank, given back its id and owner (they follow from the rest). */
function restored(entry: StoredEntry): StoredEntry {
  const documentId = entry.documentId ?? '';
  const document = entry.kind === 'document';
  entry.id = document ? `d/${documentId}` : `h/${documentId}/${entry.highlightId ?? ''}`;
  entry.owner = document ? bodyOwner(documentId) : notesOwner(documentId);
  return entry;
}

export class CompactEntries {
  private readonly indexes: Record<CompactKind, CompactIndex<StoredEntry>>;

  constructor(saved?: LoadedEntries) {
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
