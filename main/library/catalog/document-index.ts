/**
 * The library list as windowed queries: each sort order and the last few filters are kept over the
 * records in memory, so a window of rows costs about the same at 100 or 100,000 documents.
 */
import type {
  DocumentId,
  DocumentQuery,
  DocumentRow,
  DocumentRowIndex,
  DocumentWindow,
  LibrarySort,
} from '../../../preload/api';
import { filterHaystack, filterTerms, matchesTerms, narrows } from '../../../common/library-filter';
import { type DocumentRecord, storedTagsOf } from './records';
import { rowIndexOf } from './row-index';

interface Entry {
  record: Readonly<DocumentRecord>;
  /**
   * title + author + source + excerpt, folded for matching: made by the first filter that looks at
   * this record (haystackOf), not at open, where 100,000 of them held up the first list window.
   */
  haystack: string | undefined;
  recentKey: string;
  addedKey: string;
}

/** Where the index reads records from and hears of their changes (the Catalog). */
export interface RecordSource {
  list(): readonly Readonly<DocumentRecord>[];
  get(id: DocumentId): Readonly<DocumentRecord> | undefined;
}

const titleCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Newest first for the time orders, alphabetical for title; ties by id, so every order is total and stable. */
function compare(sort: LibrarySort, a: Entry, b: Entry): number {
  let order: number;
  if (sort === 'title') order = titleCollator.compare(a.record.title, b.record.title);
  else {
    const [ka, kb] = sort === 'recent' ? [a.recentKey, b.recentKey] : [a.addedKey, b.addedKey];
    order = ka < kb ? 1 : ka > kb ? -1 : 0;
  }
  return order !== 0 ? order : a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0;
}

function toEntry(record: Readonly<DocumentRecord>): Entry {
  return {
    record,
    haystack: undefined,
    recentKey: record.openedAt ?? record.addedAt,
    addedKey: record.addedAt,
  };
}

function haystackOf(entry: Entry): string {
  entry.haystack ??= filterHaystack(entry.record);
  return entry.haystack;
}

/** What a row shows, from a record. */
export function toRow(record: Readonly<DocumentRecord>): DocumentRow {
  const { id, title, author, source, excerpt, wordCount, readingMinutes, progress } = record;
  const { addedAt, openedAt, highlightCount } = record;
  return {
    id,
    title,
    author,
    source,
    excerpt,
    wordCount,
    readingMinutes,
    progress,
    addedAt,
    openedAt,
    highlightCount,
    ...storedTagsOf(record),
  };
}

/** Filters kept for reuse: a word typed and taken back letter by letter, and a little more. */
const RECENT_FILTERS = 8;

interface FilterMatches {
  sort: LibrarySort;
  terms: string[];
  matches: Entry[];
}

export class DocumentIndex {
  private readonly entries = new Map<DocumentId, Entry>();
  /** Built on first use, then kept in order as records change. */
  private readonly orders = new Map<LibrarySort, Entry[]>();
  /**
   * The last few filters' matches, newest first, each in the order of its sort: the same query
   * paging through, a backspace and a retyped word are answered from here without a scan.
   */
  private recentFilters: FilterMatches[] = [];
  /** Counts the changes: a row index page says which version of the list it is from. */
  private version = 0;

  /**
   * @param hasTag whether a record carries a tag or one nested in it (the tags domain knows the
   *   ids' current names); without it, a query by tag matches nothing.
   */
  constructor(
    private readonly source: RecordSource,
    private readonly hasTag: (record: Readonly<DocumentRecord>, tag: string) => boolean = () => false,
  ) {
    for (const record of source.list()) this.entries.set(record.id, toEntry(record));
  }

  get size(): number {
    return this.entries.size;
  }

  /** Re-reads these records from the source (added, changed or removed). */
  refresh(ids: readonly DocumentId[]): void {
    for (const id of ids) {
      const old = this.entries.get(id);
      const record = this.source.get(id);
      if (old !== undefined && old.record === record) continue;
      this.version++;
      const entry = record === undefined ? undefined : toEntry(record);
      for (const [sort, order] of this.orders) {
        if (old !== undefined) order.splice(this.positionOf(order, sort, old), 1);
        if (entry !== undefined) order.splice(this.insertionPoint(order, sort, entry), 0, entry);
      }
      if (entry === undefined) this.entries.delete(id);
      else this.entries.set(id, entry);
      this.recentFilters = [];
    }
  }

  /**
   * Folds every record's haystack in slices between other work (after the first window is
   * answered), so the first keystroke in the filter finds them made; a filter before then folds
   * what it needs itself.
   */
  prepareFilter(slice = 5000): Promise<void> {
    const pending = [...this.entries.values()];
    return new Promise((resolve) => {
      const step = (from: number): void => {
        for (const entry of pending.slice(from, from + slice)) haystackOf(entry);
        if (from + slice < pending.length) setImmediate(() => step(from + slice));
        else resolve();
      };
      setImmediate(() => step(0));
    });
  }

  /** One window of the sorted, filtered list. */
  query(query: DocumentQuery): DocumentWindow {
    const { offset, total, window } = this.window(query);
    const rows = window.map((entry) => toRow(entry.record));
    return { offset, rows, total, libraryTotal: this.entries.size };
  }

  /** The same window as `query`, without excerpts, in columns (row-index.ts), with the list's version. */
  rowIndex(query: DocumentQuery): DocumentRowIndex {
    const { offset, total, window } = this.window(query);
    const records = window.map((entry) => entry.record);
    return rowIndexOf(records, { offset, total, libraryTotal: this.entries.size, version: this.version });
  }

  private window(query: DocumentQuery): { offset: number; total: number; window: Entry[] } {
    const filtered = this.matches(query.sort, query.filter);
    const tag = query.tag;
    const matches = tag === undefined ? filtered : filtered.filter((entry) => this.hasTag(entry.record, tag));
    const offset = Math.max(0, query.offset);
    const window = matches.slice(offset, offset + Math.max(0, query.limit));
    return { offset, total: matches.length, window };
  }

  private matches(sort: LibrarySort, filter: string): Entry[] {
    const order = this.order(sort);
    const terms = filterTerms(filter);
    if (terms.length === 0) return order;
    const known = this.recentFilters.find((f) => f.sort === sort && sameTerms(f.terms, terms));
    const matches = known?.matches ?? scan(this.narrowestPool(sort, terms) ?? order, terms);
    // Most recent first, so paging and typing find theirs at the front.
    const rest = this.recentFilters.filter((f) => f !== known);
    this.recentFilters = [{ sort, terms, matches }, ...rest].slice(0, RECENT_FILTERS);
    return matches;
  }

  /**
   * The fewest matches of a recent filter that every match of `terms` is among: typing narrows,
   * since a record holding each new term holds each old term that is part of one.
   */
  private narrowestPool(sort: LibrarySort, terms: readonly string[]): Entry[] | undefined {
    let pool: Entry[] | undefined;
    for (const recent of this.recentFilters) {
      if (recent.sort !== sort || (pool !== undefined && recent.matches.length >= pool.length)) continue;
      if (narrows(recent.terms, terms)) pool = recent.matches;
    }
    return pool;
  }

  private order(sort: LibrarySort): Entry[] {
    let order = this.orders.get(sort);
    if (order === undefined) {
      order = [...this.entries.values()].toSorted((a, b) => compare(sort, a, b));
      this.orders.set(sort, order);
    }
    return order;
  }

  /** First index whose entry sorts after `entry`. */
  private insertionPoint(order: Entry[], sort: LibrarySort, entry: Entry): number {
    let low = 0;
    let high = order.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(sort, order[middle] as Entry, entry) <= 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Index of `entry` (the very object) in `order`: binary search, then a scan should keys have drifted. */
  private positionOf(order: Entry[], sort: LibrarySort, entry: Entry): number {
    const guess = this.insertionPoint(order, sort, entry) - 1;
    return order[guess] === entry ? guess : order.indexOf(entry);
  }
}

/** Entries of `pool` (kept in its order) whose haystack holds every term. */
function scan(pool: readonly Entry[], terms: readonly string[]): Entry[] {
  const matches: Entry[] = [];
  for (const entry of pool) {
    if (matchesTerms(haystackOf(entry), terms)) matches.push(entry);
  }
  return matches;
}

function sameTerms(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((term, i) => term === b[i]);
}
