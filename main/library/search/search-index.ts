/**
 * The index of every entry (entries.ts), replaced one owner (a document's text, a document's
 * annotations, a note) at a time: titles and notes in MiniSearch, the many passages and highlights in
 * compact indexes (compact-index.ts); and its serialised form for the library folder.
 */
import type MiniSearch from 'minisearch';
import type { Query, SearchResult } from 'minisearch';
import { CompactEntries, type LoadedEntries, type SavedEntries, isCompactKind } from './compact-entries';
import { type BodyTerm, CompactIndex, type CompactSnapshot, type PassagePlace } from './compact-index';
import { asciiJson, withoutEmptyFields } from './compact-json';
import { FIELD_BOOSTS } from './compact-scoring';
import { type IndexEntry, entryOf } from './entries';
import { loadMini, newMini } from './mini';

export { FIELD_BOOSTS } from './compact-scoring';

/** An entry as stored: everything but the body text (read back from the document for a snippet). */
export type StoredEntry = Omit<IndexEntry, 'body'>;

/** A match: MiniSearch's score and matched terms, with the entry. */
export interface Hit {
  score: number;
  /** The indexed terms that matched (the snippet marks these). */
  terms: string[];
  entry: StoredEntry;
}

/** The compact indexes as saved. */
export interface CompactSnapshots {
  body: CompactSnapshot<PassagePlace>;
  entries: SavedEntries;
}

/** entries.ts's owners of a document's text and of its annotations. */
const BODY_OWNER = 'body/';
const NOTES_OWNER = 'notes/';
/** The document `owner` is the text (or annotations) of, or null. */
const documentOf = (owner: string, prefix: string): string | null =>
  owner.startsWith(prefix) ? owner.slice(prefix.length) : null;
const isTagged = (entry: StoredEntry): boolean => entry.tagIds.length > 0 || entry.tagNames.length > 0;

/** Vacuum once this many discarded entries are left in the index, and a tenth of it is dirt. */
const VACUUM_DIRT = 2000;

export class SearchIndex {
  /** Titles and notes; after a load, null until first needed (`savedMini` holds it as saved). */
  private loadedMini: MiniSearch<IndexEntry> | null;
  private savedMini: string | null;
  /** owner → the ids of its entries now in the index. */
  private owners = new Map<string, string[]>();
  private readonly stored = new Map<string, StoredEntry>();
  /** While MiniSearch vacuums, its adds and discards wait here (their bookkeeping does not). */
  private vacuuming: Promise<void> | null = null;
  private readonly waiting: (() => void)[] = [];
  private body: CompactIndex<PassagePlace>;
  /** Documents' and highlights' entries. */
  private readonly entries: CompactEntries;

  constructor(
    mini?: MiniSearch<IndexEntry> | string,
    owners?: Map<string, string[]>,
    stored?: StoredEntry[],
    saved?: LoadedEntries,
  ) {
    this.loadedMini = typeof mini === 'string' ? null : (mini ?? newMini());
    this.savedMini = typeof mini === 'string' ? mini : null;
    if (owners) this.owners = owners;
    for (const entry of stored ?? []) this.stored.set(entry.id, entry);
    this.body = new CompactIndex({ phrases: true });
    this.entries = new CompactEntries(saved);
  }

  /** Entries in MiniSearch (each is stored once), passages and highlights. */
  get size(): number {
    return this.stored.size + this.body.size + this.entries.size;
  }

  /** MiniSearch, read from its saved JSON when first needed (start-up need not wait for it). */
  private get mini(): MiniSearch<IndexEntry> {
    if (this.loadedMini === null) {
      this.loadedMini = loadMini(this.savedMini ?? '');
      this.savedMini = null;
    }
    return this.loadedMini;
  }

  /** Replaces every entry of `owner` with `entries` (none: the owner is gone). */
  replace(owner: string, entries: readonly IndexEntry[]): void {
    this.remove(owner);
    this.append(owner, entries);
  }

  /** Removes every entry of `owner`. */
  remove(owner: string): void {
    const bodyOf = documentOf(owner, BODY_OWNER);
    if (bodyOf !== null) {
      this.body.remove(bodyOf);
      this.entries.remove('document', bodyOf);
    }
    const notesOf = documentOf(owner, NOTES_OWNER);
    if (notesOf !== null) this.entries.remove('highlight', notesOf);
    for (const id of this.owners.get(owner) ?? []) {
      this.onMini((mini) => mini.discard(id));
      this.stored.delete(id);
    }
    this.owners.delete(owner);
    this.vacuumIfDirty();
  }

  /** Settles when no vacuum runs (close waits for it). */
  async idle(): Promise<void> {
    while (this.vacuuming !== null) await this.vacuuming;
  }

  private onMini(change: (mini: MiniSearch<IndexEntry>) => void): void {
    if (this.vacuuming === null) change(this.mini);
    else this.waiting.push(() => change(this.mini));
  }

  private vacuumIfDirty(): void {
    if (this.vacuuming !== null || this.mini.dirtCount < VACUUM_DIRT || this.mini.dirtFactor < 0.1) return;
    this.vacuuming = this.mini
      .vacuum()
      .catch((error: unknown) => console.error('The search index could not be vacuumed', error))
      .finally(() => {
        this.vacuuming = null;
        for (const change of this.waiting.splice(0)) change();
      });
  }

  /** Adds entries to `owner`'s (a long document is added a part at a time). */
  append(owner: string, entries: readonly IndexEntry[]): void {
    if (entries.length === 0) return;
    const ids = this.owners.get(owner) ?? [];
    this.owners.set(owner, ids);
    for (const entry of entries) {
      if (entry.kind === 'passage') {
        const { documentId, section, heading, start, end } = entry;
        this.body.add({ documentId: documentId ?? '', section, heading, start, end }, entry.body);
        continue;
      }
      const { body: _body, ...kept } = entry;
      if (isCompactKind(entry.kind)) {
        this.entries.add(entry.kind, kept);
        continue;
      }
      this.onMini((mini) => mini.add(entry));
      ids.push(entry.id);
      this.stored.set(entry.id, kept);
    }
  }

  has(owner: string): boolean {
    const bodyOf = documentOf(owner, BODY_OWNER);
    const notesOf = documentOf(owner, NOTES_OWNER);
    return (
      this.owners.has(owner) ||
      (bodyOf !== null && (this.body.has(bodyOf) || this.entries.has('document', bodyOf))) ||
      (notesOf !== null && this.entries.has('highlight', notesOf))
    );
  }

  ownerKeys(): string[] {
    const keys = new Set(this.owners.keys());
    for (const documentId of this.body.documentIds()) keys.add(`${BODY_OWNER}${documentId}`);
    for (const documentId of this.entries.documentIds('document')) keys.add(`${BODY_OWNER}${documentId}`);
    for (const documentId of this.entries.documentIds('highlight')) keys.add(`${NOTES_OWNER}${documentId}`);
    return [...keys];
  }

  /** Tags were renamed, merged or deleted: every tagged entry takes the names `namesOf` gives it. */
  retagAll(namesOf: (entry: StoredEntry) => string[]): void {
    for (const entry of this.stored.values()) {
      if (!isTagged(entry)) continue;
      const updated = { ...entry, tags: namesOf(entry).join(' ') };
      this.onMini((mini) => {
        mini.discard(entry.id);
        mini.add({ ...updated, body: '' });
      });
      this.stored.set(entry.id, updated);
    }
    this.entries.retagAll(namesOf);
  }

  /** Documents (or highlights) holding every term and none of `excluded` that `accept` takes (null: all), best first. */
  searchEntries(
    kind: 'document' | 'highlight',
    query: { terms: readonly BodyTerm[]; excluded: readonly string[]; max: number },
    accept: ((entry: StoredEntry) => boolean) | null,
  ): Hit[] {
    const boost = kind === 'document' ? FIELD_BOOSTS.title : FIELD_BOOSTS.quote;
    return this.entries
      .search(kind, query, accept)
      .map(({ score, terms, item }) => ({ score: score * boost, terms, entry: item }));
  }

  /** MiniSearch's hits (titles and notes) that `filter` takes (null: all). */
  search(query: Query, filter: ((entry: StoredEntry) => boolean) | null): Hit[] {
    const hits: Hit[] = [];
    const results: SearchResult[] = this.mini.search(
      query,
      filter === null
        ? {}
        : {
            filter: (result) => {
              const entry = this.stored.get(String(result.id));
              return entry !== undefined && filter(entry);
            },
          },
    );
    for (const result of results) {
      const entry = this.stored.get(String(result.id));
      if (entry !== undefined) hits.push({ score: result.score, terms: result.terms, entry });
    }
    return hits;
  }

  /**
   * Passages holding every term, none of `excluded` and every phrase (its folded words: confirmed by
   * the index, so these hits need no check), as hits.
   */
  searchBody(
    query: {
      terms: readonly BodyTerm[];
      excluded: readonly string[];
      phrases: readonly (readonly string[])[];
      max: number;
    },
    accept: ((documentId: string) => boolean) | null,
  ): Hit[] {
    const { terms, excluded, phrases, max } = query;
    const wanted = accept === null ? null : (place: PassagePlace) => accept(place.documentId);
    return this.body
      .search(terms, excluded, wanted, max, phrases)
      .map(({ score, terms: matched, item: place }) => {
        const { body: _body, ...entry } = entryOf({
          id: `p/${place.documentId}/${place.start}`,
          kind: 'passage',
          owner: `${BODY_OWNER}${place.documentId}`,
          ...place,
        });
        return { score, terms: matched, entry };
      });
  }

  /** The MiniSearch part (its index as JSON text), as JSON (the compact indexes are saved apart: compactSnapshots). */
  toJSON(): { index: string; owners: [string, string[]][]; stored: Partial<StoredEntry>[] } {
    // Owners of compact entries only (most) have no ids here; entries lose their empty fields.
    const owners = [...this.owners].filter(([, ids]) => ids.length > 0);
    const stored = [...this.stored.values()].map((entry) => withoutEmptyFields(entry));
    return { index: this.savedMini ?? asciiJson(this.mini), owners, stored };
  }

  compactSnapshots(): CompactSnapshots {
    return { body: this.body.snapshot(), entries: this.entries.snapshots() };
  }

  /**
   * The index from its serialised form; throws on a malformed one, but MiniSearch's JSON text is read
   * when first needed: whoever saved it vouches for it (persist.ts keeps it behind a checksum).
   */
  static fromJSON(json: ReturnType<SearchIndex['toJSON']>, saved?: LoadedEntries): SearchIndex {
    if (typeof json.index !== 'string') throw new Error('The index holds no MiniSearch text');
    // The one check that needs no parse: text saved by a MiniSearch whose format this one cannot read.
    const format = /"serializationVersion":(\d+)\}\s*$/.exec(json.index.slice(-64))?.[1];
    if (format !== '1' && format !== '2')
      throw new Error(`The MiniSearch text is in a format this version cannot read (${format ?? 'none'})`);
    const stored = json.stored.map((kept) => {
      const { body: _body, ...entry } = entryOf(kept as StoredEntry);
      return entry;
    });
    return new SearchIndex(json.index, new Map(json.owners), stored, saved);
  }

  /** The parts a loaded index builds when first asked, built now (each a step: callers yield between). */
  warmingSteps(): (() => void)[] {
    return [
      () => this.mini,
      () => this.entries.warm('document'),
      () => this.entries.warm('highlight'),
      () => this.body.warm(),
    ];
  }

  /** Words of the documents' text, a long one and a shorter one, that a warm-up query finds. */
  commonWords(): string[] {
    return [this.body.commonWord(8), this.body.commonWord(4)].filter((word) => word !== null);
  }

  /**
   * Puts the saved passages in (read after the rest, so search answers sooner). Only before any
   * passage is added: the service reads them before it follows any change.
   */
  attachBody(snapshot: CompactSnapshot<PassagePlace>): void {
    if (this.body.size > 0) throw new Error('The passages are indexed already');
    this.body = CompactIndex.fromSnapshot(snapshot, { phrases: true });
  }
}
