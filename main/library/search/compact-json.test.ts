import { array, assert, property, string } from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCompact, encodeCompact } from './compact-file';
import { asciiJson, itemsFromColumns, itemsToColumns, withoutEmptyFields } from './compact-json';

/** Text a library holds: accents, curly quotes, CJK, an emoji (a surrogate pair) and a lone surrogate. */
const UNKIND = [
  '“Well, Prince,” said Anna Pávlovna Schérer — 1805.',
  '戦争と平和 第一巻',
  'Natásha 👩‍🎤 sang',
  'broken \ud800 half',
  '',
  'a\u2028line\u0000sep',
];

describe('columns and ASCII JSON', () => {
  it('gives every item back with every key, null where it had none, in the same order', () => {
    const items = [
      { documentId: 'd1', quote: UNKIND[0], tags: ['war/battles'], start: 12 },
      { documentId: 'd2', note: UNKIND[1] },
      { documentId: null, quote: UNKIND[2], start: 0, heading: null },
    ];
    const back = itemsFromColumns(JSON.parse(asciiJson(itemsToColumns(items))));
    expect(back).toEqual([
      { documentId: 'd1', quote: UNKIND[0], tags: ['war/battles'], start: 12, note: null, heading: null },
      { documentId: 'd2', quote: null, tags: null, start: null, note: UNKIND[1], heading: null },
      { documentId: null, quote: UNKIND[2], tags: null, start: 0, note: null, heading: null },
    ]);
    expect(back.map((item) => Object.keys(item).join())).toEqual(Array(3).fill(Object.keys(back[0]!).join()));
    expect(itemsFromColumns(itemsToColumns([]))).toEqual([]);
  });

  it('refuses columns that do not add up', () => {
    expect(() => itemsFromColumns({ count: 2, keys: ['a'], values: [[1]] })).toThrow(/add up/);
    expect(() => itemsFromColumns({ count: 1, keys: ['a', 'b'], values: [[1]] })).toThrow(/add up/);
    expect(() => itemsFromColumns({ count: 1.5, keys: [], values: [] })).toThrow(/add up/);
  });

  it('writes only ASCII and reads back exactly the strings it was given, whatever they hold', () => {
    for (const text of UNKIND) {
      const json = asciiJson({ text });
      expect(/^[\x20-\x7e]*$/.test(json)).toBe(true);
      expect((JSON.parse(json) as { text: string }).text).toBe(text);
    }
    assert(
      property(array(string({ unit: 'binary' })), (texts) => {
        const json = asciiJson(texts);
        // Read as latin1 (as the files are), it must still be the same value.
        const read = Buffer.from(json, 'latin1').toString('latin1');
        expect(JSON.parse(read)).toEqual(texts);
      }),
    );
  });

  it('drops empty fields and the ones named, keeping false and non-empty values', () => {
    const entry = {
      id: 'h/1',
      owner: 'notes/d',
      quote: '',
      note: 'Kept',
      tags: [],
      start: 0,
      end: 7,
      flag: false,
    };
    expect(withoutEmptyFields(entry, ['id'])).toEqual({
      owner: 'notes/d',
      note: 'Kept',
      end: 7,
      flag: false,
    });
  });
});

describe('the compact file', () => {
  it('has an ASCII header, so prose in items is read back without decoding UTF-8', () => {
    const snapshot = {
      terms: ['prince', 'natasha', '戦'],
      postingCounts: [1, 1, 1],
      postings: Uint32Array.from([256 + 1, 1, 2 * 256 + 1]),
      items: UNKIND.slice(0, 3).map((quote, at) => ({ documentId: `d${at}`, quote })),
      lengths: [3, 2, 1],
    };
    const bytes = encodeCompact({ highlight: snapshot }, 'gen-1');
    const headerLength = new DataView(bytes.buffer).getUint32(8, true);
    expect(bytes.subarray(16, 16 + headerLength).every((byte) => byte < 0x80)).toBe(true);
    const { highlight } = decodeCompact(bytes, 'gen-1');
    expect(highlight?.items).toEqual(snapshot.items);
    expect(highlight?.terms).toEqual(snapshot.terms);
    expect([...(highlight?.postings ?? [])]).toEqual([...snapshot.postings]);
  });
});
