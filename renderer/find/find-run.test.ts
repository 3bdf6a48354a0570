import { describe, expect, it } from 'vitest';
// The real book (the e2e fixture, in this repository): long enough that a run takes several slices.
import BOOK from '../../e2e/fixtures/books/war-and-peace.txt?raw';
import { FindRunner, yieldToPage } from './find-run';

const plain = { matchCase: false, wholeWord: false };

describe('FindRunner', () => {
  it('counts every match of a name in the whole book, yielding between slices', async () => {
    let yields = 0;
    const runner = new FindRunner(() => (yields++, yieldToPage()));
    const matches = await runner.run(BOOK, 'Pierre', plain);
    const exact = BOOK.split('Pierre').length - 1;
    // Case folding adds "PIERRE" and the like; the exact spelling is a floor.
    expect(matches?.starts.length).toBeGreaterThanOrEqual(exact);
    expect(matches?.starts.length).toBeLessThan(exact + 50);
    for (const [i, start] of (matches?.starts ?? []).entries())
      expect(BOOK.slice(start, matches?.ends[i]).toLowerCase()).toBe('pierre');
    expect(yields).toBeGreaterThan(0);
  });

  it('drops a run when a newer one starts, and the newer one still completes', async () => {
    const runner = new FindRunner(() => new Promise((resolve) => setTimeout(resolve, 1)));
    const older = runner.run(BOOK, 'Natásha', plain);
    const newer = runner.run(BOOK, 'Natasha', { matchCase: true, wholeWord: true });
    expect(await older).toBeNull();
    expect((await newer)?.starts.length).toBeGreaterThan(1000);
  });

  it('stops on cancel, and answers an empty query with no matches', async () => {
    const runner = new FindRunner(() => new Promise((resolve) => setTimeout(resolve, 1)));
    const cancelled = runner.run(BOOK, 'war', plain);
    runner.cancel();
    expect(await cancelled).toBeNull();
    expect(await runner.run(BOOK, '   ', plain)).toEqual({ starts: [], ends: [] });
    expect(await runner.run('', 'war', plain)).toEqual({ starts: [], ends: [] });
  });

  it('folds ahead once, and a new text is folded anew', async () => {
    const runner = new FindRunner();
    const folded = await runner.prepare(BOOK, false);
    expect(folded?.text.length).toBeLessThan(BOOK.length);
    expect(await runner.prepare(BOOK, false)).toBe(folded);
    expect((await runner.run('War and Peace', 'peace', plain))?.starts).toEqual([8]);
  });
});
