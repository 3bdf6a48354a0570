/**
 * The library's list of documents for the shell, in windows: the core sorts and filters, this
 * asks for the pages of rows the list shows (plus a margin), keeps the rows on screen until the
 * answer for a new filter or sort arrives, and reloads the pages it holds when anything changed.
 */
import type { DocumentRow, LecternBridge, LibrarySort } from '../../preload/api';
import type { ToastInit } from '../lib/events';
import { call, failureToast, type CallFailure } from './calls';

/** Rows per request: a few screens. */
export const PAGE_SIZE = 100;
/** Rows asked for beyond each end of the visible range, so scrolling finds them there. */
export const MARGIN = 60;

export interface ListQuery {
  sort: LibrarySort;
  filter: string;
  /** Only documents with this tag or one nested in it. */
  tag?: string;
}

export class LibraryListController {
  /** Rows matching the filter; `null` until the first answer. */
  total: number | null = null;
  /** Documents in the library; `null` until the first answer. */
  libraryTotal: number | null = null;
  /** Set when the first load failed and there is no list to show. */
  failure: CallFailure | null = null;
  /** Changes whenever rows or totals change (a new value for Lit to see). */
  version = 0;
  private query: ListQuery = { sort: 'recent', filter: '' };
  /** Each query (or reload) is a generation; answers of an older one are dropped. */
  private generation = 0;
  private shown: { generation: number; rows: Map<number, DocumentRow> } = { generation: 0, rows: new Map() };
  private requested = new Set<number>();
  private lastRange: [number, number] = [0, 0];

  constructor(
    private readonly host: { requestUpdate(): void },
    private readonly bridge: LecternBridge,
    private readonly toast: (init: ToastInit) => void,
  ) {}

  get currentQuery(): ListQuery {
    return this.query;
  }

  /** The row at `index` of the current list, or undefined while its page loads. */
  rowAt(index: number): DocumentRow | undefined {
    return this.shown.rows.get(index);
  }

  /** A new sort or filter: the first page is asked for at once; the old rows stay until it answers. */
  setQuery(query: ListQuery): Promise<void> {
    const same =
      query.sort === this.query.sort && query.filter === this.query.filter && query.tag === this.query.tag;
    if (same && this.total !== null) return Promise.resolve();
    this.query = query;
    return this.restart([0]);
  }

  /**
   * The list shows rows [first, last]: make sure they and a margin around them are loaded, with
   * one request per run of missing pages (a jump far down costs one round trip, not three).
   */
  ensure(first: number, last: number): Promise<void> {
    this.lastRange = [first, last];
    const from = Math.max(0, Math.floor((first - MARGIN) / PAGE_SIZE));
    const to = Math.floor((last + MARGIN) / PAGE_SIZE);
    const missing: number[] = [];
    for (let page = from; page <= to; page++) {
      if (this.total !== null && page * PAGE_SIZE >= this.total && page > 0) break;
      if (!this.requested.has(page)) missing.push(page);
    }
    return Promise.all(pageRuns(missing).map((run) => this.load(run, this.generation))).then(() => undefined);
  }

  /** Something changed: load again the pages around what is shown. */
  reload(): Promise<void> {
    const [first, last] = this.lastRange;
    const pages = new Set([0]);
    for (
      let page = Math.floor(Math.max(0, first - MARGIN) / PAGE_SIZE);
      page <= (last + MARGIN) / PAGE_SIZE;
      page++
    )
      pages.add(page);
    return this.restart([...pages]);
  }

  private restart(pages: number[]): Promise<void> {
    this.generation++;
    this.requested = new Set();
    if (this.failure) {
      this.failure = null; // Retry: show "loading" again while it runs.
      this.host.requestUpdate();
    }
    const runs = pageRuns(pages.toSorted((a, b) => a - b));
    return Promise.all(runs.map((run) => this.load(run, this.generation))).then(() => undefined);
  }

  /** Loads pages [first, last] in one request. */
  private async load([first, last]: [number, number], generation: number): Promise<void> {
    for (let page = first; page <= last; page++) this.requested.add(page);
    const offset = first * PAGE_SIZE;
    const { sort, filter, tag } = this.query;
    const limit = (last - first + 1) * PAGE_SIZE;
    const query = { sort, filter, offset, limit, ...(tag === undefined ? {} : { tag }) };
    const answer = await call(this.bridge, 'queryDocuments', query);
    if (generation !== this.generation) return;
    if (!answer.ok) {
      for (let page = first; page <= last; page++) this.requested.delete(page);
      if (this.total === null) this.failure = answer;
      // A list on screen stays; the toast says it may be out of date.
      else this.toast(failureToast('Could not refresh the library', answer));
      this.host.requestUpdate();
      return;
    }
    // The first answer of a new generation replaces the rows shown, so there is never a blank list.
    if (this.shown.generation !== generation) this.shown = { generation, rows: new Map() };
    answer.value.rows.forEach((row, i) => this.shown.rows.set(offset + i, row));
    this.total = answer.value.total;
    this.libraryTotal = answer.value.libraryTotal;
    this.failure = null;
    this.version++;
    this.host.requestUpdate();
  }
}

/** Consecutive pages grouped into runs [first, last]: [3, 4, 7] → [[3, 4], [7, 7]]. */
export function pageRuns(pages: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const page of pages) {
    const run = runs.at(-1);
    if (run && run[1] === page - 1) run[1] = page;
    else runs.push([page, page]);
  }
  return runs;
}
