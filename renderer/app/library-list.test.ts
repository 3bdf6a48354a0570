import { describe, expect, it } from 'vitest';
import type { DocumentSummary, LecternBridge, Result } from '../../preload/api';
import type { ToastInit } from '../lib/events';
import { LibraryListController } from './library-list';

const summary = (title: string): DocumentSummary => ({
  id: title.toLowerCase().replace(/\W+/g, '').padEnd(16, '0').slice(0, 16),
  title,
  author: null,
  source: null,
  excerpt: '',
  wordCount: 1,
  readingMinutes: 1,
  progress: 0,
  addedAt: '2026-12-01T10:00:00.000Z',
  openedAt: null,
  highlightCount: 0,
  textVersion: 'v1',
});

/** A bridge whose listDocuments answers are released by the test, one at a time. */
function slowBridge() {
  const pending: Array<(result: Result<DocumentSummary[]>) => void> = [];
  const bridge = {
    listDocuments: () => new Promise<Result<DocumentSummary[]>>((resolve) => pending.push(resolve)),
  } as unknown as LecternBridge;
  return { bridge, pending };
}

function setUp() {
  const { bridge, pending } = slowBridge();
  const host = {
    updates: 0,
    requestUpdate() {
      this.updates++;
    },
  };
  const toasts: ToastInit[] = [];
  const list = new LibraryListController(host, bridge, (t) => toasts.push(t));
  return { list, pending, toasts, host };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('LibraryListController', () => {
  it('coalesces reloads asked for during one into exactly one more', async () => {
    const { list, pending } = setUp();
    const first = list.reload();
    void list.reload();
    void list.reload();
    void list.reload();
    expect(pending).toHaveLength(1);
    pending[0]?.({ ok: true, value: [summary('Emma')] });
    await settle();
    expect(pending).toHaveLength(2); // One more, for all three asks.
    pending[1]?.({ ok: true, value: [summary('Emma'), summary('Middlemarch')] });
    await first;
    expect(list.documents?.map((d) => d.title)).toEqual(['Emma', 'Middlemarch']);
    expect(pending).toHaveLength(2);
  });

  it('keeps the failure when there is no list yet, and clears it when Retry works', async () => {
    const { list, pending, toasts } = setUp();
    const failing = list.reload();
    pending[0]?.({ ok: false, code: 'io', message: 'EIO: i/o error, read' });
    await failing;
    expect(list.documents).toBeNull();
    expect(list.failure).toMatchObject({ method: 'listDocuments', code: 'io' });
    expect(toasts).toEqual([]);
    const retry = list.reload();
    expect(list.failure).toBeNull(); // "Loading" again while Retry runs.
    pending[1]?.({ ok: true, value: [summary('Persuasion')] });
    await retry;
    expect(list.documents?.map((d) => d.title)).toEqual(['Persuasion']);
  });

  it('keeps a list on screen when a later reload fails, and says so', async () => {
    const { list, pending, toasts } = setUp();
    const loading = list.reload();
    pending[0]?.({ ok: true, value: [summary('Emma')] });
    await loading;
    const reloading = list.reload();
    pending[1]?.({ ok: false, code: 'internal', message: 'Lectern could not complete listDocuments' });
    await reloading;
    expect(list.documents?.map((d) => d.title)).toEqual(['Emma']);
    expect(list.failure).toBeNull();
    expect(toasts[0]?.message).toBe(
      'Could not refresh the library. Lectern could not complete listDocuments.',
    );
  });
});
