/**
 * Builds the row index (row-index.ts) of the list on screen in the background, in big pages, once
 * its first screen has answered; keeps the last few lists' indexes (the whole library's survives
 * a filter typed and cleared) and drops them all when anything in the library changed.
 */
import type { DocumentQuery, DocumentRowIndex, LibrarySort } from '../../preload/api';
import { RowIndex } from '../../common/row-index';

/** Rows per background request: small enough (~150 KB of JSON) that main answers one in a few ms, so a
 * foreground request (a jump, a keystroke) never waits long behind one. */
export const INDEX_PAGE = 2000;
/** Shorter lists are held whole by the pages around the view: no index for them. */
export const INDEX_FROM = 300;
/** Indexes of filtered lists kept (the current one's and one before); the whole library's always are. */
const KEPT_FILTERED = 2;
/** Before a build's first page: typing goes on meanwhile, and a build per keystroke would be wasted. */
const FIRST_PAUSE_MS = 150;
/** Between pages: the foreground's requests and frames go first. */
const PAUSE_MS = 16;
/** A list that changes under every build this many times in a row is left to queryDocuments. */
const TRIES = 3;

/** The list an index is of. */
export interface IndexedList {
  sort: LibrarySort;
  filter: string;
  tag?: string;
}

export interface RowIndexLoaderOptions {
  /** One page of the index (the queryRowIndex call). */
  fetchPage(
    query: DocumentQuery,
  ): Promise<{ ok: true; value: DocumentRowIndex } | { ok: false; message: string }>;
  /** Runs `step` after `ms` (a pause between the background requests). */
  later?(step: () => void, ms: number): void;
}

const keyOf = (list: IndexedList): string => JSON.stringify([list.sort, list.filter, list.tag ?? null]);
const isWholeLibrary = (list: IndexedList): boolean => list.filter.trim() === '' && list.tag === undefined;

export class RowIndexLoader {
  private readonly kept = new Map<string, RowIndex>();
  /** Each build (and each invalidate) is a run: a page answered to an older run is dropped. */
  private run = 0;
  private building: { key: string; total: number } | null = null;
  /** Keys of the unfiltered lists (one per sort): never dropped but by invalidate. */
  private readonly wholeLibrary = new Set<string>();

  constructor(private readonly options: RowIndexLoaderOptions) {}

  /** The index of `list` at `total` rows (whole or in part), or undefined. */
  indexOf(list: IndexedList, total: number): RowIndex | undefined {
    const index = this.kept.get(keyOf(list));
    return index?.total === total ? index : undefined;
  }

  /** `list` is on screen with `total` rows: builds its index unless it is there or under way. */
  want(list: IndexedList, total: number): void {
    if (total < INDEX_FROM) return;
    const key = keyOf(list);
    const index = this.kept.get(key);
    if (index?.total === total && index.complete) return;
    if (this.building?.key === key && this.building.total === total) return;
    this.building = { key, total };
    void this.build(list, key, ++this.run);
  }

  /** The library changed: every index may be wrong, so all go (the rows come from the core until rebuilt). */
  invalidate(): void {
    this.kept.clear();
    this.wholeLibrary.clear();
    this.building = null;
    this.run++;
  }

  private async build(list: IndexedList, key: string, run: number): Promise<void> {
    for (let attempt = 0; attempt < TRIES && run === this.run; attempt++) {
      const built = await this.fill(list, key, run);
      if (built !== 'changed') break;
    }
    if (run === this.run) this.building = null;
  }

  /** Fetches every page of the list into a new index; 'changed' when the list changed meanwhile. */
  private async fill(list: IndexedList, key: string, run: number): Promise<'done' | 'changed' | 'stopped'> {
    let index: RowIndex | undefined;
    for (let offset = 0; index === undefined || offset < index.total; offset += INDEX_PAGE) {
      await this.pause(offset === 0 ? FIRST_PAUSE_MS : PAUSE_MS);
      if (run !== this.run) return 'stopped';
      const answer = await this.options.fetchPage({ ...list, offset, limit: INDEX_PAGE });
      if (run !== this.run) return 'stopped';
      // A failed background page costs nothing shown (the rows still come from queryDocuments), so
      // no toast; it is logged, so a list that stays slow says why.
      if (!answer.ok) {
        console.warn(`The library's row index stopped building: ${answer.message}`);
        return 'stopped';
      }
      if (index === undefined) {
        index = new RowIndex(answer.value.total, answer.value.version);
        this.keep(key, index, isWholeLibrary(list));
      }
      if (!index.add(answer.value)) {
        this.kept.delete(key);
        return 'changed';
      }
    }
    return 'done';
  }

  private keep(key: string, index: RowIndex, whole: boolean): void {
    this.kept.delete(key);
    this.kept.set(key, index);
    if (whole) this.wholeLibrary.add(key);
    const filtered = [...this.kept.keys()].filter((k) => !this.wholeLibrary.has(k));
    for (const old of filtered.slice(0, -KEPT_FILTERED)) this.kept.delete(old);
  }

  private pause(ms: number): Promise<void> {
    const later = this.options.later ?? ((step: () => void, wait: number) => setTimeout(step, wait));
    return new Promise((resolve) => later(resolve, ms));
  }
}
