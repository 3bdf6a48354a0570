import { describe, expect, it } from 'vitest';
import { FREQUENCY_BITS } from './compact-scoring';
import { PostingLists } from './compact-postings';

const posting = (ordinal: number, frequency: number) => ordinal * FREQUENCY_BITS + frequency;

/** Three words as a file holds them: prince in items 0 and 2, moscow in 1, war in 0, 1 and 2. */
const loaded = () =>
  PostingLists.from({
    terms: ['prince', 'moscow', 'war'],
    postingCounts: [2, 1, 3],
    postings: Uint32Array.from([
      posting(0, 2),
      posting(2, 1),
      posting(1, 1),
      posting(0, 1),
      posting(1, 3),
      posting(2, 1),
    ]),
  });

const visited = (words: PostingLists, term: string) => {
  const seen: [number, number][] = [];
  words.forEach(words.find(term), (ordinal, frequency) => seen.push([ordinal, frequency]));
  return seen;
};

describe('posting lists read from a file', () => {
  it('answers from the loaded postings, and refuses ones that do not add up', () => {
    const words = loaded();
    expect(visited(words, 'prince')).toEqual([
      [0, 2],
      [2, 1],
    ]);
    expect(words.holds(words.find('war') ?? -1, 1)).toBe(true);
    expect(words.holds(words.find('moscow') ?? -1, 2)).toBe(false);
    expect(words.frequency(words.find('war') ?? -1)).toBe(3);
    expect([...words.list(words.find('moscow') ?? -1)]).toEqual([posting(1, 1)]);
    expect(() =>
      PostingLists.from({ terms: ['a'], postingCounts: [2], postings: Uint32Array.from([1]) }),
    ).toThrow(/add up/);
  });

  it('takes new items without touching a neighbour word, and saves and renumbers every word', () => {
    const words = loaded();
    words.push(words.idOf('prince'), 3, 1);
    words.push(words.idOf('borodino'), 3, 2);
    expect(visited(words, 'prince').map(([ordinal]) => ordinal)).toEqual([0, 2, 3]);
    expect(visited(words, 'moscow')).toEqual([[1, 1]]);
    expect(words.saved()).toEqual({
      terms: ['prince', 'moscow', 'war', 'borodino'],
      postingCounts: [3, 1, 3, 1],
      postings: Uint32Array.from([
        posting(0, 2),
        posting(2, 1),
        posting(3, 1),
        posting(1, 1),
        posting(0, 1),
        posting(1, 3),
        posting(2, 1),
        posting(3, 2),
      ]),
    });
    // Item 1 is gone: moscow (only there) goes, the others close up.
    const { words: renumbered, termIds } = loaded().renumber(Int32Array.from([0, -1, 1]));
    expect([...termIds]).toEqual([0, -1, 1]);
    expect(renumbered.saved()).toEqual({
      terms: ['prince', 'war'],
      postingCounts: [2, 2],
      postings: Uint32Array.from([posting(0, 2), posting(1, 1), posting(0, 1), posting(1, 1)]),
    });
  });
});
