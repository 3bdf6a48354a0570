/**
 * The row index end to end: the core's columns (DocumentIndex.rowIndex) as the renderer holds them
 * (renderer/library/row-index.ts) show every row exactly as the core's queryDocuments answer does,
 * but its excerpt, whatever the titles, tags and dates hold, and a change is never mixed in.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocumentId, DocumentQuery, DocumentRow, LibrarySort } from '../../../preload/api';
import { RowIndex } from '../../../common/row-index';
import { presentTags } from '../tags/present';
import { DocumentIndex, type RecordSource } from './document-index';
import type { DocumentRecord } from './records';

/** Unkind text: any code points (NUL, surrogate pairs, RTL), empty, and prose. */
const textOf = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('', 'War and Peace', 'Анна Каренина', 'ואהבת לרעך כמוך', 'Émile, ou De l’éducation'),
);
const dateOf = fc.oneof(
  fc
    .date({ min: new Date(0), max: new Date(Date.UTC(2100, 0)), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom('2024-02-29T23:59:59.999Z', '2024-01-01T00:00:00Z', 'not a date', ''),
);
const tagIdOf = fc.stringMatching(/^[0-9a-f]{12}$/);

const recordOf = (n: number) =>
  fc
    .record({
      title: textOf,
      author: fc.option(textOf, { nil: null }),
      source: fc.option(textOf, { nil: null }),
      excerpt: textOf,
      wordCount: fc.nat(),
      readingMinutes: fc.nat(),
      progress: fc.double({ min: 0, max: 1, noNaN: true }),
      highlightCount: fc.nat(),
      addedAt: dateOf,
      openedAt: fc.option(dateOf, { nil: null }),
      stored: fc.option(fc.array(fc.tuple(tagIdOf, textOf), { maxLength: 3 }), { nil: undefined }),
    })
    .map(({ stored, ...fields }): DocumentRecord => ({
      id: `doc-${n}`.padEnd(16, '0'),
      contentHash: 'a'.repeat(64),
      bodyBytes: 10,
      ...fields,
      ...(stored === undefined
        ? {}
        : { tagIds: stored.map(([id]) => id), tags: stored.map(([, name]) => name) }),
    }));

class Records implements RecordSource {
  readonly map = new Map<DocumentId, DocumentRecord>();
  list = () => [...this.map.values()];
  get = (id: DocumentId) => this.map.get(id);
}

/** Current tag names, as the tags domain would give them: the stored name upper-cased. */
const namesFor = ({ tags }: { tags: string[] }) => tags.map((tag) => tag.toUpperCase());

/** The rows of `query` as the renderer's index holds them, fetched in pages of `pageSize`. */
function indexedRows(
  index: DocumentIndex,
  query: DocumentQuery,
  pageSize: number,
): (DocumentRow | undefined)[] {
  const first = presentTags(index.rowIndex({ ...query, offset: 0, limit: pageSize }), namesFor);
  const rows = new RowIndex(first.total, first.version);
  expect(rows.add(first)).toBe(true);
  for (let offset = pageSize; offset < first.total; offset += pageSize)
    expect(rows.add(presentTags(index.rowIndex({ ...query, offset, limit: pageSize }), namesFor))).toBe(true);
  expect(rows.complete).toBe(true);
  return Array.from({ length: first.total }, (_, i) => rows.rowAt(i));
}

/** What the index may show of a row: all of it but the excerpt, the dates as the same instants. */
function expectedOf(row: DocumentRow): DocumentRow | undefined {
  const [added, opened] = [Date.parse(row.addedAt), row.openedAt === null ? null : Date.parse(row.openedAt)];
  if (Number.isNaN(added) || Number.isNaN(opened)) return undefined;
  if (row.tags.some((tag) => tag === '' || tag.includes('\u0000'))) return undefined;
  return {
    ...row,
    excerpt: '',
    addedAt: new Date(added).toISOString(),
    openedAt: opened === null ? null : new Date(opened).toISOString(),
  };
}

/** Volume n of a novel, titled `title`. */
const volume = (n: number, title: string): DocumentRecord => ({
  id: `doc-${n}`.padEnd(16, '0'),
  title,
  author: 'Leo Tolstoy',
  source: null,
  excerpt: 'Well, Prince, so Genoa and Lucca are now just family estates of the Buonapartes.',
  wordCount: 560_000,
  readingMinutes: 2200,
  progress: 0.25,
  addedAt: `2024-01-0${n + 1}T00:00:00.000Z`,
  openedAt: null,
  contentHash: 'a'.repeat(64),
  bodyBytes: 10,
  highlightCount: 3,
});

describe('the row index against queryDocuments', () => {
  it('shows every row as the core does (but its excerpt), or leaves it to the core', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 30 })
          .chain((size) => fc.tuple(...Array.from({ length: size }, (_, n) => recordOf(n)))),
        fc.constantFrom<LibrarySort>('recent', 'added', 'title'),
        fc.constantFrom('', 'a', 'war', 'é'),
        fc.integer({ min: 1, max: 7 }),
        (records, sort, filter, pageSize) => {
          const source = new Records();
          for (const record of records) source.map.set(record.id, record);
          const index = new DocumentIndex(source);
          const query = { sort, filter, offset: 0, limit: 1000 };
          const core = presentTags(index.query(query), namesFor).rows;
          expect(indexedRows(index, query, pageSize)).toEqual(core.map(expectedOf));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses a page answered after a change, so rows of two versions are never mixed', () => {
    const source = new Records();
    for (let n = 0; n < 4; n++) source.map.set(`doc-${n}`.padEnd(16, '0'), volume(n, `Volume ${n + 1}`));
    const index = new DocumentIndex(source);
    const query = { sort: 'title' as const, filter: '', offset: 0, limit: 2 };
    const first = index.rowIndex(query);
    const rows = new RowIndex(first.total, first.version);
    rows.add(first);
    const renamed = volume(3, 'A renamed volume');
    const old = source.map.get(renamed.id);
    source.map.set(renamed.id, renamed);
    index.refresh(new Map([[renamed.id, old]]));
    expect(rows.add(index.rowIndex({ ...query, offset: 2 }))).toBe(false);
    expect(rows.complete).toBe(false);
    expect(rows.rowAt(2)).toBeUndefined();
    // Unchanged records (a refresh of the same object) keep the version.
    const version = index.rowIndex(query).version;
    index.refresh(new Map([[renamed.id, renamed]]));
    expect(index.rowIndex(query).version).toBe(version);
  });
});
