import { describe, expect, it } from 'vitest';
import { BodyCache } from './body-cache';

/** Texts of `chars` characters, counting the reads. */
function library(chars: number) {
  const reads: string[] = [];
  const read = async (id: string) => {
    reads.push(id);
    return id === 'missing' ? null : id.padEnd(chars, '.');
  };
  return { reads, read };
}

describe('BodyCache', () => {
  it('reads a document once while it is kept, and again once forgotten', async () => {
    const { reads, read } = library(10);
    const cache = new BodyCache(read, { documents: 4, chars: 1000 });
    expect(await cache.get('a')).toBe('a.........');
    expect(await cache.get('a')).toBe('a.........');
    expect(reads).toEqual(['a']);
    cache.forget('a');
    await cache.get('a');
    expect(reads).toEqual(['a', 'a']);
  });

  it('lets the least recently used go first, past either limit', async () => {
    const { reads, read } = library(10);
    const byCount = new BodyCache(read, { documents: 2, chars: 1000 });
    for (const id of ['a', 'b', 'a', 'c', 'a', 'b']) await byCount.get(id);
    // 'b' went when 'c' came ('a' had just been used), so it is read again.
    expect(reads).toEqual(['a', 'b', 'c', 'b']);

    reads.length = 0;
    const byChars = new BodyCache(read, { documents: 100, chars: 25 });
    for (const id of ['a', 'b', 'c', 'a', 'c']) await byChars.get(id);
    expect(reads).toEqual(['a', 'b', 'c', 'a']);
  });

  it('keeps no answer for a text that cannot be read', async () => {
    const { reads, read } = library(10);
    const cache = new BodyCache(read, { documents: 4, chars: 1000 });
    expect(await cache.get('missing')).toBeNull();
    expect(await cache.get('missing')).toBeNull();
    expect(reads).toEqual(['missing', 'missing']);
  });
});
