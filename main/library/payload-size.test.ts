import { describe, expect, it } from 'vitest';
import type { ApiMethod } from '../../preload/api';
import { parseArguments } from './handler-factory';
import { DEFAULT_CAPS, capsFor, payloadRefusal } from './payload-size';
import { argumentSchemas } from './schemas';

const DOC = '0123456789abcdef';
const VERSION = 'a'.repeat(64);

const parse = (method: ApiMethod, args: unknown[]) => parseArguments(method, argumentSchemas[method], args);

function nested(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = {};
  for (let i = 0; i < depth; i++) value = wrap(value);
  return value;
}

const anchorUpdate = (id: string) => ({
  id,
  quote: { type: 'TextQuoteSelector', exact: 'Happy families are all alike', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 10, end: 39 },
  anchoredVersion: VERSION,
  unplaced: false,
  needsCheck: false,
});

describe('payload caps before validation', () => {
  it('refuses a 10 MB typed array where an object is expected, in every method that takes objects', () => {
    const huge = new Uint8Array(10 * 1024 * 1024);
    for (const [method, args] of [
      ['saveReadingPosition', [DOC, huge]],
      ['addHighlight', [DOC, huge]],
      ['importFiles', [[huge]]],
      ['importFiles', [huge]],
      ['updateDocumentFromFile', [DOC, { name: 'a.md', bytes: { nested: huge } }]],
      ['updateSettings', [huge]],
    ] as const) {
      expect(parse(method, [...args]), method).toMatchObject({
        ok: false,
        code: 'invalid-argument',
        message: expect.stringContaining('binary data where none is expected'),
      });
    }
  });

  it('refuses 100,000 invalid array items with one named issue', () => {
    const junk = Array.from({ length: 100_000 }, (_, i) => ({ id: i, quote: null }));
    const answer = parse('saveAnchors', [DOC, junk]);
    expect(answer).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(answer.ok ? '' : answer.message).toContain('argument 1.0.id');
  });

  it('finds the first invalid item after 99,999 valid ones', () => {
    const updates = Array.from({ length: 100_000 }, () => anchorUpdate('00000000000000aa'));
    updates[99_999] = { ...anchorUpdate('00000000000000aa'), unplaced: 'no' as unknown as boolean };
    const answer = parse('saveAnchors', [DOC, updates]);
    expect(answer.ok ? '' : answer.message).toContain('argument 1.99999.unplaced');
  });

  it('accepts the largest legitimate anchor batch', () => {
    const updates = Array.from({ length: 100_000 }, () => anchorUpdate('00000000000000aa'));
    const answer = parse('saveAnchors', [DOC, updates]);
    expect(answer.ok && (answer.args[1] as unknown[]).length).toBe(100_000);
  });

  it('refuses 10,000-deep nesting of objects and of arrays', () => {
    const deepObject = nested(10_000, (inner) => ({ section: inner }));
    const deepArray = nested(10_000, (inner) => [inner]);
    expect(parse('saveReadingPosition', [DOC, deepObject])).toMatchObject({
      code: 'invalid-argument',
      message: expect.stringContaining('nested more than 16 levels deep'),
    });
    expect(parse('saveAnchors', [DOC, deepArray])).toMatchObject({ code: 'invalid-argument' });
  });

  it('refuses strings past the cap, but lets a file of 40 MB through to import', () => {
    const longTitle = 'w'.repeat(DEFAULT_CAPS.bytes + 1);
    expect(parse('renameDocument', [DOC, longTitle])).toMatchObject({
      message: expect.stringContaining('larger than 4 MB'),
    });
    const file = { name: 'war-and-peace.txt', bytes: new Uint8Array(40 * 1024 * 1024) };
    expect(parse('importFiles', [[file]])).toMatchObject({ ok: true });
    expect(parse('updateDocumentFromFile', [DOC, file])).toMatchObject({ ok: true });
  });

  it('counts keys and values, and stops at the node cap', () => {
    const wide = Object.fromEntries(Array.from({ length: 30_000 }, (_, i) => [`k${i}`, i]));
    expect(payloadRefusal([wide], DEFAULT_CAPS)).toBe('more than 20000 values');
    expect(payloadRefusal([Array.from({ length: 30_000 }, () => 1)], DEFAULT_CAPS)).toBe(
      'more than 20000 values',
    );
    expect(payloadRefusal(['a', 1, null, true, { b: ['c'] }], DEFAULT_CAPS)).toBeNull();
    expect(payloadRefusal([new ArrayBuffer(8)], capsFor('importFiles'))).toBe(
      'binary data where none is expected',
    );
  });
});
