/**
 * The MiniSearch index of every entry (entries.ts), replaced one owner (a document's text, a
 * document's annotations, a note) at a time, and its serialised form for the library folder.
 */
import MiniSearch, { type AsPlainObject, type Query, type SearchResult } from 'minisearch';
import type { IndexEntry } from './entries';
import { tokenize } from './text';

const FIELDS = ['title', 'author', 'quote', 'note', 'body', 'tags'] as const;
/** Titles first, then highlights and notes, then body text (issue 11). */
export const FIELD_BOOSTS: Record<(typeof FIELDS)[number], number> = {
  title: 6,
  author: 3,
  tags: 3,
  quote: 2,
  note: 2,
  body: 1,
};

/** An entry as stored: everything but the body text (read back from the document for a snippet). */
export type StoredEntry = Omit<IndexEntry, 'body'>;

/** A match: MiniSearch's score and matched terms, with the entry. */
export interface Hit {
  score: number;
  /** The indexed terms that matched (the snippet marks these). */
  terms: string[];
  entry: StoredEntry;
}

const options = () => ({
  fields: [...FIELDS],
  // Entries are kept once, in SearchIndex.stored, not also inside MiniSearch.
  storeFields: [],
  tokenize,
  // Terms are folded by tokenize already.
  processTerm: (term: string) => term,
  searchOptions: { boost: FIELD_BOOSTS },
  // MiniSearch's automatic vacuum breaks when entries are added or discarded while it runs
  // (lucaong/minisearch#306, an uncaught TypeError in a timer): SearchIndex vacuums itself.
  autoVacuum: false,
});

/** Vacuum once this many discarded entries are left in the index, and a tenth of it is dirt. */
const VACUUM_DIRT = 2000;

export class SearchIndex {
  private mini: MiniSearch<IndexEntry>;
  /** owner → the ids of its entries now in the index. */
  private owners = new Map<string, string[]>();
  private readonly stored = new Map<string, StoredEntry>();
  /** While MiniSearch vacuums, its adds and discards wait here (their bookkeeping does not). */
  private vacuuming: Promise<void> | null = null;
  private readonly waiting: (() => void)[] = [];

  constructor(mini?: MiniSearch<IndexEntry>, owners?: Map<string, string[]>, stored?: StoredEntry[]) {
    this.mini = mini ?? new MiniSearch<IndexEntry>(options());
    if (owners) this.owners = owners;
    for (const entry of stored ?? []) this.stored.set(entry.id, entry);
  }

  get size(): number {
    return this.mini.documentCount;
  }

  /** Replaces every entry of `owner` with `entries` (none: the owner is gone). */
  replace(owner: string, entries: readonly IndexEntry[]): void {
    this.remove(owner);
    this.append(owner, entries);
  }

  /** Removes every entry of `owner`. */
  remove(owner: string): void {
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
      this.onMini((mini) => mini.add(entry));
      ids.push(entry.id);
      const { body: _body, ...kept } = entry;
      this.stored.set(entry.id, kept);
    }
  }

  has(owner: string): boolean {
    return this.owners.has(owner);
  }

  ownerKeys(): string[] {
    return [...this.owners.keys()];
  }

  /** Entries that carry tag ids (re-indexed when tags are renamed, merged or deleted). */
  taggedEntries(): StoredEntry[] {
    return [...this.stored.values()].filter((entry) => entry.tagIds.length > 0 || entry.tagNames.length > 0);
  }

  /** Re-indexes one stored entry with new tag names (its other fields unchanged). */
  retag(entry: StoredEntry, tags: string): void {
    if (!this.stored.has(entry.id) || entry.kind === 'passage') return;
    const updated = { ...entry, tags, body: '' };
    this.onMini((mini) => {
      mini.discard(entry.id);
      mini.add(updated);
    });
    this.stored.set(entry.id, { ...entry, tags });
  }

  search(query: Query, filter: (entry: StoredEntry) => boolean): Hit[] {
    const hits: Hit[] = [];
    const results: SearchResult[] = this.mini.search(query, {
      filter: (result) => {
        const entry = this.stored.get(String(result.id));
        return entry !== undefined && filter(entry);
      },
    });
    for (const result of results) {
      const entry = this.stored.get(String(result.id));
      if (entry !== undefined) hits.push({ score: result.score, terms: result.terms, entry });
    }
    return hits;
  }

  toJSON(): { index: AsPlainObject; owners: [string, string[]][]; stored: StoredEntry[] } {
    return { index: this.mini.toJSON(), owners: [...this.owners], stored: [...this.stored.values()] };
  }

  /** The index from its serialised form; throws on a malformed one. */
  static fromJSON(json: ReturnType<SearchIndex['toJSON']>): SearchIndex {
    const mini = MiniSearch.loadJS<IndexEntry>(json.index, options());
    return new SearchIndex(mini, new Map(json.owners), json.stored);
  }
}
