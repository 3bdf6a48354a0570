import { describe, expect, it } from 'vitest';
import type { DocumentQuery, DocumentRow, DocumentWindow, LecternBridge, Result } from '../../preload/api';
import { filterHaystack, filterTerms, matchesTerms } from '../../common/library-filter';
import type { ToastInit } from '../lib/events';
import { documentRow } from '../library/test-fixtures';
import { LibraryListController, PAGE_SIZE, pageRuns } from './library-list';

const row = (n: number, prefix = 'Note'): DocumentRow => documentRow(n, `${prefix} ${n}`);

interface Pending {
  query: DocumentQuery;
  answer(result?: Result<DocumentWindow>): void;
}

/** A bridge over a list of `count` rows whose answers the test releases, one at a time. */
function setUp(count = 1000) {
  const pending: Pending[] = [];
  const bridge = {
    queryDocuments: (query: DocumentQuery) =>
      new Promise<Result<DocumentWindow>>((resolve) =>
        pending.push({
          query,
          answer: (result) => {
            const prefix = query.filter === '' ? 'Note' : `Match ${query.filter}`;
            const total = query.filter === '' ? count : 3;
            const rows = [];
            for (let i = query.offset; i < Math.min(total, query.offset + query.limit); i++)
              rows.push(row(i, prefix));
            resolve(
              result ?? { ok: true, value: { offset: query.offset, rows, total, libraryTotal: count } },
            );
          },
        }),
      ),
  } as unknown as LecternBridge;
  const host = { updates: 0, requestUpdate: () => host.updates++ };
  const toasts: ToastInit[] = [];
  const list = new LibraryListController(host, bridge, (t) => toasts.push(t));
  const answerAll = async () => {
    for (const p of pending.splice(0)) p.answer();
    await new Promise((r) => setTimeout(r, 0));
  };
  /** Answers until nothing is asked any more (the margin follows the rows in view). */
  const settle = async () => {
    while (pending.length > 0) await answerAll();
  };
  const asked = () => pending.map((p) => [p.query.offset, p.query.limit]);
  return { list, pending, toasts, host, answerAll, settle, asked };
}

describe('LibraryListController', () => {
  it('asks for the rows in view alone, then for the margin around them, each page once', async () => {
    const { list, pending, answerAll, asked } = setUp();
    void list.setQuery({ sort: 'title', filter: '' });
    expect(pending.map((p) => p.query)).toEqual([{ sort: 'title', filter: '', offset: 0, limit: PAGE_SIZE }]);
    await answerAll();
    expect(list.total).toBe(1000);
    expect(list.rowAt(PAGE_SIZE - 1)?.title).toBe(`Note ${PAGE_SIZE - 1}`);
    expect(list.rowAt(PAGE_SIZE)).toBeUndefined();
    void list.ensure(480, 500);
    void list.ensure(480, 500);
    // Rows 480..500 lie in pages 19 and 20: one request for them, nothing else yet.
    expect(asked()).toEqual([[19 * PAGE_SIZE, 2 * PAGE_SIZE]]);
    await answerAll();
    expect(list.rowAt(480)?.title).toBe('Note 480');
    // Then the margin (60 rows each side: pages 16..22), without the pages already there.
    expect(asked()).toEqual([
      [16 * PAGE_SIZE, 3 * PAGE_SIZE],
      [21 * PAGE_SIZE, 2 * PAGE_SIZE],
    ]);
    await answerAll();
    expect(list.rowAt(420)?.title).toBe('Note 420');
    expect(list.rowAt(560)?.title).toBe('Note 560');
    expect(pending).toHaveLength(0);
    void list.ensure(990, 999); // near the end: no page past it
    expect(asked()).toEqual([[39 * PAGE_SIZE, PAGE_SIZE]]);
  });

  it('renders for rows in view and for new totals, not for a margin off screen', async () => {
    const { list, host, answerAll, settle } = setUp();
    void list.setQuery({ sort: 'recent', filter: '' });
    await settle();
    void list.ensure(300, 310);
    const before = host.updates;
    await answerAll(); // the rows in view
    expect(host.updates).toBe(before + 1);
    const version = list.version;
    await answerAll(); // the margin
    expect(host.updates).toBe(before + 1);
    expect(list.version).toBe(version);
    expect(list.rowAt(250)?.title).toBe('Note 250');
  });

  it('keeps the old rows on screen until a new filter answers, then shows only the new ones', async () => {
    const { list, pending, answerAll } = setUp();
    void list.setQuery({ sort: 'recent', filter: '' });
    await answerAll();
    void list.setQuery({ sort: 'recent', filter: 'ember' });
    expect(list.rowAt(0)?.title).toBe('Note 0');
    expect(pending).toHaveLength(1);
    await answerAll();
    expect(list.total).toBe(3);
    expect(list.rowAt(0)?.title).toBe('Match ember 0');
    expect(list.rowAt(50)).toBeUndefined();
  });

  it('drops answers of a query that was replaced meanwhile', async () => {
    const { list, pending, answerAll } = setUp();
    void list.setQuery({ sort: 'recent', filter: 'e' });
    const stale = pending.splice(0);
    void list.setQuery({ sort: 'recent', filter: 'em' });
    await answerAll();
    for (const p of stale) p.answer();
    await new Promise((r) => setTimeout(r, 0));
    expect(list.rowAt(0)?.title).toBe('Match em 0');
  });

  it('reloads the rows in view first, then the margin, when the library changed', async () => {
    const { list, answerAll, settle, asked } = setUp();
    void list.setQuery({ sort: 'recent', filter: '' });
    await settle();
    void list.ensure(300, 320);
    await settle();
    void list.reload();
    expect(asked()).toEqual([[300, PAGE_SIZE]]);
    await answerAll();
    // The margin: rows 240..380 are pages 9..15, less page 12 already asked for.
    expect(asked()).toEqual([
      [9 * PAGE_SIZE, 3 * PAGE_SIZE],
      [13 * PAGE_SIZE, 3 * PAGE_SIZE],
    ]);
  });

  it('keeps a failure when nothing is shown, and only toasts when a list is', async () => {
    const { list, pending, toasts, answerAll } = setUp();
    void list.setQuery({ sort: 'recent', filter: '' });
    pending.splice(0)[0]?.answer({ ok: false, code: 'io', message: 'Disk gone.' });
    await new Promise((r) => setTimeout(r, 0));
    expect(list.failure).toMatchObject({ code: 'io' });
    void list.reload();
    expect(list.failure).toBeNull();
    await answerAll();
    void list.reload();
    pending.splice(0).forEach((p) => p.answer({ ok: false, code: 'io', message: 'Disk gone.' }));
    await new Promise((r) => setTimeout(r, 0));
    expect(list.rowAt(0)?.title).toBe('Note 0');
    expect(toasts[0]?.message).toContain('Could not refresh the library');
  });

  it('asks again for every page of a request that failed', async () => {
    const { list, pending, toasts, answerAll } = setUp();
    void list.setQuery({ sort: 'recent', filter: '' });
    await answerAll();
    void list.ensure(450, 470);
    pending.splice(0).forEach((p) => p.answer({ ok: false, code: 'io', message: 'Disk gone.' }));
    await new Promise((r) => setTimeout(r, 0));
    expect(toasts).toHaveLength(1);
    expect(pending).toHaveLength(0); // no margin after a failure: it would fail too
    void list.ensure(450, 470);
    expect(pending.map((p) => [p.query.offset, p.query.limit])).toEqual([[450, PAGE_SIZE]]);
  });

  it('groups pages into runs of consecutive ones', () => {
    expect(pageRuns([3, 4, 7, 9, 10, 11])).toEqual([
      [3, 4],
      [7, 7],
      [9, 11],
    ]);
    expect(pageRuns([])).toEqual([]);
    expect(pageRuns([0])).toEqual([[0, 0]]);
  });
});

describe('LibraryListController narrowing a filter from the rows it holds', () => {
  const books = ['Anna Karenina', 'War and Peace', 'Annales school', 'Émile', 'Hadji Murat', 'Manon Lescaut'];
  /** A bridge that filters `books` as the core does, answering when the test says. */
  function setUpBooks() {
    const pending: Pending[] = [];
    const bridge = {
      queryDocuments: (query: DocumentQuery) =>
        new Promise<Result<DocumentWindow>>((resolve) =>
          pending.push({
            query,
            answer: () => {
              const terms = filterTerms(query.filter);
              const all = books
                .map((title, n) => ({ ...row(n), title }))
                .filter((r) => matchesTerms(filterHaystack(r), terms));
              const rows = all.slice(query.offset, query.offset + query.limit);
              resolve({
                ok: true,
                value: { offset: query.offset, rows, total: all.length, libraryTotal: 6 },
              });
            },
          }),
        ),
    } as unknown as LecternBridge;
    const host = { updates: 0, requestUpdate: () => host.updates++ };
    const list = new LibraryListController(host, bridge, () => undefined);
    const answerAll = async () => {
      for (const p of pending.splice(0)) p.answer();
      await new Promise((r) => setTimeout(r, 0));
    };
    const titles = () => Array.from({ length: list.total ?? 0 }, (_, i) => list.rowAt(i)?.title);
    return { list, pending, answerAll, titles };
  }

  it('shows the narrowed rows at once while the core is asked, then keeps its answer', async () => {
    const { list, pending, answerAll, titles } = setUpBooks();
    void list.setQuery({ sort: 'recent', filter: 'an' });
    await answerAll();
    expect(titles()).toEqual(['Anna Karenina', 'War and Peace', 'Annales school', 'Manon Lescaut']);
    void list.setQuery({ sort: 'recent', filter: 'ann' });
    expect(titles()).toEqual(['Anna Karenina', 'Annales school']);
    void list.setQuery({ sort: 'recent', filter: 'anna k' }); // typed before the core answered
    expect(titles()).toEqual(['Anna Karenina']);
    expect(pending.map((p) => p.query.filter)).toEqual(['ann', 'anna k']);
    await answerAll();
    expect(titles()).toEqual(['Anna Karenina']);
  });

  it('waits for the core when erasing or re-sorting', async () => {
    const { list, answerAll, titles } = setUpBooks();
    void list.setQuery({ sort: 'recent', filter: 'anna k' });
    await answerAll();
    void list.setQuery({ sort: 'recent', filter: 'anna' });
    expect(titles()).toEqual(['Anna Karenina']);
    await answerAll();
    expect(titles()).toEqual(['Anna Karenina', 'Annales school']);
    void list.setQuery({ sort: 'title', filter: 'anna k' });
    expect(titles()).toEqual(['Anna Karenina', 'Annales school']);
    await answerAll();
    expect(titles()).toEqual(['Anna Karenina']);
  });
});
