import { describe, expect, it } from 'vitest';
import type { WorkspacePage } from '../../preload/api';
import type { Settled } from '../app/calls';
import { PAGE_ROWS, RowPages } from './row-pages';

const page = (offset: number, total: number): WorkspacePage => ({
  rows: Array.from({ length: Math.max(0, Math.min(PAGE_ROWS, total - offset)) }, (_, i) => ({
    kind: 'group' as const,
    label: `row ${offset + i}`,
    count: 0,
  })),
  offset,
  totalRows: total,
  matching: total,
  inLibrary: total,
  groups: [],
  groupCount: 0,
});

describe('the workspace list’s pages', () => {
  it('asks for each page once and drops answers to a query that was replaced', async () => {
    const asked: number[] = [];
    let total = 250;
    const pending: (() => void)[] = [];
    const pages = new RowPages(
      (offset) =>
        new Promise<Settled<WorkspacePage>>((resolve) => {
          asked.push(offset);
          const answerFor = total;
          pending.push(() => resolve({ ok: true, value: page(offset, answerFor) }));
        }),
      () => undefined,
    );
    const first = pages.reset();
    pending.shift()?.();
    await first;
    expect(pages.total).toBe(250);
    const more = pages.ensure(90, 210);
    void pages.ensure(150, 160);
    expect(asked).toEqual([0, 100, 200]);
    pending.splice(0).forEach((answer) => answer());
    await more;
    expect(pages.rowAt(205)).toMatchObject({ label: 'row 205' });

    // A new filter while a page is on its way: the late answer must not land in the new list.
    void pages.ensure(0, 0);
    total = 3;
    const late = pages.reset();
    const stale = pages.ensure(100, 100);
    pending.forEach((answer) => answer());
    await Promise.all([late, stale]);
    expect(pages.total).toBe(3);
    expect(pages.rowAt(205)).toBeUndefined();
  });

  it('keeps a failure to show and asks again for the failed page', async () => {
    let fail = true;
    const pages = new RowPages(
      async (offset) =>
        fail
          ? { ok: false, method: 'queryWorkspace', code: 'io', message: 'The disk is gone.', at: '' }
          : { ok: true, value: page(offset, 10) },
      () => undefined,
    );
    await pages.reset();
    expect(pages.state.failure?.message).toBe('The disk is gone.');
    fail = false;
    await pages.ensure(0, 5);
    expect(pages.state).toMatchObject({ failure: null, summary: { totalRows: 10 } });
  });
});
