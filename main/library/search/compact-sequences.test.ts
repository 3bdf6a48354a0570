/**
 * WordSequences against a plain model (each item's word ids in a list): stored in blocks of any size,
 * after a load or not, the saved form is every item's varints end to end, and phrases are found
 * exactly where the model has them.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCK_BYTES, WordSequences } from './compact-sequences';

/** The stored form in one piece: each id as a varint (7 bits a byte, low first), items end to end. */
function varints(items: readonly (readonly number[])[]): { ends: number[]; words: number[] } {
  const words: number[] = [];
  const ends: number[] = [];
  for (const item of items) {
    for (let id of item) {
      while (id >= 0x80) {
        words.push((id & 0x7f) | 0x80);
        id >>>= 7;
      }
      words.push(id);
    }
    ends.push(words.length);
  }
  return { ends, words };
}

const holdsInModel = (item: readonly number[], phrase: readonly number[]): boolean =>
  item.some((_, at) => phrase.every((id, i) => item[at + i] === id)) || phrase.length === 0;

/** Ids of every varint length, few enough distinct ones that phrases recur. */
const wordId = fc.constantFrom(0, 1, 5, 127, 128, 300, 16_383, 16_384, 2_000_000, 2 ** 31 - 1);
const items = fc.array(fc.array(wordId, { maxLength: 12 }), { maxLength: 30 });

function filled(list: readonly (readonly number[])[], blockBytes: number): WordSequences {
  const sequences = WordSequences.empty(blockBytes);
  for (const item of list) sequences.append(item);
  return sequences;
}

describe('WordSequences', () => {
  it('saves what one array would hold, whatever the block size and after a load', () => {
    fc.assert(
      fc.property(items, items, fc.integer({ min: 1, max: 64 }), (loaded, added, blockBytes) => {
        const base = WordSequences.from(filled(loaded, blockBytes).saved());
        for (const item of added) base.append(item);
        const saved = base.saved();
        const expected = varints([...loaded, ...added]);
        expect([...saved.words]).toEqual(expected.words);
        expect([...saved.ends]).toEqual(expected.ends);
        expect(base.size).toBe(loaded.length + added.length);
      }),
    );
  });

  it('finds a phrase in an item exactly where the model does, items in any block', () => {
    fc.assert(
      fc.property(
        items,
        fc.integer({ min: 1, max: 64 }),
        fc.array(wordId, { maxLength: 3 }),
        (list, blockBytes, phrase) => {
          const sequences = filled(list, blockBytes);
          const encoded = WordSequences.encode(phrase);
          list.forEach((item, ordinal) =>
            expect(sequences.holds(ordinal, encoded)).toBe(holdsInModel(item, phrase)),
          );
        },
      ),
    );
  });

  it('finds phrases in an item taken whole from the middle of a book (its own phrase and a stray one)', () => {
    const sequences = WordSequences.empty();
    const book = Array.from({ length: 4000 }, (_, item) =>
      Array.from({ length: 400 }, (_word, i) => (item * 7 + i) % 9000),
    );
    for (const item of book) sequences.append(item);
    // 4,000 items of ~800 bytes: past several full blocks.
    expect(sequences.saved().words.length).toBeGreaterThan(2 * BLOCK_BYTES);
    for (const ordinal of [0, 1310, 1311, 2621, 3999]) {
      const item = book[ordinal] ?? [];
      expect(sequences.holds(ordinal, WordSequences.encode(item.slice(390, 400)))).toBe(true);
      expect(sequences.holds(ordinal, WordSequences.encode([8999, 0, 8999]))).toBe(false);
    }
  });

  it('renumbers the kept items with their words mapped, across blocks', () => {
    const list = [[1, 2, 3], [], [300, 2], [2, 1]];
    const sequences = filled(list, 4);
    const kept = Int32Array.from([0, -1, 1, 2]);
    const termIds = Int32Array.from({ length: 301 }, (_, id) => id + 1);
    const renumbered = sequences.renumber(kept, termIds).saved();
    expect([...renumbered.words]).toEqual(
      varints([
        [2, 3, 4],
        [301, 3],
        [3, 2],
      ]).words,
    );
  });
});
