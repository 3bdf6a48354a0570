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
  RowIndexQuery,
} from '../../../preload/api';
import { filterHaystack, filterTerms, matchesTerms, narrows } from '../../../common/library-filter';
import type { ReplacedRecords } from './catalog';
import { type DocumentRecord, storedTagsOf } from './records';
import { ChangeLog, changedRowsOf, rowIndexOf } from './row-index';

/** Where the index reads records from (the Catalog). */
export interface RecordSource {
  list(): readonly Readonly<DocumentRecord>[];
  get(id: DocumentId): Readonly<DocumentRecord> | undefined;
}

type Row = Readonly<DocumentRecord>;

const titleCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

const recentKey = (record: Row): string => record.openedAt ?? record.addedAt;

/** Newest first for the time orders, alphabetical for title; ties by id, so every order is total and stable. */
function compare(sort: LibrarySort, a: Row, b: Row): number {
  let order: number;
  if (sort === 'title') order = titleCollator.compare(a.title, b.title);
  else {
    const ka = sort === 'recent' ? recentKey(a) : a.addedAt;
    const kb = sort === 'recent' ? recentKey(b) : b.addedAt;
    order = ka < kb ? 1 : ka > kb ? -1 : 0;
  }
  return order !== 0 ? order : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
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
  matches: Row[];
}

export class DocumentIndex {
  /**
   * Built on first use, then kept in order as records change: arrays of the catalog's own records,
   * so opening 100,000 documents makes no entry per record and no map of them beside the catalog's.
   */
  private readonly orders = new Map<LibrarySort, Row[]>();
  /**
   * title + author + source + excerpt, folded for matching, per record (a changed record is a new
   * object, so its old text goes with it): made by the first filter that looks at the record, or
   * by prepareFilter after the first window, not at open.
   */
  private readonly haystacks = new WeakMap<Row, string>();
  /**
   * The last few filters' matches, newest first, each in the order of its sort: the same query
   * paging through, a backspace and a retyped word are answered from here without a scan.
   */
  private recentFilters: FilterMatches[] = [];
  /** Counts the changes: a row index page says which version of the list it is from. */
  private version = 0;
  /** The document each recent version changed: an index patches itself from the rows of those. */
  private readonly changes = new ChangeLog();

  /**
   * @param hasTag whether a record carries a tag or one nested in it (the tags domain knows the
   *   ids' current names); without it, a query by tag matches nothing.
   */
  constructor(
    private readonly source: RecordSource,
    private readonly hasTag: (record: Row, tag: string) => boolean = () => false,
  ) {}

  /** Takes in a change: each id's record as the source has it now, in place of the one it replaced. */
  refresh(replaced: ReplacedRecords): void {
    for (const [id, old] of replaced) {
      const record = this.source.get(id);
      if (old === record) continue;
      this.changes.add(id, ++this.version);
      for (const [sort, order] of this.orders) {
        const at = old === undefined ? -1 : this.positionOf(order, sort, old);
        if (at >= 0) order.splice(at, 1);
        if (record !== undefined) order.splice(this.insertionPoint(order, sort, record), 0, record);
      }
      this.recentFilters = [];
    }
  }

  /**
   * Folds every record's haystack in slices between other work (after the first window is
   * answered), so the first keystroke in the filter finds them made; a filter before then folds
   * what it needs itself.
   */
  prepareFilter(slice = 5000): Promise<void> {
    const pending = this.source.list();
    return new Promise((resolve) => {
      const step = (from: number): void => {
        for (const record of pending.slice(from, from + slice)) this.haystackOf(record);
        if (from + slice < pending.length) setImmediate(() => step(from + slice));
        else resolve();
      };
      setImmediate(() => step(0));
    });
  }

  /** One window of the sorted, filtered list. */
  query(query: DocumentQuery): DocumentWindow {
    const { offset, total, window, libraryTotal } = this.window(query);
    return { offset, rows: window.map(toRow), total, libraryTotal };
  }

  /**
   * The same window as `query`, without excerpts, in columns (row-index.ts), with the list's
   * version; with `since`, the rows changed after that version instead, while they are known.
   */
  rowIndex(query: RowIndexQuery): DocumentRowIndex {
    const changed = query.since === undefined ? null : this.changes.since(query.since);
    if (changed !== null) {
      const list = this.list(query);
      const place = {
        total: list.length,
        libraryTotal: this.order(query.sort).length,
        version: this.version,
      };
      return changedRowsOf(list, changed, place);
    }
    const { offset, total, window, libraryTotal } = this.window(query);
    return rowIndexOf(window, { offset, total, libraryTotal, version: this.version });
  }

  private window(query: DocumentQuery): {
    offset: number;
    total: number;
    libraryTotal: number;
    window: Row[];
  } {
    const matches = this.list(query);
    const offset = Math.max(0, query.offset);
    const window = matches.slice(offset, offset + Math.max(0, query.limit));
    // Every order holds every record (the query's own is built by now).
    return { offset, total: matches.length, libraryTotal: this.order(query.sort).length, window };
  }

  /** The whole sorted, filtered list of `query`. */
  private list(query: DocumentQuery): Row[] {
    const filtered = this.matches(query.sort, query.filter);
    const tag = query.tag;
    return tag === undefined ? filtered : filtered.filter((record) => this.hasTag(record, tag));
  }

  private matches(sort: LibrarySort, filter: string): Row[] {
    const order = this.order(sort);
    const terms = filterTerms(filter);
    if (terms.length === 0) return order;
    const known = this.recentFilters.find((f) => f.sort === sort && sameTerms(f.terms, terms));
    const matches = known?.matches ?? this.scan(this.narrowestPool(sort, terms) ?? order, terms);
    // Most recent first, so paging and typing find theirs at the front.
    const rest = this.recentFilters.filter((f) => f !== known);
    this.recentFilters = [{ sort, terms, matches }, ...rest].slice(0, RECENT_FILTERS);
    return matches;
  }

  /**
   * The fewest matches of a recent filter that every match of `terms` is among: typing narrows,
   * since a record holding each new term holds each old term that is part of one.
   */
  private narrowestPool(sort: LibrarySort, terms: readonly string[]): Row[] | undefined {
    let pool: Row[] | undefined;
    for (const recent of this.recentFilters) {
      if (recent.sort !== sort || (pool !== undefined && recent.matches.length >= pool.length)) continue;
      if (narrows(recent.terms, terms)) pool = recent.matches;
    }
    return pool;
  }

  /** Records of `pool` (kept in its order) whose haystack holds every term. */
  private scan(pool: readonly Row[], terms: readonly string[]): Row[] {
    const matches: Row[] = [];
    for (const record of pool) if (matchesTerms(this.haystackOf(record), terms)) matches.push(record);
    return matches;
  }

  private haystackOf(record: Row): string {
    let haystack = this.haystacks.get(record);
    if (haystack === undefined) this.haystacks.set(record, (haystack = filterHaystack(record)));
    return haystack;
  }

  private order(sort: LibrarySort): Row[] {
    let order = this.orders.get(sort);
    if (order === undefined) {
      order = this.source.list().toSorted((a, b) => compare(sort, a, b));
      this.orders.set(sort, order);
    }
    return order;
  }

  /** First index whose record sorts after `record`. */
  private insertionPoint(order: readonly Row[], sort: LibrarySort, record: Row): number {
    let low = 0;
    let high = order.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(sort, order[middle] as Row, record) <= 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Index of `record` (the very object) in `order`, or -1: binary search, then a scan should keys have drifted. */
  private positionOf(order: readonly Row[], sort: LibrarySort, record: Row): number {
    const guess = this.insertionPoint(order, sort, record) - 1;
    return order[guess] === record ? guess : order.indexOf(record);
  }
}

function sameTerms(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((term, i) => term === b[i]);
}
