import { array, assert, property, string } from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiJson, withoutEmptyFields } from './compact-json';
import { UNKIND } from './test-fixtures';

describe('ASCII JSON', () => {
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
