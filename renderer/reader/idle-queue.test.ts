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
});
