/**
 * The library list with its row index: a row not loaded comes from the index (everything but the
 * excerpt) once built, the loaded row wins, and a change drops the index until it is built again.
 */
import { describe, expect, it, vi } from 'vitest';
import type {
  DocumentQuery,
  DocumentRowIndex,
  DocumentWindow,
  LecternBridge,
  Result,
} from '../../preload/api';
import { LibraryListController } from '../app/library-list';
import { documentRow } from './test-fixtures';

const COUNT = 7000;

const noteTitle = (i: number): string => `Note ${i} — “So Genoa and Lucca”`;

/** The row numbers a query's window holds. */
const range = (query: DocumentQuery): number[] =>
  Array.from(
    { length: Math.max(0, Math.min(query.limit, COUNT - query.offset)) },
    (_, k) => query.offset + k,
  );

function setUp() {
  let titleOf = noteTitle;
  let version = 1;
  const excerpt = 'Well, Prince, so Genoa and Lucca are now just family estates of the Buonapartes.';
  const bridge = {
    queryDocuments: async (query: DocumentQuery): Promise<Result<DocumentWindow>> => ({
      ok: true,
      value: {
        offset: query.offset,
        rows: range(query).map((i) => documentRow(i, titleOf(i), { excerpt })),
        total: COUNT,
        libraryTotal: COUNT,
      },
    }),
    queryRowIndex: async (query: DocumentQuery): Promise<Result<DocumentRowIndex>> => {
      const rows = range(query).map((i) => documentRow(i, titleOf(i)));
      return {
        ok: true,
        value: {
          offset: query.offset,
          total: COUNT,
          libraryTotal: COUNT,
          version,
          ids: rows.map((r) => r.id),
          titles: rows.map((r) => r.title),
          authors: rows.map((r) => r.author),
          sources: rows.map((r) => r.source),
          tagged: [],
          wordCounts: rows.map((r) => r.wordCount),
          readingMinutes: rows.map((r) => r.readingMinutes),
          progress: rows.map((r) => r.progress),
          addedAt: rows.map((r) => Date.parse(r.addedAt)),
          openedAt: rows.map(() => null),
          highlightCounts: rows.map((r) => r.highlightCount),
        },
      };
    },
  } as unknown as LecternBridge;
  const list = new LibraryListController({ requestUpdate: () => undefined }, bridge, () => undefined);
  list.setShowing(true);
  const rename = (title: (i: number) => string) => {
    titleOf = title;
    version++;
  };
  return { list, rename };
}

describe('LibraryListController with its row index', () => {
  it('shows rows far from those loaded from the index, and the loaded rows over it', async () => {
    const { list } = setUp();
    await list.setQuery({ sort: 'recent', filter: '' });
    expect(list.indexedRowAt(6500)).toBeUndefined();
    await vi.waitFor(() => expect(list.indexedRowAt(6999)?.title).toBe('Note 6999 — “So Genoa and Lucca”'));
    expect(list.rowAt(6500)).toBeUndefined();
    expect(list.indexedRowAt(6500)).toMatchObject({ title: 'Note 6500 — “So Genoa and Lucca”', excerpt: '' });
    await list.ensure(6500, 6510);
    expect(list.rowAt(6500)?.excerpt).toMatch(/^Well, Prince/);
  });

  it('builds no index while no library view shows the list (a reader open)', async () => {
    const { list } = setUp();
    list.setShowing(false);
    await list.setQuery({ sort: 'recent', filter: '' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(list.indexedRowAt(6999)).toBeUndefined();
    list.setShowing(true);
    await vi.waitFor(() => expect(list.indexedRowAt(6999)).toBeDefined());
  });

  it('drops the index when the library changed, and builds it again from the new list', async () => {
    const { list, rename } = setUp();
    await list.setQuery({ sort: 'recent', filter: '' });
    await vi.waitFor(() => expect(list.indexedRowAt(6999)).toBeDefined());
    rename((i) => `Chapter ${i}`);
    const reloaded = list.reload();
    // Never the old title after the change: no index row until rebuilt.
    expect(list.indexedRowAt(6999)).toBeUndefined();
    await reloaded;
    await vi.waitFor(() => expect(list.indexedRowAt(6999)?.title).toBe('Chapter 6999'));
  });
});
