/**
 * The workspace list's rows as loaded pages of the core's answer: a page is asked for when its rows
 * come into view, each page once, and answers to an older query are dropped (the filter changed).
 */
import type { WorkspacePage, WorkspaceRow } from '../../preload/api';
import type { Settled } from '../app/calls';

/** Rows asked for at once. */
export const PAGE_ROWS = 100;

export type LoadRows = (offset: number, limit: number) => Promise<Settled<WorkspacePage>>;

export interface PagesState {
  /** Null until the first page answered. */
  summary: Omit<WorkspacePage, 'rows' | 'offset'> | null;
  failure: Extract<Settled<WorkspacePage>, { ok: false }> | null;
}

export class RowPages {
  private pages = new Map<number, WorkspaceRow[]>();
  private asked = new Set<number>();
  private generation = 0;
  state: PagesState = { summary: null, failure: null };

  constructor(
    private readonly load: LoadRows,
    /** Told when rows (these) or a failure arrived: the view renders again. */
    private readonly changed: (rows: readonly WorkspaceRow[]) => void,
  ) {}

  /** Forgets every page (a new filter or grouping, or the library changed) and loads the first. */
  reset(keepSummary = false): Promise<void> {
    this.generation++;
    this.pages = new Map();
    this.asked = new Set();
    this.state = { summary: keepSummary ? this.state.summary : null, failure: null };
    return this.ensure(0, 0);
  }

  rowAt(row: number): WorkspaceRow | undefined {
    return this.pages.get(Math.floor(row / PAGE_ROWS))?.[row % PAGE_ROWS];
  }

  get total(): number {
    return this.state.summary?.totalRows ?? 0;
  }

  /** Loads the pages holding rows `first`..`last` that are not loaded or asked for yet. */
  async ensure(first: number, last: number): Promise<void> {
    const wanted: number[] = [];
    for (let page = Math.floor(first / PAGE_ROWS); page <= Math.floor(last / PAGE_ROWS); page++) {
      if (!this.asked.has(page)) wanted.push(page);
    }
    await Promise.all(wanted.map((page) => this.loadPage(page)));
  }

  private async loadPage(page: number): Promise<void> {
    const generation = this.generation;
    this.asked.add(page);
    const answer = await this.load(page * PAGE_ROWS, PAGE_ROWS);
    if (generation !== this.generation) return;
    if (!answer.ok) {
      this.asked.delete(page);
      this.state = { ...this.state, failure: answer };
      this.changed([]);
    } else {
      const { rows, offset: _offset, ...summary } = answer.value;
      this.pages.set(page, rows);
      this.state = { summary, failure: null };
      this.changed(rows);
    }
  }
}
