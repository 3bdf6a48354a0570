import { afterEach, describe, expect, it, vi } from 'vitest';
import { IdleQueue } from './idle-queue';

describe('idle queue', () => {
  afterEach(() => vi.useRealTimers());

  it('runs every item in order, a slice at a time, and nothing once stopped', async () => {
    vi.useFakeTimers();
    const seen: string[] = [];
    const queue = new IdleQueue<string>((item) => seen.push(item));
    for (const word of ['Well,', 'Prince,', 'so', 'Genoa']) queue.push(word);
    expect(seen).toEqual([]); // Nothing runs in the pushing task.
    await vi.runAllTimersAsync();
    expect(seen).toEqual(['Well,', 'Prince,', 'so', 'Genoa']);
    queue.push('and');
    queue.stop();
    queue.push('Lucca');
    await vi.runAllTimersAsync();
    expect(seen).toHaveLength(4);
  });

  it('runs at most maxPerSlice items a slice, and every item in the end', async () => {
    vi.useFakeTimers();
    const slices: number[][] = [];
    let current: number[] = [];
    const queue = new IdleQueue<number>((item) => current.push(item), 3);
    for (let i = 0; i < 8; i++) queue.push(i);
    for (let slice = 0; slice < 3; slice++) {
      await vi.advanceTimersToNextTimerAsync();
      slices.push(current);
      current = [];
    }
    expect(slices).toEqual([
      [0, 1, 2],
      [3, 4, 5],
      [6, 7],
    ]);
  });
});
