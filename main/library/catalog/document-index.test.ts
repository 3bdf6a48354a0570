import { describe, expect, it } from 'vitest';
import type { DocumentId } from '../../../preload/api';
import { useTempLibrary, bytes } from '../test-support';
import { DocumentIndex, type RecordSource } from './document-index';
import type { DocumentRecord } from './records';
import { testRecord } from './test-support';

let serial = 0;
function record(title: string, patch: Partial<DocumentRecord> = {}): DocumentRecord {
  serial++;
  return testRecord(serial, { title, addedAt: '2024-01-01T00:00:00.000Z', ...patch });
}

/** A record source the test changes directly, like the catalog's memory. */
class Records implements RecordSource {
  readonly map = new Map<DocumentId, DocumentRecord>();
  constructor(records: DocumentRecord[]) {
    for (const r of records) this.map.set(r.id, r);
  }
  list = () => [...this.map.values()];
  get = (id: DocumentId) => this.map.get(id);
}

const titles = (index: DocumentIndex, query: Partial<Parameters<DocumentIndex['query']>[0]> = {}) =>
  index.query({ sort: 'title', filter: '', offset: 0, limit: 100, ...query }).rows.map((r) => r.title);

describe('DocumentIndex', () => {
  it('orders titles in numeric, case- and accent-blind order, ties broken by id so pages never overlap', () => {
    const same = Array.from({ length: 30 }, () => record('Same title'));
    const source = new Records([
      record('Note 10'),
      record('note 9'),
      record('Émile'),
      record('eagle'),
      ...same,
    ]);
    const index = new DocumentIndex(source);
    expect(titles(index).slice(0, 4)).toEqual(['eagle', 'Émile', 'note 9', 'Note 10']);
    const pages = [0, 10, 20, 30].flatMap((offset) =>
      index.query({ sort: 'title', filter: '', offset, limit: 10 }).rows.map((r) => r.id),
    );
    expect(new Set(pages).size).toBe(34);
    expect(pages.slice(4)).toEqual(same.map((r) => r.id).toSorted());
  });

  it('sorts recent by opened (or added) time and added by added time, newest first', () => {
    const old = record('Old, read today', {
      addedAt: '2020-01-01T00:00:00Z',
      openedAt: '2024-06-01T00:00:00Z',
    });
    const fresh = record('Fresh, never read', { addedAt: '2024-05-01T00:00:00Z' });
    const middle = record('Middle', { addedAt: '2022-01-01T00:00:00Z' });
    const index = new DocumentIndex(new Records([middle, fresh, old]));
    expect(titles(index, { sort: 'recent' })).toEqual(['Old, read today', 'Fresh, never read', 'Middle']);
    expect(titles(index, { sort: 'added' })).toEqual(['Fresh, never read', 'Middle', 'Old, read today']);
  });

  it('filters on every term over title, author, source and excerpt, folding case and accents', () => {
    const source = new Records([
      record('Émile, or On Education', { author: 'Jean-Jacques Rousseau' }),
      record('The Social Contract', { author: 'Rousseau', excerpt: 'Man is born free' }),
      record('Walden', { source: 'walden.txt', excerpt: 'I went to the woods' }),
    ]);
    const index = new DocumentIndex(source);
    expect(titles(index, { filter: 'EMILE' })).toEqual(['Émile, or On Education']);
    expect(titles(index, { filter: 'rousseau  free' })).toEqual(['The Social Contract']);
    expect(titles(index, { filter: 'walden.txt' })).toEqual(['Walden']);
    expect(titles(index, { filter: 'rousseau' })).toHaveLength(2);
    // Typing on narrows from the last matches; deleting widens again from the whole list.
    expect(titles(index, { filter: 'rousseaux' })).toEqual([]);
    expect(titles(index, { filter: 'rous' })).toHaveLength(2);
    expect(index.query({ sort: 'title', filter: 'woods', offset: 0, limit: 1 })).toMatchObject({
      total: 1,
      libraryTotal: 3,
    });
  });

  it('filters the same before, during and after its haystacks are folded, and after a rename', async () => {
    const source = new Records([
      record('Émile, or On Education', { author: 'Jean-Jacques Rousseau' }),
      record('Walden', { excerpt: 'I went to the woods because I wished to live deliberately' }),
      record('Leaves of Grass', { source: 'leaves.epub' }),
    ]);
    const index = new DocumentIndex(source);
    const prepared = index.prepareFilter(1);
    expect(titles(index, { filter: 'emile rousseau' })).toEqual(['Émile, or On Education']);
    const walden = [...source.map.values()].find((r) => r.title === 'Walden') as DocumentRecord;
    source.map.set(walden.id, { ...walden, title: 'Wäldchen', excerpt: 'a small wood' });
    index.refresh(new Map([[walden.id, walden]]));
    await prepared;
    expect(titles(index, { filter: 'waldchen' })).toEqual(['Wäldchen']);
    expect(titles(index, { filter: 'deliberately' })).toEqual([]);
    expect(titles(index, { filter: 'LEAVES.EPUB' })).toEqual(['Leaves of Grass']);
  });

  it('answers an offset past the end with no rows and the true totals', () => {
    const index = new DocumentIndex(new Records([record('A'), record('B')]));
    expect(index.query({ sort: 'title', filter: '', offset: 5, limit: 10 })).toEqual({
      offset: 5,
      rows: [],
      total: 2,
      libraryTotal: 2,
    });
    expect(index.query({ sort: 'title', filter: 'a', offset: 1, limit: 10 }).rows).toEqual([]);
  });

  it('keeps every order right as records are added, changed and removed', () => {
    const a = record('Alpha');
    const c = record('Charlie');
    const source = new Records([a, c]);
    const index = new DocumentIndex(source);
    titles(index, { sort: 'recent' }); // builds that order too
    const b = record('Bravo', { openedAt: '2030-01-01T00:00:00Z' });
    source.map.set(b.id, b);
    index.refresh(new Map([[b.id, undefined]]));
    expect(titles(index)).toEqual(['Alpha', 'Bravo', 'Charlie']);
    expect(titles(index, { sort: 'recent' })[0]).toBe('Bravo');
    source.map.set(a.id, { ...a, title: 'Zulu' });
    source.map.delete(c.id);
    index.refresh(
      new Map([
        [a.id, a],
        [c.id, c],
        ['ffffffffffffffff', undefined],
      ]),
    );
    expect(titles(index)).toEqual(['Bravo', 'Zulu']);
    expect(titles(index, { sort: 'recent' })).toEqual(['Bravo', 'Zulu']);
    expect(titles(index, { filter: 'zul' })).toEqual(['Zulu']);
  });

  it('rows carry what a row shows and not the text version', () => {
    const index = new DocumentIndex(new Records([record('Alpha')]));
    const [row] = index.query({ sort: 'title', filter: '', offset: 0, limit: 1 }).rows;
    expect(row).not.toHaveProperty('textVersion');
    expect(row).not.toHaveProperty('contentHash');
    expect(row).toMatchObject({ title: 'Alpha', highlightCount: 0 });
  });
});

describe('the library keeps its index up to date', () => {
  const temp = useTempLibrary();

  it('sees an import, a rename and an open while a window is open', async () => {
    const lib = await temp.open();
    const window = () => lib.index.query({ sort: 'recent', filter: '', offset: 0, limit: 10 });
    const first = await lib.documents.importFiles([{ name: 'a.md', bytes: bytes('# Anna\n\nA ball.\n') }]);
    await lib.documents.importFiles([{ name: 'b.md', bytes: bytes('# Boris\n\nA battle.\n') }]);
    expect(window().rows.map((r) => r.title)).toEqual(['Boris', 'Anna']);
    const anna = first.outcomes[0]?.status === 'imported' ? first.outcomes[0].document.id : '';
    await lib.opener.openDocumentStart(anna);
    expect(window().rows.map((r) => r.title)).toEqual(['Anna', 'Boris']);
    await lib.documents.renameDocument(anna, 'Anna Pavlovna');
    expect(lib.index.query({ sort: 'title', filter: 'pavlov', offset: 0, limit: 10 }).rows).toHaveLength(1);
    await lib.documents.deleteDocument(anna);
    expect(window()).toMatchObject({ total: 1, libraryTotal: 1 });
  });
});
