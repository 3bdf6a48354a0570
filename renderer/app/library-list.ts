/**
 * The library's list of documents for the shell, in windows: the core sorts and filters, this
 * asks for the rows the list shows first (a small answer, painted at once), then a margin around
 * them, keeps the rows on screen until the answer for a new filter or sort arrives, and reloads
 * the pages it holds when anything changed.
 */
import type { DocumentRow, LecternBridge, LibrarySort } from '../../preload/api';
import type { ToastInit } from '../lib/events';
import { narrowHeldRows } from '../library/narrow-rows';
import { RowIndexLoader } from '../library/row-index-loader';
import { call, failureToast, type CallFailure } from './calls';

/** Rows per page: small, so the first request after a jump or a keystroke carries about a screen. */
export const PAGE_SIZE = 25;
/** Rows asked for beyond each end of the visible range (after it), so scrolling finds them there. */
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
  /** The rows shown and the generation (query) they answer. */
  private shown: { generation: number; rows: Map<number, DocumentRow> } = { generation: 0, rows: new Map() };
  private requested = new Set<number>();
  private lastRange: [number, number] = [0, 0];
  /** What every row of the list shows but its excerpt, built in the background: a jump paints at once. */
  private readonly index: RowIndexLoader;
  private showing = false;

  constructor(
    private readonly host: { requestUpdate(): void },
    private readonly bridge: LecternBridge,
    private readonly toast: (init: ToastInit) => void,
  ) {
    this.index = new RowIndexLoader({ fetchPage: (query) => call(bridge, 'queryRowIndex', query) });
  }

  get currentQuery(): ListQuery {
    return this.query;
  }

  /** The row at `index` of the current list, or undefined while its page loads. */
  rowAt(index: number): DocumentRow | undefined {
    return this.shown.rows.get(index);
  }

  /**
   * Whether a library view shows the list: the index is built only then, so the changes made while
   * reading (each position saved) do not rebuild it behind the reader.
   */
  setShowing(showing: boolean): void {
    this.showing = showing;
    this.wantIndex();
  }

  private wantIndex(): void {
    if (this.showing && this.total !== null) this.index.want(this.query, this.total);
  }

  /** Row `index` from the background index, its excerpt not there (''), when rowAt has none yet. */
  indexedRowAt(index: number): DocumentRow | undefined {
    return this.total === null ? undefined : this.index.indexOf(this.query, this.total)?.rowAt(index);
  }

  /** A new sort or filter: the first page is asked for at once; the old rows stay until it answers. */
  setQuery(query: ListQuery): Promise<void> {
    const same =
      query.sort === this.query.sort && query.filter === this.query.filter && query.tag === this.query.tag;
    if (same && this.total !== null) return Promise.resolve();
    const { sort, tag, filter } = this.query;
    // Typing on: the rows held may already be every match, then the new ones are shown at once.
    const held =
      query.sort === sort &&
      query.tag === tag &&
      this.total !== null &&
      this.shown.generation === this.generation
        ? narrowHeldRows(this.shown.rows, this.total, filter, query.filter)
        : null;
    this.query = query;
    const answered = this.restart([0]);
    if (held !== null) {
      this.shown = { generation: this.generation, rows: new Map(held.entries()) };
      this.total = held.length;
      this.version++;
      this.host.requestUpdate();
    }
    return answered;
  }

  /**
   * The list shows rows [first, last]: load the missing pages among them in one request, and once
   * it answered the margin around them (one request per run of missing pages). The rows on screen
   * travel alone, so a jump far down waits on a screen of rows, not on three hundred.
   */
  ensure(first: number, last: number): Promise<void> {
    this.lastRange = [first, last];
    return this.loadInTwoSteps(this.pagesOf(first, last), this.pagesOf(first - MARGIN, last + MARGIN));
  }

  /**
   * Something changed: load again the pages shown (then the margin), keeping the rows until they
   * answer. `tagsChanged`: a tag was renamed, merged or deleted (see RowIndexLoader.changed).
   */
  reload(tagsChanged = false): Promise<void> {
    this.index.changed(tagsChanged);
    const [first, last] = this.lastRange;
    return this.restart(this.pagesOf(first, last), this.pagesOf(first - MARGIN, last + MARGIN));
  }

  /** Pages holding rows [first, last] (clamped to the list, page 0 at least). */
  private pagesOf(first: number, last: number): number[] {
    const pages: number[] = [];
    const end = this.total === null ? last : Math.min(last, this.total - 1);
    for (let page = Math.floor(Math.max(0, first) / PAGE_SIZE); page <= Math.floor(end / PAGE_SIZE); page++)
      pages.push(page);
    return pages.length > 0 ? pages : [0];
  }

  /** Loads the pages in view not yet asked for, then (once they answered) those of the margin. */
  private async loadInTwoSteps(inView: number[], around: number[]): Promise<void> {
    const generation = this.generation;
    const loaded = await this.loadMissing(inView, generation);
    // After a failure (already shown) the margin would fail too: the next scroll asks again.
    if (loaded && generation === this.generation) await this.loadMissing(around, generation);
  }

  /** True when every request answered rows. */
  private async loadMissing(pages: readonly number[], generation: number): Promise<boolean> {
    const runs = pageRuns(pages.filter((page) => !this.requested.has(page)));
    const answers = await Promise.all(runs.map((run) => this.load(run, generation)));
    return answers.every(Boolean);
  }

  private restart(inView: number[], around: number[] = []): Promise<void> {
    this.generation++;
    this.requested = new Set();
    if (this.failure) {
      this.failure = null; // Retry: show "loading" again while it runs.
      this.host.requestUpdate();
    }
    return this.loadInTwoSteps(inView, around);
  }

  /** Loads pages [first, last] in one request; false when it failed. */
  private async load([first, last]: [number, number], generation: number): Promise<boolean> {
    for (let page = first; page <= last; page++) this.requested.add(page);
    const offset = first * PAGE_SIZE;
    const { sort, filter, tag } = this.query;
    const limit = (last - first + 1) * PAGE_SIZE;
    const query = { sort, filter, offset, limit, ...(tag === undefined ? {} : { tag }) };
    const answer = await call(this.bridge, 'queryDocuments', query);
    if (generation !== this.generation) return false;
    if (!answer.ok) {
      for (let page = first; page <= last; page++) this.requested.delete(page);
      if (this.total === null) this.failure = answer;
      // A list on screen stays; the toast says it may be out of date.
      else this.toast(failureToast('Could not refresh the library', answer));
      this.host.requestUpdate();
      return false;
    }
    const { rows, total, libraryTotal } = answer.value;
    // The first answer of a new generation replaces the rows shown, so there is never a blank list.
    // Rows narrowed here (setQuery) are the same matches: the core's answer overwrites them in place.
    const fresh = this.shown.generation !== generation;
    if (fresh) this.shown = { generation, rows: new Map() };
    rows.forEach((row, i) => this.shown.rows.set(offset + i, row));
    const [shownFirst, shownLast] = this.lastRange;
    // A margin off screen needs no render: the list reads it from here once scrolled to.
    const seen = offset <= shownLast && offset + rows.length > shownFirst;
    const changed = fresh || seen || total !== this.total || libraryTotal !== this.libraryTotal;
    this.total = total;
    this.libraryTotal = libraryTotal;
    this.failure = null;
    this.wantIndex();
    if (changed) {
      this.version++;
      this.host.requestUpdate();
    }
    return true;
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
