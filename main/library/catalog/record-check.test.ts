import { describe, expect, it } from 'vitest';
import { anything, assert, constant, constantFrom, oneof, property, record, tuple } from 'fast-check';
import { decodeLibraryJson } from './migrations';
import { isCanonicalRecord } from './record-check';
import { DEFAULT_SETTINGS, SCHEMA_VERSION, documentRecordSchema } from './records';

const valid = {
  id: '0123456789abcdef',
  title: 'Émile, ou De l’éducation',
  author: 'Jean-Jacques Rousseau',
  source: 'emile.epub',
  excerpt:
    'Tout est bien, sortant des mains de l’Auteur des choses ; tout dégénère entre les mains de l’homme.',
  wordCount: 187_000,
  readingMinutes: 748,
  progress: 0.25,
  addedAt: '2024-03-01T10:00:00.000Z',
  openedAt: null,
  contentHash: 'a'.repeat(64),
  bodyBytes: 1_100_000,
  highlightCount: 3,
};

/** Values a field might wrongly hold in a hand-edited or damaged library.json. */
const oddValue = oneof(
  anything(),
  constantFrom(-1, 0, 1, 1.5, 2, 2 ** 60, '', 'ltr', 'x'.repeat(600), null, [], ['0123456789ab'], {}),
);
const fieldNames = constantFrom(
  ...Object.keys(valid),
  'language',
  'dir',
  'siteName',
  'publishedTime',
  'sourceUrl',
  'tagIds',
  'tags',
  'unknownField',
  '__proto__',
);

describe('isCanonicalRecord', () => {
  it('accepts a valid record as it is, with optional fields and tags', () => {
    expect(isCanonicalRecord(valid)).toBe(true);
    const tagged = { ...valid, language: 'fr', dir: 'ltr', tagIds: ['0123456789ab'], tags: ['philosophy'] };
    expect(isCanonicalRecord(tagged)).toBe(true);
  });

  it('leaves to zod a record with an unknown key, a missing field or a field out of range', () => {
    expect(isCanonicalRecord({ ...valid, cover: 'x.png' })).toBe(false);
    expect(isCanonicalRecord({ ...valid, title: undefined })).toBe(false);
    expect(isCanonicalRecord({ ...valid, readingMinutes: 0 })).toBe(false);
    expect(isCanonicalRecord({ ...valid, progress: 1.01 })).toBe(false);
    expect(isCanonicalRecord({ ...valid, tags: Array.from({ length: 101 }, () => 't') })).toBe(false);
    expect(isCanonicalRecord(JSON.parse(`{"__proto__": {}, ${JSON.stringify(valid).slice(1)}`))).toBe(false);
  });

  it('never accepts what zod would refuse or change, whatever a field holds', () => {
    assert(
      property(
        tuple(fieldNames, oddValue),
        record({ second: tuple(fieldNames, oddValue), both: constant(true) }, { requiredKeys: [] }),
        ([key, value], more) => {
          const candidate: Record<string, unknown> = { ...valid };
          Object.defineProperty(candidate, key, {
            value,
            enumerable: true,
            writable: true,
            configurable: true,
          });
          if (more.second) candidate[more.second[0]] = more.second[1];
          if (!isCanonicalRecord(candidate)) return;
          const parsed = documentRecordSchema.safeParse(candidate);
          expect(parsed.success).toBe(true);
          expect(parsed.data).toEqual(candidate);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

const file = (documents: Record<string, unknown>) => ({
  schemaVersion: SCHEMA_VERSION,
  documents,
  settings: DEFAULT_SETTINGS,
});

describe('decoding library.json documents', () => {
  it('keeps valid records, strips unknown keys through zod, and names a bad field by its path', () => {
    const { data } = decodeLibraryJson(file({ [valid.id]: { ...valid, cover: 'x.png' } }), 'library.json');
    expect(data.documents[valid.id]).toEqual(valid);
    expect(() => decodeLibraryJson(file({ [valid.id]: { ...valid, title: 7 } }), 'library.json')).toThrow(
      `unexpected shape at documents.${valid.id}.title`,
    );
    expect(() => decodeLibraryJson(file([] as never), 'library.json')).toThrow(
      'unexpected shape at documents: expected an object',
    );
  });
});
