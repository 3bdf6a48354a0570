/** The catalog tells its record listeners (the document index) what every change replaced, removals included. */
import { describe, expect, it } from 'vitest';
import type { DocumentId } from '../../../preload/api';
import { Catalog, type ReplacedRecords } from './catalog';
import type { CatalogWriter } from './catalog-files';
import { DocumentIndex } from './document-index';
import { type DocumentRecord, emptyCatalogData } from './records';
import { testRecord } from './test-support';

const record = (n: number): DocumentRecord => testRecord(n);

/** A catalog over these records whose writes always succeed, and every announcement to its record listeners. */
function catalogOf(records: DocumentRecord[]): { catalog: Catalog; heard: ReplacedRecords[] } {
  const data = emptyCatalogData();
  for (const r of records) data.documents.set(r.id, r);
  const writer: CatalogWriter = { write: () => Promise.resolve(), flush: () => Promise.resolve() };
  const catalog = new Catalog(writer, data, 60_000);
  const heard: ReplacedRecords[] = [];
  catalog.onRecordsChanged((replaced) => heard.push(replaced));
  return { catalog, heard };
}

const titles = (index: DocumentIndex): string[] =>
  index.query({ sort: 'title', filter: '', offset: 0, limit: 100 }).rows.map((row) => row.title);

describe('Catalog record announcements', () => {
  it('give each changed id the record it replaced: undefined when added, the old one when changed or removed', async () => {
    const [one, two] = [record(1), record(2)];
    const { catalog, heard } = catalogOf([one, two]);
    await catalog.add(record(3));
    await catalog.update(one.id, { title: 'Renamed' });
    await catalog.remove(two.id);
    catalog.noteMetadata(record(3).id, { progress: 0.5 });
    const pairs = heard.map((replaced) => [...replaced].map(([id, old]) => [id, old?.title ?? null]));
    expect(pairs).toEqual([
      [[record(3).id, null]],
      [[one.id, 'Volume 1']],
      [[two.id, 'Volume 2']],
      [[record(3).id, 'Volume 3']],
    ]);
  });

  it('announce the removals of a reconcile with the folder too, so the index drops them', async () => {
    const records = [record(1), record(2), record(3)];
    const { catalog, heard } = catalogOf(records);
    const index = new DocumentIndex(catalog);
    catalog.onRecordsChanged((replaced) => index.refresh(replaced));
    expect(titles(index)).toEqual(['Volume 1', 'Volume 2', 'Volume 3']);
    await catalog.replaceDocuments([record(4)], [records[0]?.id as DocumentId]);
    expect(heard.map((replaced) => [...replaced.keys()])).toEqual([[records[0]?.id, record(4).id]]);
    expect(titles(index)).toEqual(['Volume 2', 'Volume 3', 'Volume 4']);
    expect(index.query({ sort: 'recent', filter: '', offset: 0, limit: 1 }).libraryTotal).toBe(3);
  });

  it('announce nothing for a change that replaced no record (settings)', async () => {
    const { catalog, heard } = catalogOf([record(1)]);
    await catalog.updateSettings({ theme: 'dark' });
    expect(heard).toEqual([]);
  });
});
