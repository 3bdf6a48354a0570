import { describe, expect, it } from 'vitest';
import { decodeCompact, encodeCompact } from './compact-file';
import { type BodyTerm, CompactIndex, type CompactSnapshot } from './compact-index';

/** Lines of War and Peace (Maude translation, public domain), one item each. */
const LINES = [
  'Well, Prince, so Genoa and Lucca are now just family estates of the Buonapartes.',
  'Anna Pávlovna had had a cough for some days. She was, as she said, suffering from la grippe.',
  'The prince always spoke languidly, like an actor repeating a stale part.',
  'Natásha was sixteen and it was the year 1809, the very year to which she had counted on her fingers.',
  'The cannon smoke hung over the field at Borodinó; the princess waited at Bald Hills for news.',
  'Pierre had been educated abroad, and this reception was the first he had attended in Russia.',
];

interface Line {
  documentId: string | null;
  line: number;
}

function indexOf(lines: readonly string[]): CompactIndex<Line> {
  const index = new CompactIndex<Line>();
  lines.forEach((text, line) => index.add({ documentId: `doc-${line % 3}`, line }, text));
  return index;
}

const word = (term: string, prefix = false, maxEdits = 0): BodyTerm => ({ term, prefix, maxEdits });
const lines = (hits: { item: Line }[]) => hits.map((hit) => hit.item.line).toSorted((a, b) => a - b);
const all = () => true;

describe('CompactIndex', () => {
  it('finds whole words, prefixes of the last word and typos, every word required', () => {
    const index = indexOf(LINES);
    expect(lines(index.search([word('prince')], [], all, 10))).toEqual([0, 2]);
    expect(lines(index.search([word('prince', true)], [], all, 10))).toEqual([0, 2, 4]);
    expect(index.search([word('prince', true)], [], all, 10)[0]?.terms).toContain('prince');
    expect(lines(index.search([word('borodin')], [], all, 10))).toEqual([]);
    expect(lines(index.search([word('borodin', false, 1)], [], all, 10))).toEqual([4]);
    expect(lines(index.search([word('borodino')], [], all, 10))).toEqual([4]);
    expect(lines(index.search([word('natsha', false, 1)], [], all, 10))).toEqual([3]);
    expect(lines(index.search([word('the'), word('prince')], [], all, 10))).toEqual([0, 2]);
    expect(lines(index.search([word('languidly'), word('prince')], [], all, 10))).toEqual([2]);
    expect(lines(index.search([word('prince', true)], ['cannon'], all, 10))).toEqual([0, 2]);
    expect(
      lines(index.search([word('prince', true)], [], (item) => item.documentId === 'doc-2', 10)),
    ).toEqual([2]);
  });

  it('ranks an item where the word is a larger part of it first, and caps the hits', () => {
    const index = indexOf([
      'war war war and peace',
      'peace, and a long account of a war far away in the south',
    ]);
    const hits = index.search([word('war')], [], all, 10);
    expect(hits.map((hit) => hit.item.line)).toEqual([0, 1]);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(index.search([word('war')], [], all, 1)).toHaveLength(1);
    expect(index.search([], [], all, 10).map((hit) => hit.item.line)).toEqual([0, 1]);
  });

  it('drops a removed document at once and forgets its postings when compacting', () => {
    const index = new CompactIndex<Line>();
    for (let n = 0; n < 8_000; n++)
      index.add({ documentId: `doc-${n}`, line: n }, `${LINES[n % 6]} item${n}`);
    for (let n = 0; n < 6_000; n++) index.remove(`doc-${n}`);
    expect(index.size).toBe(2_000);
    expect(index.search([word('item5999')], [], all, 5)).toEqual([]);
    expect(lines(index.search([word('item6000')], [], all, 5))).toEqual([6000]);
    const snapshot = index.snapshot();
    expect(snapshot.items).toHaveLength(2_000);
    expect(snapshot.terms).not.toContain('item42');
    // Lines 7650..7659 begin with item765; of those, the ones quoting Genoa (line 0 of six).
    expect(lines(index.search([word('genoa'), word('item765', true)], [], all, 50))).toEqual([7650, 7656]);
  });

  it('survives its file: words, postings and items come back, and another save is refused', () => {
    const index = indexOf(LINES);
    index.remove('doc-1');
    index.add({ documentId: 'doc-9', line: 9 }, 'Prince Andrew lay on the field of Austerlitz.');
    const bytes = encodeCompact({ body: index.snapshot() }, 'gen-1');
    const { body } = decodeCompact(bytes, 'gen-1');
    const restored = CompactIndex.fromSnapshot(body as CompactSnapshot<Line>);
    expect(lines(restored.search([word('prince', true)], [], all, 10))).toEqual([0, 2, 9]);
    expect(restored.size).toBe(index.size);
    restored.add({ documentId: 'doc-10', line: 10 }, 'The old prince was at Bald Hills.');
    expect(lines(restored.search([word('prince')], [], all, 10))).toEqual([0, 2, 9, 10]);
    expect(() => decodeCompact(bytes, 'gen-2')).toThrow(/another save/);
    expect(() => decodeCompact(bytes.subarray(0, bytes.length - 4), 'gen-1')).toThrow(/truncated/);
    expect(() => decodeCompact(new TextEncoder().encode('{"format":"json"}'), 'gen-1')).toThrow();
  });

  it('builds its word tree and document lists when first needed after a load, missing no word added meanwhile', () => {
    const saved = indexOf(LINES).snapshot();
    const loaded = CompactIndex.fromSnapshot(saved);
    // Nothing asked yet: a removal and an add must still be seen by the first prefix and typo queries.
    loaded.remove('doc-1');
    loaded.add({ documentId: 'doc-7', line: 7 }, 'Princess Mary prayed at Bald Hills.');
    expect(lines(loaded.search([word('prince', true)], [], all, 10))).toEqual([0, 2, 7]);
    // Asked before the word exists, and again after (what is kept of the first answer must not hide it).
    expect(lines(loaded.search([word('princel', true)], [], all, 10))).toEqual([]);
    expect(lines(loaded.search([word('hipolyte', false, 1)], [], all, 10))).toEqual([]);
    loaded.add({ documentId: 'doc-8', line: 8 }, 'The princeling Hippolyte laughed.');
    expect(lines(loaded.search([word('princel', true)], [], all, 10))).toEqual([8]);
    expect(lines(loaded.search([word('hipolyte', false, 1)], [], all, 10))).toEqual([8]);
    expect(loaded.documentIds().toSorted()).toEqual(['doc-0', 'doc-2', 'doc-7', 'doc-8']);
    expect(loaded.itemsOf('doc-1')).toEqual([]);
    expect(loaded.has('doc-1')).toBe(false);
  });

  it('answers the same once warmed as cold, query after query (its counters are reused)', () => {
    const cold = CompactIndex.fromSnapshot(indexOf(LINES).snapshot());
    const warm = CompactIndex.fromSnapshot(indexOf(LINES).snapshot());
    warm.warm();
    const queries: [BodyTerm[], string[]][] = [
      [[word('prince', true)], []],
      [[word('the'), word('prince')], ['genoa']],
      [[word('natsha', false, 1)], []],
      [[word('the')], []],
    ];
    for (const [terms, excluded] of queries) {
      const expected = cold.search(terms, excluded, all, 10);
      expect(warm.search(terms, excluded, all, 10)).toEqual(expected);
      // Asked again, the previous query's scores must not leak in.
      expect(cold.search(terms, excluded, all, 10)).toEqual(expected);
    }
    expect(lines(cold.search([word('the')], [], all, 10))).toEqual([0, 2, 3, 4, 5]);
  });

  it('names the word most items hold, among words long enough (what a warm-up query asks for)', () => {
    const index = indexOf(LINES);
    expect(index.commonWord(1)).toBe('the');
    expect(index.commonWord(6)).toBe('prince');
    expect(index.commonWord(40)).toBeNull();
    expect(new CompactIndex<Line>().commonWord(1)).toBeNull();
  });
});
