/**
 * Builds the row index (row-index.ts) of the list on screen in the background, in big pages, once
 * its first screen has answered; keeps the last few lists' indexes (the whole library's survives
 * a filter typed and cleared) and, when anything in the library changed, patches each with the
 * rows changed since its version before it is used again (a rebuild only when that cannot be).
 */
import type { DocumentRowIndex, LibrarySort, RowIndexQuery } from '../../preload/api';
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
/** A list whose index cannot be patched or built this many times in a row is left to queryDocuments. */
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
    query: RowIndexQuery,
  ): Promise<{ ok: true; value: DocumentRowIndex } | { ok: false; message: string }>;
  /** Runs `step` after `ms` (a pause between the background requests). */
  later?(step: () => void, ms: number): void;
}

const keyOf = (list: IndexedList): string => JSON.stringify([list.sort, list.filter, list.tag ?? null]);
const isWholeLibrary = (list: IndexedList): boolean => list.filter.trim() === '' && list.tag === undefined;

export class RowIndexLoader {
  private readonly kept = new Map<string, RowIndex>();
  /** Keys of the indexes the library changed under: not used until patched. */
  private readonly stale = new Set<string>();
  /** Each build (and each change) is a run: a page answered to an older run is dropped. */
  private run = 0;
  private building: { key: string; total: number } | null = null;
  /** Keys of the unfiltered lists (one per sort): never dropped but by a failed patch. */
  private readonly wholeLibrary = new Set<string>();

  constructor(private readonly options: RowIndexLoaderOptions) {}

  /** The index of `list` at `total` rows (whole or in part), or undefined. */
  indexOf(list: IndexedList, total: number): RowIndex | undefined {
    const key = keyOf(list);
    const index = this.kept.get(key);
    return index?.total === total && !this.stale.has(key) ? index : undefined;
  }

  /** `list` is on screen with `total` rows: builds (or patches) its index unless it is there or under way. */
  want(list: IndexedList, total: number): void {
    if (total < INDEX_FROM) return;
    const key = keyOf(list);
    if (this.indexOf(list, total)?.complete) return;
    if (this.building?.key === key && this.building.total === total) return;
    this.building = { key, total };
    void this.build(list, key, ++this.run);
  }

  /**
   * The library changed: every index may be out of date, so none is used until patched (the rows
   * come from the core meanwhile). A tag renamed, merged or deleted changes rows (and which rows a
   * tag filter holds) without a new catalog version, so a patch would find nothing to do: with
   * `tagsChanged`, every index is dropped and built afresh.
   */
  changed(tagsChanged = false): void {
    if (tagsChanged) {
      this.kept.clear();
      this.stale.clear();
      this.wholeLibrary.clear();
    }
    for (const key of this.kept.keys()) this.stale.add(key);
    this.building = null;
    this.run++;
  }

  private async build(list: IndexedList, key: string, run: number): Promise<void> {
    for (let failed = 0; failed < TRIES && run === this.run;) {
      const step = await this.step(list, key, run);
      if (step === 'done' || step === 'stopped') break;
      if (step === 'dropped') failed++;
    }
    if (run === this.run) this.building = null;
  }

  /**
   * One request: the patch of a stale index, else the next page (a new index for the first).
   * 'dropped' when the index had to go (a patch that did not fit, a page of another list).
   */
  private async step(
    list: IndexedList,
    key: string,
    run: number,
  ): Promise<'done' | 'next' | 'dropped' | 'stopped'> {
    let index = this.kept.get(key);
    const stale = index !== undefined && this.stale.has(key);
    if (index?.complete && !stale) return 'done';
    await this.pause(index === undefined ? FIRST_PAUSE_MS : PAUSE_MS);
    if (run !== this.run) return 'stopped';
    const query: RowIndexQuery = stale
      ? { ...list, offset: 0, limit: 0, since: index?.version ?? 0 }
      : { ...list, offset: index?.loaded ?? 0, limit: INDEX_PAGE };
    const answer = await this.options.fetchPage(query);
    if (run !== this.run) return 'stopped';
    // A failed background page costs nothing shown (the rows still come from queryDocuments), so
    // no toast; it is logged, so a list that stays slow says why.
    if (!answer.ok) {
      console.warn(`The library's row index stopped building: ${answer.message}`);
      return 'stopped';
    }
    if (stale) {
      if (index?.patch(answer.value)) this.stale.delete(key);
      else return this.drop(key);
      return 'next';
    }
    if (index === undefined) {
      index = new RowIndex(answer.value.total, answer.value.version);
      this.keep(key, index, isWholeLibrary(list));
    }
    if (index.add(answer.value)) return 'next';
    // The list changed under the build: patched from where it is, then built on.
    if (answer.value.version > index.version) this.stale.add(key);
    else return this.drop(key);
    return 'next';
  }

  private drop(key: string): 'dropped' {
    this.kept.delete(key);
    this.stale.delete(key);
    this.wholeLibrary.delete(key);
    return 'dropped';
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
