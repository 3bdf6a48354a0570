/**
 * DocumentIndex against a plain model: whatever is typed, taken back or changed in between, every
 * window equals the one a full scan over a freshly sorted list gives, and pages never overlap.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocumentId, LibrarySort } from '../../../preload/api';
import { foldForSearch } from '../../../common/library-filter';
import { DocumentIndex, type RecordSource } from './document-index';
import type { DocumentRecord } from './records';

/** Words that fold into each other ("Émile"/"emile"), contain each other ("wald"/"Walden") and share letters. */
const WORDS = [
  'Émile',
  'emile',
  'Walden',
  'wald',
  'Wäldchen',
  'Anna',
  'Annales',
  'Ünter',
  'unter',
  'No 12',
  'n°1',
];
const DAYS = ['2024-01-01T00:00:00.000Z', '2024-01-02T00:00:00.000Z', '2025-06-30T23:59:59.000Z'];
const SORTS: LibrarySort[] = ['title', 'recent', 'added'];
/** Few letters, so typed filters often extend, shorten or repeat each other. */
const KEYS = ['a', 'e', 'é', 'l', 'n', 'w', 'd', '1', ' ', 'É'];

const textOf = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 })
  .map((words) => words.join(' '));

const recordOf = (n: number) =>
  fc
    .record({
      title: textOf,
      author: fc.option(textOf, { nil: null }),
      excerpt: fc.oneof(textOf, fc.constant('')),
      addedAt: fc.constantFrom(...DAYS),
      openedAt: fc.option(fc.constantFrom(...DAYS), { nil: null }),
    })
    .map((fields): DocumentRecord => ({
      id: n.toString(16).padStart(16, '0'),
      source: null,
      wordCount: 10,
      readingMinutes: 1,
      progress: 0,
      contentHash: 'a'.repeat(64),
      bodyBytes: 10,
      highlightCount: 0,
      ...fields,
    }));

class Records implements RecordSource {
  readonly map = new Map<DocumentId, DocumentRecord>();
  list = () => [...this.map.values()];
  get = (id: DocumentId) => this.map.get(id);
}

/** The model: a full scan with `includes` over every field, then the sort written out plainly. */
function modelIds(records: readonly DocumentRecord[], sort: LibrarySort, filter: string): DocumentId[] {
  const terms = foldForSearch(filter).split(/\s+/).filter(Boolean);
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  const key = (r: DocumentRecord) => (sort === 'recent' ? (r.openedAt ?? r.addedAt) : r.addedAt);
  return records
    .filter((r) => {
      const text = foldForSearch([r.title, r.author ?? '', r.source ?? '', r.excerpt].join('\n'));
      return terms.every((term) => text.includes(term));
    })
    .toSorted((a, b) => {
      const order = sort === 'title' ? collator.compare(a.title, b.title) : key(b).localeCompare(key(a));
      return order !== 0 ? order : a.id.localeCompare(b.id);
    })
    .map((r) => r.id);
}

type Step =
  | { kind: 'type'; key: string }
  | { kind: 'erase' }
  | { kind: 'sort'; sort: LibrarySort }
  | { kind: 'change'; at: number; title: string; openedAt: string | null }
  | { kind: 'remove'; at: number }
  | { kind: 'add'; record: DocumentRecord };

const stepOf = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...KEYS).map((key): Step => ({ kind: 'type', key })) },
  { weight: 3, arbitrary: fc.constant<Step>({ kind: 'erase' }) },
  { weight: 1, arbitrary: fc.constantFrom(...SORTS).map((sort): Step => ({ kind: 'sort', sort })) },
  {
    weight: 1,
    arbitrary: fc
      .record({ at: fc.nat(), title: textOf, openedAt: fc.option(fc.constantFrom(...DAYS), { nil: null }) })
      .map((c): Step => ({ kind: 'change', ...c })),
  },
  { weight: 1, arbitrary: fc.nat().map((at): Step => ({ kind: 'remove', at })) },
  { weight: 1, arbitrary: recordOf(1000).map((record): Step => ({ kind: 'add', record })) },
);

describe('DocumentIndex against a full scan', () => {
  it('answers every window as a full scan would while the filter is typed, erased and the records change', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.nat(40), { minLength: 1, maxLength: 40 })
          .chain((sizes) =>
            fc.tuple(
              fc.tuple(...sizes.map((_, n) => recordOf(n))),
              fc.array(stepOf, { maxLength: 40 }),
              fc.nat(5),
            ),
          ),
        ([records, steps, pageSize]) => {
          const source = new Records();
          for (const r of records) source.map.set(r.id, r);
          const index = new DocumentIndex(source);
          let filter = '';
          let sort: LibrarySort = 'title';
          let added = 0;
          for (const step of steps) {
            const ids = [...source.map.keys()];
            if (step.kind === 'type') filter += step.key;
            else if (step.kind === 'erase') filter = filter.slice(0, -1);
            else if (step.kind === 'sort') sort = step.sort;
            else if (step.kind === 'add') {
              const id = (0x10000 + added++).toString(16).padStart(16, '0');
              source.map.set(id, { ...step.record, id });
              index.refresh(new Map([[id, undefined]]));
            } else if (ids.length > 0) {
              const id = ids[step.at % ids.length] as DocumentId;
              const old = source.map.get(id) as DocumentRecord;
              if (step.kind === 'remove') source.map.delete(id);
              else source.map.set(id, { ...old, title: step.title, openedAt: step.openedAt });
              index.refresh(new Map([[id, old]]));
            }
            const expected = modelIds(source.list(), sort, filter);
            // Every page of the window, as the list asks for them: together they are the model's list.
            const size = pageSize + 1;
            const pages: DocumentId[] = [];
            for (let offset = 0; offset <= expected.length; offset += size) {
              const window = index.query({ sort, filter, offset, limit: size });
              expect(window.total).toBe(expected.length);
              expect(window.libraryTotal).toBe(source.map.size);
              pages.push(...window.rows.map((row) => row.id));
            }
            expect(pages).toEqual(expected);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
