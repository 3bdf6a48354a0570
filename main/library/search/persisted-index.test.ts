/** The search index saved in the library folder: loaded at start, checked, and rebuilt when damaged or old. */
import { writeFile } from 'node:fs/promises';
import MiniSearch from 'minisearch';
import { describe, expect, it, vi } from 'vitest';
import { nodeFileSystem } from '../storage/file-system';
import { useTempLibrary } from '../test-support';
import { SEARCH_INDEX_VERSION, searchBodyFile, searchEntriesFile, searchIndexFile } from './persist';
import { SOIREE, find, importDoc, value, world as worldIn } from './test-world';

const temp = useTempLibrary();
const world = () => worldIn(temp);

describe('the persisted index', () => {
  it('is saved at close and loaded at the next start, catching up with changes made meanwhile', async () => {
    const { lib } = await world();
    await lib.close();
    const file = searchIndexFile(lib.paths);
    const saved = JSON.parse((await nodeFileSystem.readFile(file)).toString('utf8')) as { version: number };
    expect(saved.version).toBe(SEARCH_INDEX_VERSION);
    const reopened = await temp.open();
    await reopened.search.settled();
    expect(reopened.search.status()).toMatchObject({ origin: 'file', entries: expect.any(Number) as number });
    expect((await find(reopened, 'genoa')).passages).toHaveLength(1);
  });

  it('is rebuilt and reported when its notes index cannot be parsed after all, and nothing is lost', async () => {
    const { lib } = await world();
    await lib.close();
    const failing = vi.spyOn(MiniSearch, 'loadJSON').mockImplementationOnce(() => {
      throw new Error('Cannot deserialize');
    });
    const reopened = await temp.open();
    expect((await find(reopened, 'genoa')).passages).toHaveLength(1);
    expect((await find(reopened, 'soiree')).documents).toHaveLength(1);
    expect(reopened.search.status().origin).toBe('built');
    const notices = reopened.app.getLibraryInfo().notices.map((notice) => notice.message);
    expect(notices.join()).toMatch(/search index is being rebuilt/);
    failing.mockRestore();
  });

  it.each([
    [
      'corrupt',
      '{"format": "lectern-search-index", "version": 1, "signatures": [], "data": {"nonsense": true',
    ],
    [
      'from another version',
      JSON.stringify({ format: 'lectern-search-index', version: 999, signatures: [], data: {} }),
    ],
  ])('is rebuilt and reported when %s, and nothing is lost', async (_, content) => {
    const { lib } = await world();
    await lib.close();
    await writeFile(searchIndexFile(lib.paths), content);
    const reopened = await temp.open();
    expect((await find(reopened, 'genoa')).passages).toHaveLength(1);
    expect(reopened.search.status().origin).toBe('built');
    const info = reopened.app.getLibraryInfo();
    expect(info.notices.map((notice) => notice.message).join()).toMatch(/search index is being rebuilt/);
    expect(reopened.catalog.list()).toHaveLength(2);
  });

  it.each([
    ['truncated', (file: Buffer) => file.subarray(0, file.length - 5)],
    [
      'changed after its checksum was written',
      (file: Buffer) => Buffer.from(file).fill(0x41, file.length - 40, file.length - 38),
    ],
  ])('is rebuilt and reported when a binary file is %s, and nothing is lost', async (_, damage) => {
    const { lib } = await world();
    await lib.close();
    const entries = searchEntriesFile(lib.paths);
    const pristine = await nodeFileSystem.readFile(entries);
    await writeFile(entries, damage(pristine));
    const rebuilt = await temp.open();
    expect((await find(rebuilt, 'genoa')).passages).toHaveLength(1);
    expect((await find(rebuilt, 'borodino')).documents).toHaveLength(1);
    expect(rebuilt.search.status().origin).toBe('built');
    const notices = () =>
      rebuilt.app
        .getLibraryInfo()
        .notices.map((notice) => notice.message)
        .join();
    expect(notices()).toMatch(/search index is being rebuilt: the file is damaged/);
    await rebuilt.close();
    // The passages' file, read after search answers: its text is indexed again, the rest kept.
    const body = searchBodyFile(lib.paths);
    await writeFile(body, damage(await nodeFileSystem.readFile(body)));
    const mended = await temp.open();
    expect((await find(mended, 'genoa')).passages).toHaveLength(1);
    expect(mended.search.status().origin).toBe('file');
    expect(
      mended.app
        .getLibraryInfo()
        .notices.map((notice) => notice.message)
        .join(),
    ).toMatch(/text is being rebuilt: its file is damaged/);
    expect(mended.catalog.list()).toHaveLength(2);
  });

  it('is rebuilt once from the previous version (its passages kept no words in order), then loaded', async () => {
    const { lib } = await world();
    await lib.close();
    const file = searchIndexFile(lib.paths);
    const saved = JSON.parse((await nodeFileSystem.readFile(file)).toString('latin1')) as { version: number };
    await writeFile(file, JSON.stringify({ ...saved, version: 4 }));
    const rebuilt = await temp.open();
    await rebuilt.search.settled();
    expect(rebuilt.search.status().origin).toBe('built');
    expect((await find(rebuilt, '"genoa and lucca"')).passages).toHaveLength(1);
    expect((await find(rebuilt, '"lucca and genoa"')).passages).toHaveLength(0);
    await rebuilt.close();
    const reopened = await temp.open();
    await reopened.search.settled();
    expect(reopened.search.status().origin).toBe('file');
    expect((await find(reopened, '"genoa and lucca"')).passages).toHaveLength(1);
  });

  it('finds a word deep in a large book after a restart, at its place, and mends a passages file from another save', async () => {
    const { lib } = await world();
    const chapters = Array.from({ length: 200 }, (_, n) => {
      const scene = n === 150 ? 'At Otrádnoe the samovar hissed while Natásha sang. ' : '';
      return `## Chapter ${n + 1}\n\n${scene}${SOIREE.split('\n').slice(2).join(' ').repeat(4)}\n`;
    });
    const book = `# A Long Book\n\n${chapters.join('\n')}`;
    const doc = await importDoc(lib, 'long.md', book);
    await lib.close();
    const savedBody = await nodeFileSystem.readFile(searchBodyFile(lib.paths));
    const reopened = await temp.open();
    await reopened.search.ready();
    // Titles answer at once, before the passages' file is read.
    const early = value(await reopened.search.search('long book', 5));
    expect(early.documents.map((hit) => hit.documentId)).toEqual([doc.id]);
    expect(reopened.search.status().origin).toBe('file');
    for (const query of ['samovar', 'samovr', 'otradnoe samov']) {
      const [hit] = (await find(reopened, query)).passages;
      expect(hit).toMatchObject({ documentId: doc.id, heading: 'Chapter 151' });
      expect(book.slice(hit!.offset)).toMatch(/^(samovar|Otrádnoe)/);
    }
    value(await reopened.documents.renameDocument(doc.id, 'A Longer Book'));
    await reopened.close();
    // A passages' file left by an earlier save beside the newer files: refused, rebuilt, reported.
    await writeFile(searchBodyFile(lib.paths), savedBody);
    const mended = await temp.open();
    expect((await find(mended, 'samovar')).passages.map((hit) => hit.documentId)).toEqual([doc.id]);
    const notices = mended.app.getLibraryInfo().notices.map((notice) => notice.message);
    expect(notices.join()).toMatch(/text is being rebuilt: its file is damaged/);
  });
});
