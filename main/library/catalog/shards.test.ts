/**
 * The split catalog: a one-file library.json is split on open with nothing lost (and a kill during
 * the split leaves the old file readable), in its order; a change rewrites one shard; a shard that is missing,
 * torn or corrupt is moved aside and restored from a backup, with a notice, never silently emptied.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Library } from '../library';
import { FaultFileSystem, KilledError } from '../storage/fault-file-system';
import { bytes, steppingClock, useTempLibrary } from '../test-support';
import { MANIFEST_VERSION } from './manifest';
import { DEFAULT_SETTINGS, type DocumentRecord } from './records';
import { SHARD_CAPACITY } from './shards';
import { readWrittenCatalog, shardFiles } from './test-support';

const temp = useTempLibrary({ now: steppingClock() });

/** Records as a library of an earlier version wrote them: real titles, unkind characters. */
const TITLES = [
  'War and Peace',
  'Анна Каренина',
  'الحرب والسلام',
  'Über "quotes", \\backslashes\\ and\nnewlines',
  '日本語のタイトル 🎴',
  '',
  'Gooseberries',
  'The Darling',
  'The Steppe',
  'The Student',
];

function oldRecord(n: number): DocumentRecord {
  const hex = n.toString(16).padStart(16, '0');
  return {
    id: hex,
    title: `${TITLES[n % TITLES.length]} ${n}`,
    author: n % 3 === 0 ? null : 'Лев Толстой',
    source: `book-${n}.md`,
    excerpt: 'Well, Prince, so Genoa and Lucca are now just family estates of the Buonapartes.',
    wordCount: 1000 + n,
    readingMinutes: 5,
    progress: (n % 10) / 10,
    addedAt: new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString(),
    openedAt: n % 2 === 0 ? null : new Date(Date.UTC(2024, 5, 1) + n).toISOString(),
    contentHash: hex.repeat(4),
    bodyBytes: 2000 + n,
    highlightCount: 0,
    ...(n % 4 === 0 ? { language: 'ru', tagIds: ['4a5b6c7d8e9f'], tags: ['History'] } : {}),
  };
}

/** Writes a one-file library.json (schema version 2) of `count` records, with their bodies. */
async function writeOneFileLibrary(count: number): Promise<Record<string, DocumentRecord>> {
  const documents = Object.fromEntries(
    Array.from({ length: count }, (_, n) => oldRecord(n)).map((r) => [r.id, r]),
  );
  await fs.mkdir(path.join(temp.root, 'documents'), { recursive: true });
  for (const id of Object.keys(documents))
    await fs.writeFile(path.join(temp.root, 'documents', `${id}.md`), `# ${documents[id]?.title}\n`);
  const settings = { ...DEFAULT_SETTINGS, theme: 'dark' };
  await fs.writeFile(
    path.join(temp.root, 'library.json'),
    JSON.stringify({ schemaVersion: 2, documents, settings }, null, 2),
  );
  return documents;
}

const listedIds = (lib: Library): string[] =>
  lib.documents
    .listDocuments()
    .map((d) => d.id)
    .toSorted();

describe('splitting a one-file library.json', () => {
  it('splits every record into shards in the order of the old file, nothing lost, and backs up the old file', async () => {
    const count = SHARD_CAPACITY * 2 + 5;
    const documents = await writeOneFileLibrary(count);
    const before = await fs.readFile(path.join(temp.root, 'library.json'), 'utf8');
    const lib = await temp.open();
    expect(listedIds(lib)).toEqual(Object.keys(documents).toSorted());
    expect(lib.app.getLibraryInfo().notices.filter((n) => n.message.includes('library.json'))).toEqual([]);
    await lib.close();
    const written = await readWrittenCatalog(temp.root);
    expect(written.schemaVersion).toBe(MANIFEST_VERSION);
    expect(written.settings.theme).toBe('dark');
    expect(written.shards.map((shard) => shard.count)).toEqual([SHARD_CAPACITY, SHARD_CAPACITY, 5]);
    expect(written.documents).toEqual(documents);
    // Shard after shard, the records come in the order the one file had them.
    expect(Object.keys(written.documents)).toEqual(Object.keys(documents));
    const backups = (await fs.readdir(path.join(temp.root, 'backups'))).filter((n) =>
      n.startsWith('library-'),
    );
    expect(await fs.readFile(path.join(temp.root, 'backups', backups[0] ?? ''), 'utf8')).toBe(before);
    // Reopened: the same records, read from the shards, in the same order.
    const reopened = await temp.open();
    expect(reopened.catalog.list().map((record) => record.id)).toEqual(Object.keys(documents));
  }, 60_000);

  it('a kill at any step of the split leaves a library that opens with every record', async () => {
    const documents = await writeOneFileLibrary(30);
    let kills = 0;
    for (let calls = 1; ; calls += 2) {
      const fsys = new FaultFileSystem();
      fsys.crashAfter(calls);
      const opened = await temp.open({ fileSystem: fsys }).catch((error: unknown) => error);
      if (!(opened instanceof KilledError)) break; // the split finished within `calls` calls
      kills += 1;
      await fs.rm(path.join(temp.root, '.lock'), { force: true }); // the dead owner's lock
      const reopened = await temp.open();
      expect(listedIds(reopened)).toEqual(Object.keys(documents).toSorted());
      await reopened.close();
      // Only shard files library.json names are left (the rest are removed at open). Opened once
      // more: calls the "dead" open had in flight when it died may land after the first reopen.
      await (await temp.open()).close();
      const written = await readWrittenCatalog(temp.root);
      const named = written.shards.flatMap((s) => (s.file === null ? [] : [s.file]));
      expect(await shardFiles(temp.root)).toEqual(named.toSorted());
      await writeOneFileLibrary(30);
    }
    expect(kills).toBeGreaterThan(10);
  }, 180_000);
});

describe('writing one change', () => {
  it('rewrites only the shard of the changed record, and library.json; a new record goes into the last shard', async () => {
    await writeOneFileLibrary(SHARD_CAPACITY + 10);
    const lib = await temp.open();
    const changed = async (change: () => Promise<unknown>) => {
      const before = await shardFiles(temp.root);
      await change();
      // The versions a write replaced are removed after its answer.
      await lib.catalog.flush();
      const after = await shardFiles(temp.root);
      return {
        added: after.filter((n) => !before.includes(n)),
        gone: before.filter((n) => !after.includes(n)),
      };
    };
    const id = oldRecord(17).id;
    const renamed = await changed(() => lib.catalog.update(id, { title: 'Renamed: Хаджи-Мурат' }));
    expect(renamed.added.map((name) => name.slice(0, 5))).toEqual(['0000-']);
    expect(renamed.gone.map((name) => name.slice(0, 5))).toEqual(['0000-']);
    expect((await readWrittenCatalog(temp.root)).documents[id]?.title).toBe('Renamed: Хаджи-Мурат');
    const imported = await changed(() =>
      lib.documents.importFiles([{ name: 'nose.md', bytes: bytes('# The Nose\n\nAn extraordinary thing.') }]),
    );
    expect(imported.added.map((name) => name.slice(0, 5))).toEqual(['0001-']);
  }, 60_000);

  it('a failed removal keeps the record on disk through later writes of its shard', async () => {
    await writeOneFileLibrary(200);
    const fsys = new FaultFileSystem();
    const lib = await temp.open({ fileSystem: fsys });
    const removed = oldRecord(3).id;
    const sibling = oldRecord(150).id; // the same shard: 200 records fill one
    fsys.inject({ step: 'rename', effect: 'EIO', pathIncludes: 'library.json.lectern-tmp' });
    await expect(lib.catalog.remove(removed)).rejects.toThrow(/EIO/);
    expect(lib.catalog.has(removed)).toBe(true);
    fsys.clear();
    await lib.catalog.update(sibling, { title: 'The Bishop' });
    await lib.catalog.flush();
    expect(Object.keys((await readWrittenCatalog(temp.root)).documents)).toContain(removed);
    // No file of the failed write is left behind.
    const written = await readWrittenCatalog(temp.root);
    const named = written.shards.flatMap((s) => (s.file === null ? [] : [s.file]));
    expect(await shardFiles(temp.root)).toEqual(named.toSorted());
  });
});

/**
 * A library of two shards with a backup holding both, and one document imported after that backup
 * (into the second shard); closed. Returns every id, the shard files and the late document's id.
 */
async function backedUpLibrary(): Promise<{ ids: string[]; files: string[]; late: string }> {
  const documents = await writeOneFileLibrary(SHARD_CAPACITY + 3);
  await temp.open(); // split
  const lib = await temp.open(); // the backup taken here holds both shards
  const nose = '# The Nose\n\nAn extraordinarily strange thing happened in Petersburg on the 25th of March.';
  const [outcome] = (await lib.documents.importFiles([{ name: 'nose.md', bytes: bytes(nose) }])).outcomes;
  if (outcome?.status !== 'imported') throw new Error('setup');
  await lib.close();
  const written = await readWrittenCatalog(temp.root);
  const files = written.shards.flatMap((shard) => (shard.file === null ? [] : [shard.file]));
  return {
    ids: [...Object.keys(documents), outcome.document.id].toSorted(),
    files,
    late: outcome.document.id,
  };
}

const damages: [string, (file: string) => Promise<void>][] = [
  [
    'torn (cut short mid-record)',
    async (file) => {
      const text = await fs.readFile(file);
      await fs.writeFile(file, text.subarray(0, Math.floor(text.length / 2)));
    },
  ],
  ['missing', (file) => fs.rm(file)],
  [
    'one record short (a stale copy)',
    async (file) => {
      const shard = JSON.parse(await fs.readFile(file, 'utf8'));
      shard.records.splice(1, 1);
      await fs.writeFile(file, JSON.stringify(shard));
    },
  ],
  ['garbage bytes', (file) => fs.writeFile(file, Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x22]))],
  [
    'a record of the wrong shape (a word count in words)',
    async (file) => {
      const shard = JSON.parse(await fs.readFile(file, 'utf8'));
      shard.records[2][5] = 'eleven hundred';
      await fs.writeFile(file, JSON.stringify(shard));
    },
  ],
];

describe('a damaged shard', () => {
  for (const [damage, apply] of damages) {
    it(`${damage}: moved aside, restored from the backup and the folder, and the user told`, async () => {
      const { ids, files, late } = await backedUpLibrary();
      const file = files[1] ?? '';
      await apply(path.join(temp.root, 'catalog', file));
      const lib = await temp.open();
      expect(listedIds(lib)).toEqual(ids);
      expect(lib.documents.findDocument(late)?.title).toBe('The Nose');
      const [notice] = lib.app.getLibraryInfo().notices;
      expect(notice?.level).toBe('warning');
      expect(notice?.message).toContain(`catalog/${file}`);
      expect(notice?.message).toMatch(damage === 'missing' ? /is missing/ : /could not be read/);
      expect(notice?.message).toMatch(
        /3 records the rest of the catalog lacks were restored from the backup library-/,
      );
      expect(notice?.message).toMatch(/1 document found in the folder/);
      const catalogDir = await fs.readdir(path.join(temp.root, 'catalog'));
      expect(catalogDir.some((name) => name.startsWith(`${file}.corrupt-`))).toBe(damage !== 'missing');
      // Repaired on disk: the next open repairs nothing, and says the same until it is dismissed.
      const reopened = await temp.open();
      expect(reopened.app.getLibraryInfo().notices).toEqual([notice]);
      expect(await reopened.app.acknowledgeNotice(notice?.id ?? '')).toEqual({ ok: true, value: null });
      expect((await temp.open()).app.getLibraryInfo().notices).toEqual([]);
    }, 60_000);
  }

  it('with no backup, its documents come back from the folder', async () => {
    const { ids, files } = await backedUpLibrary();
    await fs.rm(path.join(temp.root, 'backups'), { recursive: true });
    await fs.writeFile(path.join(temp.root, 'catalog', files[1] ?? ''), '{"schemaVersion":2,');
    const lib = await temp.open();
    expect(listedIds(lib)).toEqual(ids);
    const [notice] = lib.app.getLibraryInfo().notices;
    expect(notice?.message).toContain('No backup could be read');
    expect(notice?.message).toMatch(/4 documents found in the folder were added back/);
  }, 60_000);

  it('a library.json naming a file outside catalog/ is corrupt, restored from the backup', async () => {
    const { ids, late } = await backedUpLibrary();
    const manifest = JSON.parse(await fs.readFile(path.join(temp.root, 'library.json'), 'utf8'));
    manifest.shards[0].file = '../tags.json';
    await fs.writeFile(path.join(temp.root, 'library.json'), JSON.stringify(manifest));
    const lib = await temp.open();
    expect(listedIds(lib)).toEqual(ids);
    expect(lib.documents.findDocument(late)?.title).toBe('The Nose');
    expect(lib.app.getLibraryInfo().notices[0]?.message).toMatch(/library\.json could not be read.*restored/);
  }, 60_000);
});
