import { describe, expect, it, vi } from 'vitest';
import type { DocumentRowIndex, RowIndexQuery } from '../../preload/api';
import { INDEX_FROM, INDEX_PAGE, RowIndexLoader } from './row-index-loader';

/** A library list the test changes: row i is titled by `titleOf`, at `version`. */
class FakeCore {
  version = 1;
  total = INDEX_PAGE * 2 + 17;
  titleOf = (i: number): string => `Chapter ${i}: “Well, Prince, so Genoa and Lucca”`;
  asked: RowIndexQuery[] = [];
  fail = false;
  /** Runs just before a page is answered (a change racing the build). */
  beforeAnswer: (() => void) | null = null;
  /** The documents in list order (document n is `id-n`); null: 0, 1, … total - 1. */
  order: number[] | null = null;
  /** The document each version after `logFrom` changed (the core's change log), for patches. */
  log: number[] = [];
  logFrom = 1;

  /** Changes the list: `edit` rearranges it and retitles; `changed` documents are logged, a version each. */
  change(changed: number[], edit: (order: number[], core: FakeCore) => number[]): void {
    this.order = edit(this.order ?? Array.from({ length: this.total }, (_, i) => i), this);
    this.total = this.order.length;
    for (const n of changed) this.log.push(n);
    this.version += changed.length;
  }

  /** The rows of the list the core holds now, as ids. */
  ids = (): string[] => (this.order ?? Array.from({ length: this.total }, (_, i) => i)).map((n) => `id-${n}`);

  fetchPage = async (
    query: RowIndexQuery,
  ): Promise<{ ok: true; value: DocumentRowIndex } | { ok: false; message: string }> => {
    this.asked.push(query);
    await Promise.resolve();
    this.beforeAnswer?.();
    if (this.fail) return { ok: false, message: 'EIO: the catalog could not be read' };
    const list = this.order ?? Array.from({ length: this.total }, (_, i) => i);
    const from = query.since === undefined ? -1 : query.since - this.logFrom;
    // Versions made without a logged change (a test's version++): the log no longer covers them.
    const logged = this.logFrom + this.log.length === this.version;
    if (logged && from >= 0 && from <= this.log.length) {
      const changed = [...new Set(this.log.slice(from))];
      const positions = list.flatMap((n, at) => (changed.includes(n) ? [at] : []));
      const page = this.columns(
        positions.map((at) => list[at] ?? 0),
        0,
      );
      return { ok: true, value: { ...page, changed: changed.map((n) => `id-${n}`), positions } };
    }
    const n = Math.max(0, Math.min(query.limit, this.total - query.offset));
    const rows = Array.from({ length: n }, (_, k) => list[query.offset + k] ?? 0);
    return { ok: true, value: this.columns(rows, query.offset) };
  };

  private columns(rows: number[], offset: number): DocumentRowIndex {
    return {
      offset,
      total: this.total,
      libraryTotal: this.total,
      version: this.version,
      ids: rows.map((i) => `id-${i}`),
      titles: rows.map(this.titleOf),
      authors: rows.map((i) => (i % 2 === 0 ? null : 'Лев Толстой')),
      sources: rows.map(() => null),
      tagged: rows.flatMap((i, row) => (i % 3 === 0 ? [{ row, tags: ['war', 'war/1812'] }] : [])),
      wordCounts: rows.map(() => 560_000),
      readingMinutes: rows.map(() => 2200),
      progress: rows.map(() => 0.5),
      addedAt: rows.map((i) => Date.UTC(2024, 0, 1) + i * 60_000),
      openedAt: rows.map(() => null),
      highlightCounts: rows.map(() => 0),
    };
  }
}

/** Lets every queued page go through. */
async function settle(): Promise<void> {
  for (let i = 0; i < 50; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs the loader's pauses at once. */
function setUp() {
  const core = new FakeCore();
  const loader = new RowIndexLoader({ fetchPage: core.fetchPage, later: (step) => queueMicrotask(step) });
  return { core, loader };
}

const LIST = { sort: 'recent' as const, filter: '' };

/** A built index of the whole list, then `change` made in the core and announced. */
async function changedAfterBuild(changed: number[], edit: (order: number[], core: FakeCore) => number[]) {
  const { core, loader } = setUp();
  loader.want(LIST, core.total);
  await settle();
  core.asked = [];
  core.change(changed, edit);
  loader.changed();
  expect(loader.indexOf(LIST, core.total)).toBeUndefined();
  loader.want(LIST, core.total);
  await settle();
  const index = loader.indexOf(LIST, core.total);
  // One request, for the rows changed: no page fetched again.
  expect(core.asked).toEqual([{ ...LIST, offset: 0, limit: 0, since: 1 }]);
  expect(index?.complete).toBe(true);
  expect(index?.version).toBe(core.version);
  const ids = Array.from({ length: core.total }, (_, i) => index?.rowAt(i)?.id);
  expect(ids).toEqual(core.ids());
  return { core, index };
}

describe('RowIndexLoader', () => {
  it('builds the whole list page by page, and its rows show what the core answered', async () => {
    const { core, loader } = setUp();
    loader.want(LIST, core.total);
    await settle();
    expect(core.asked.map((q) => q.offset)).toEqual([0, INDEX_PAGE, INDEX_PAGE * 2]);
    const index = loader.indexOf(LIST, core.total);
    expect(index?.complete).toBe(true);
    const last = core.total - 1;
    expect(index?.rowAt(last)).toMatchObject({ id: `id-${last}`, title: core.titleOf(last), excerpt: '' });
    expect(index?.rowAt(3)).toMatchObject({ author: 'Лев Толстой', tags: ['war', 'war/1812'], source: null });
    expect(index?.rowAt(4)).toMatchObject({ author: null, tags: [] });
    expect(index?.rowAt(core.total)).toBeUndefined();
    // Wanted again: already there, nothing asked.
    loader.want(LIST, core.total);
    await settle();
    expect(core.asked).toHaveLength(3);
  });

  it('starts again when the list changed between its pages, and never mixes the two', async () => {
    const { core, loader } = setUp();
    core.beforeAnswer = () => {
      if (core.asked.length !== 2) return;
      core.version++;
      core.titleOf = (i) => `Renamed ${i}`;
    };
    loader.want(LIST, core.total);
    await settle();
    const index = loader.indexOf(LIST, core.total);
    expect(index?.complete).toBe(true);
    expect(index?.version).toBe(2);
    expect(index?.rowAt(0)?.title).toBe('Renamed 0');
  });

  it('uses no index and drops the pages in flight once the library changed, until patched', async () => {
    const { core, loader } = setUp();
    core.beforeAnswer = () => {
      if (core.asked.length === 2) loader.changed();
    };
    loader.want(LIST, core.total);
    await settle();
    expect(loader.indexOf(LIST, core.total)).toBeUndefined();
    expect(core.asked).toHaveLength(2);
  });

  it('leaves short lists and failed pages to queryDocuments, a failure logged', async () => {
    const { core, loader } = setUp();
    loader.want({ ...LIST, filter: 'genoa' }, INDEX_FROM - 1);
    await settle();
    expect(core.asked).toHaveLength(0);
    core.fail = true;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    loader.want(LIST, core.total);
    await settle();
    expect(loader.indexOf(LIST, core.total)).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('EIO: the catalog could not be read'));
    warn.mockRestore();
    core.fail = false;
    loader.want(LIST, core.total);
    await settle();
    expect(loader.indexOf(LIST, core.total)?.complete).toBe(true);
  });

  it('keeps the whole library’s index while a filter is typed, and answers only for the right length', async () => {
    const { core, loader } = setUp();
    loader.want(LIST, core.total);
    await settle();
    for (const filter of ['p', 'pr', 'pri']) {
      loader.want({ ...LIST, filter }, core.total);
      await settle();
    }
    expect(loader.indexOf(LIST, core.total)?.complete).toBe(true);
    expect(loader.indexOf(LIST, core.total - 1)).toBeUndefined();
    expect(loader.indexOf({ ...LIST, sort: 'title' }, core.total)).toBeUndefined();
    // Two filtered lists kept: the oldest ('p') is dropped.
    expect(loader.indexOf({ ...LIST, filter: 'p' }, core.total)).toBeUndefined();
    expect(loader.indexOf({ ...LIST, filter: 'pri' }, core.total)?.complete).toBe(true);
  });

  describe('patches a built index in place when the library changed', () => {
    it('updated: a renamed document shows its new title where it is', async () => {
      const { core, index } = await changedAfterBuild([5], (order, fake) => {
        const titleOf = fake.titleOf;
        fake.titleOf = (n) => (n === 5 ? 'Renamed, in place' : titleOf(n));
        return order;
      });
      expect(index?.rowAt(5)?.title).toBe('Renamed, in place');
      expect(index?.rowAt(6)?.title).toBe(core.titleOf(6));
    });

    it('updated: an opened document moves to the top of the recent list', async () => {
      const { index } = await changedAfterBuild([3000], (order) => [
        3000,
        ...order.filter((n) => n !== 3000),
      ]);
      expect(index?.rowAt(0)?.id).toBe('id-3000');
      expect(index?.rowAt(3001)?.id).toBe('id-3001');
    });

    it('added: a new document comes in at its place and the list grows', async () => {
      const { core, index } = await changedAfterBuild([9000], (order) => [9000, ...order]);
      expect(index?.total).toBe(INDEX_PAGE * 2 + 18);
      expect(index?.rowAt(0)?.title).toBe(core.titleOf(9000));
      expect(index?.rowAt(core.total - 1)?.id).toBe(`id-${INDEX_PAGE * 2 + 16}`);
    });

    it('removed and restored: the row leaves, then comes back at its place', async () => {
      const removed = await changedAfterBuild([10], (order) => order.filter((n) => n !== 10));
      expect(removed.index?.rowAt(10)?.id).toBe('id-11');
      const { core, loader } = setUp();
      loader.want(LIST, core.total);
      await settle();
      core.change([10], (order) => order.filter((n) => n !== 10));
      loader.changed();
      loader.want(LIST, core.total);
      await settle();
      core.change([10], (order) => [...order.slice(0, 10), 10, ...order.slice(10)]);
      loader.changed();
      loader.want(LIST, core.total);
      await settle();
      const index = loader.indexOf(LIST, core.total);
      expect(index?.rowAt(10)?.id).toBe('id-10');
      expect(Array.from({ length: core.total }, (_, i) => index?.rowAt(i)?.id)).toEqual(core.ids());
    });

    it('a change while pages are still loading: the rows held are patched and the build goes on from them', async () => {
      const { core, loader } = setUp();
      const last = core.total - 1;
      core.beforeAnswer = () => {
        if (core.asked.length !== 2) return;
        core.beforeAnswer = null;
        // Before the second page is answered: a row far down is opened (to the top) and an early one removed.
        core.change([last, 7], (order) => [last, ...order.filter((n) => n !== last && n !== 7)]);
        loader.changed();
      };
      loader.want(LIST, core.total);
      await settle();
      expect(loader.indexOf(LIST, core.total)).toBeUndefined();
      loader.want(LIST, core.total);
      await settle();
      const index = loader.indexOf(LIST, core.total);
      expect(index?.complete).toBe(true);
      expect(Array.from({ length: core.total }, (_, i) => index?.rowAt(i)?.id)).toEqual(core.ids());
      // The first page was not fetched again: a patch, then the pages after the rows held.
      expect(core.asked.slice(2).map((q) => [q.since, q.offset])).toEqual([
        [1, 0],
        [undefined, INDEX_PAGE],
        [undefined, INDEX_PAGE * 2],
      ]);
    });

    it('drops every index when a tag changed, which moves no catalog version, and builds afresh', async () => {
      const { core, loader } = setUp();
      loader.want(LIST, core.total);
      await settle();
      // "war" renamed "conflict": the rows show the new name, and the library's version is the same.
      core.titleOf = (n) => `Chapter ${n}, tagged anew`;
      core.asked = [];
      loader.changed(true);
      expect(loader.indexOf(LIST, core.total)).toBeUndefined();
      loader.want(LIST, core.total);
      await settle();
      expect(core.asked.map((q) => [q.offset, q.since])).toEqual([
        [0, undefined],
        [INDEX_PAGE, undefined],
        [INDEX_PAGE * 2, undefined],
      ]);
      expect(loader.indexOf(LIST, core.total)?.rowAt(7)?.title).toBe('Chapter 7, tagged anew');
    });

    it('rebuilds when the changes are no longer known', async () => {
      const { core, loader } = setUp();
      loader.want(LIST, core.total);
      await settle();
      core.change([1], (order) => order.toReversed());
      core.logFrom = core.version; // The core kept none of them.
      core.log = [];
      loader.changed();
      loader.want(LIST, core.total);
      await settle();
      const index = loader.indexOf(LIST, core.total);
      expect(index?.complete).toBe(true);
      expect(Array.from({ length: core.total }, (_, i) => index?.rowAt(i)?.id)).toEqual(core.ids());
    });
  });
});
