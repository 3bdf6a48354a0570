/**
 * Patching the renderer's row index (common/row-index.ts) with the core's rows changed since its
 * version (DocumentIndex.rowIndex with `since`): after any adds, renames, opens and removals, a
 * patched index, whole or loaded only in part and then built on, holds exactly the list a fresh
 * build would; the core's change log answers what changed, or nothing once it no longer knows.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocumentId, LibrarySort } from '../../../preload/api';
import { RowIndex } from '../../../common/row-index';
import { DocumentIndex, type RecordSource } from './document-index';
import type { DocumentRecord } from './records';
import { ChangeLog } from './row-index';
import { testRecord } from './test-support';

class Records implements RecordSource {
  readonly map = new Map<DocumentId, DocumentRecord>();
  list = () => [...this.map.values()];
  get = (id: DocumentId) => this.map.get(id);
}

const minute = (n: number): string => new Date(Date.UTC(2024, 0, 1, 0, n)).toISOString();

const recordOf = (n: number, title: string): DocumentRecord =>
  testRecord(n, { title, author: n % 2 === 0 ? null : 'Tolstoy' });

const stepOf = fc.oneof(
  fc.record({
    kind: fc.constant('add' as const),
    title: fc.constantFrom('Anna', 'Boris', 'Pierre', 'Natasha'),
  }),
  fc.record({
    kind: fc.constant('rename' as const),
    at: fc.nat(),
    title: fc.constantFrom('Andrei', 'Zhenya', ''),
  }),
  fc.record({ kind: fc.constant('open' as const), at: fc.nat(), minute: fc.nat({ max: 500 }) }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
);

/** The ids of every row the renderer's index holds, top to bottom. */
const idsOf = (rows: RowIndex): (string | undefined)[] =>
  Array.from({ length: rows.loaded }, (_, i) => rows.rowAt(i)?.id);

describe('a patched row index', () => {
  it('holds the list a fresh build would, after any changes, whole or loaded in part', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.array(fc.array(stepOf, { minLength: 1, maxLength: 4 }), { maxLength: 6 }),
        fc.constantFrom<LibrarySort>('recent', 'added', 'title'),
        fc.constantFrom('', 'a'),
        fc.integer({ min: 1, max: 50 }),
        (size, batches, sort, filter, loadedFirst) => {
          const source = new Records();
          const changes = new Map<DocumentId, DocumentRecord | undefined>();
          const index = new DocumentIndex(source);
          let next = 0;
          for (; next < size; next++)
            source.map.set(recordOf(next, `Volume ${next}`).id, recordOf(next, `Volume ${next}`));
          const list = { sort, filter };
          const first = index.rowIndex({ ...list, offset: 0, limit: loadedFirst });
          const rows = new RowIndex(first.total, first.version);
          expect(rows.add(first)).toBe(true);
          for (const batch of batches) {
            changes.clear();
            for (const step of batch) {
              const ids = [...source.map.keys()];
              const id = step.kind === 'add' ? recordOf(next, '').id : ids[step.at % Math.max(1, ids.length)];
              if (id === undefined) continue;
              const old = source.map.get(id);
              if (!changes.has(id)) changes.set(id, old);
              if (step.kind === 'add') source.map.set(id, recordOf(next++, step.title));
              else if (old === undefined) continue;
              else if (step.kind === 'rename') source.map.set(id, { ...old, title: step.title });
              else if (step.kind === 'open') source.map.set(id, { ...old, openedAt: minute(step.minute) });
              else source.map.delete(id);
            }
            index.refresh(changes);
            expect(rows.patch(index.rowIndex({ ...list, offset: 0, limit: 0, since: rows.version }))).toBe(
              true,
            );
            const fresh = index.rowIndex({ ...list, offset: 0, limit: 100_000 });
            expect(idsOf(rows)).toEqual(fresh.ids.slice(0, rows.loaded));
            expect(rows.total).toBe(fresh.total);
          }
          // Built on from where it is: the whole list, as fresh.
          while (!rows.complete)
            expect(rows.add(index.rowIndex({ ...list, offset: rows.loaded, limit: 7 }))).toBe(true);
          const fresh = index.rowIndex({ ...list, offset: 0, limit: 100_000 });
          expect(idsOf(rows)).toEqual(fresh.ids);
          expect(Array.from({ length: rows.total }, (_, i) => rows.rowAt(i)?.title)).toEqual(fresh.titles);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is answered from the change log while it knows the changes, and as a plain page after', () => {
    const log = new ChangeLog();
    expect(log.since(0)).toEqual([]);
    log.add('a', 1);
    log.add('b', 2);
    log.add('a', 3);
    expect(log.since(0)).toEqual(['a', 'b']);
    expect(log.since(2)).toEqual(['a']);
    expect(log.since(3)).toEqual([]);
    expect(log.since(4)).toBeNull();
    for (let version = 4; version <= 20_003; version++) log.add(`d${version}`, version);
    expect(log.since(0)).toBeNull();
    expect(log.since(20_000)).toEqual(['d20001', 'd20002', 'd20003']);
    const source = new Records();
    source.map.set(recordOf(1, 'Anna').id, recordOf(1, 'Anna'));
    const index = new DocumentIndex(source);
    const plain = index.rowIndex({ sort: 'title', filter: '', offset: 0, limit: 10, since: 5 });
    expect(plain.changed).toBeUndefined();
    expect(plain.ids).toEqual([recordOf(1, 'Anna').id]);
  });
});
