import { describe, expect, it, vi } from 'vitest';
import type { DocumentQuery, DocumentRowIndex } from '../../preload/api';
import { INDEX_FROM, INDEX_PAGE, RowIndexLoader } from './row-index-loader';

/** A library list the test changes: row i is titled by `titleOf`, at `version`. */
class FakeCore {
  version = 1;
  total = INDEX_PAGE * 2 + 17;
  titleOf = (i: number): string => `Chapter ${i}: “Well, Prince, so Genoa and Lucca”`;
  asked: DocumentQuery[] = [];
  fail = false;
  /** Runs just before a page is answered (a change racing the build). */
  beforeAnswer: (() => void) | null = null;

  fetchPage = async (
    query: DocumentQuery,
  ): Promise<{ ok: true; value: DocumentRowIndex } | { ok: false; message: string }> => {
    this.asked.push(query);
    await Promise.resolve();
    this.beforeAnswer?.();
    if (this.fail) return { ok: false, message: 'EIO: the catalog could not be read' };
    const n = Math.max(0, Math.min(query.limit, this.total - query.offset));
    const rows = Array.from({ length: n }, (_, k) => query.offset + k);
    return {
      ok: true,
      value: {
        offset: query.offset,
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
      },
    };
  };
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

  it('drops every index and the pages in flight once the library changed', async () => {
    const { core, loader } = setUp();
    core.beforeAnswer = () => {
      if (core.asked.length === 2) loader.invalidate();
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
});
