import { array, assert, property, string } from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCompact, decodeCompactFile, encodeCompact } from './compact-file';
import type { CompactSnapshot } from './compact-index';
import { UNKIND } from './test-fixtures';

const snapshotOf = (items: unknown[], terms = ['prince', 'natasha', '戦']): CompactSnapshot<unknown> => ({
  terms,
  postingCounts: [1, 1, 1],
  postings: Uint32Array.from([256 + 1, 1, 2 * 256 + 1]),
  items,
  lengths: items.map((_, at) => at + 3),
});

const withSequences = (snapshot: CompactSnapshot<unknown>): CompactSnapshot<unknown> => ({
  ...snapshot,
  sequences: {
    ends: Uint32Array.from(snapshot.items.map((_, at) => at + 1)),
    words: Uint8Array.from([7, 8, 9]),
  },
});

/** A file of two snapshots, one with its words in order. */
const twoSnapshots = () =>
  encodeCompact(
    {
      highlight: snapshotOf(UNKIND.slice(0, 3).map((quote, at) => ({ documentId: `d${at}`, quote }))),
      body: withSequences(
        snapshotOf([{ documentId: 'd1', start: 0 }, { documentId: 'd1', start: 2000 }, {}]),
      ),
    },
    'gen-1',
  );

describe('the compact file', () => {
  it('gives back words, postings, lengths and sequences exactly', () => {
    const { highlight, body } = decodeCompact(twoSnapshots(), 'gen-1');
    expect(highlight?.terms).toEqual(['prince', 'natasha', '戦']);
    expect(highlight?.postingCounts).toEqual([1, 1, 1]);
    expect([...(highlight?.postings ?? [])]).toEqual([257, 1, 513]);
    expect(highlight?.lengths).toEqual([3, 4, 5]);
    expect(highlight?.sequences).toBeUndefined();
    expect([...(body?.sequences?.ends ?? [])]).toEqual([1, 2, 3]);
    expect([...(body?.sequences?.words ?? [])]).toEqual([7, 8, 9]);
  });

  it('gives every item back with every field, null where it had none, of whatever kind of value', () => {
    const items = [
      { documentId: 'd1', quote: UNKIND[0], tagNames: ['war/battles', UNKIND[1]], start: 12, odd: -1.5 },
      { documentId: 'd1', note: UNKIND[3], tagNames: [], start: 0, odd: { nested: [true] } },
      { documentId: null, quote: UNKIND[4], start: null, heading: null, odd: 'text' },
      { documentId: 'd2', quote: UNKIND[5], note: UNKIND[2], start: 4_000_000_000 },
    ];
    const back = decodeCompact(encodeCompact({ highlight: snapshotOf(items) }, 'g'), 'g').highlight?.items;
    const full = {
      documentId: null,
      quote: null,
      tagNames: null,
      start: null,
      odd: null,
      note: null,
      heading: null,
    };
    expect(back).toEqual(items.map((item) => ({ ...full, ...item })));
    const shapes = (back as object[]).map((item) => Object.keys(item).join());
    expect(new Set(shapes).size).toBe(1);
    expect(decodeCompact(encodeCompact({ none: snapshotOf([]) }, 'g'), 'g').none?.items).toEqual([]);
  });

  it('reads back any words exactly: latin1, wide, lone surrogates, empty', () => {
    assert(
      property(array(string({ unit: 'binary' }), { minLength: 3, maxLength: 3 }), (terms) => {
        const file = encodeCompact({ words: snapshotOf([{ quote: terms.join('') }], terms) }, 'g');
        const back = decodeCompact(file, 'g').words;
        expect(back?.terms).toEqual(terms);
        expect(back?.items).toEqual([{ quote: terms.join('') }]);
      }),
    );
  });

  it('gives back texts saved beside the snapshots, whatever they hold', () => {
    const texts = { notes: UNKIND.join('|'), empty: '' };
    const file = encodeCompact({ none: snapshotOf([]) }, 'g', texts);
    expect(decodeCompactFile(file, 'g').texts).toEqual(texts);
    expect(decodeCompactFile(twoSnapshots(), 'gen-1').texts).toEqual({});
  });

  it('has an ASCII header', () => {
    const file = Buffer.from(twoSnapshots());
    const header = file.subarray(24, 24 + file.readUInt32LE(12));
    expect(header.every((byte) => byte >= 0x20 && byte < 0x7f)).toBe(true);
    expect(JSON.parse(header.toString('latin1'))).toMatchObject({ generation: 'gen-1' });
  });

  it('refuses a file of another save, of another kind, truncated, lengthened or with any byte changed', () => {
    const file = twoSnapshots();
    expect(() => decodeCompact(file, 'gen-2')).toThrow(/another save/);
    expect(() => decodeCompact(Buffer.from('LCTNCMP3 an older layout'), 'gen-1')).toThrow(/not a compact/);
    expect(() => decodeCompact(file.subarray(0, 10), 'gen-1')).toThrow(/not a compact/);
    for (const length of [24, 100, file.length - 1])
      expect(() => decodeCompact(file.subarray(0, length), 'gen-1')).toThrow(/truncated/);
    expect(() => decodeCompact(Buffer.concat([file, Buffer.from([0])]), 'gen-1')).toThrow(/truncated/);
    // Every byte after the magic is checked: the checksum, the sizes, the header and the parts.
    for (let at = 8; at < file.length; at += 7) {
      const damaged = Uint8Array.from(file);
      damaged[at] = (damaged[at] ?? 0) ^ 0x10;
      expect(() => decodeCompact(damaged, 'gen-1')).toThrow(/damaged|truncated/);
    }
  });

  it('reads a file at any offset of a larger buffer (a file read may sit in a shared pool)', () => {
    const file = twoSnapshots();
    const pooled = new Uint8Array(file.length + 3);
    pooled.set(file, 3);
    expect(decodeCompact(pooled.subarray(3), 'gen-1')).toEqual(decodeCompact(file, 'gen-1'));
  });
});
