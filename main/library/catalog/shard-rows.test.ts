/**
 * Shard files as rows (version 3): written and read back unchanged, bad rows refused with where
 * they are; keyed shards of version 2 read as before and rewritten as rows at open, with a kill at
 * any step of that rewrite leaving a library that opens with every record.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Library } from '../library';
import { CorruptFileError } from '../storage/durable-file';
import { FaultFileSystem, KilledError } from '../storage/fault-file-system';
import { FileTooNewError } from '../storage/versioned';
import { steppingClock, useTempLibrary } from '../test-support';
import { DEFAULT_SETTINGS, type DocumentRecord } from './records';
import { decodeShard, serializeShard } from './shards';
import { shardFiles } from './test-support';

const temp = useTempLibrary({ now: steppingClock() });

const TITLES = [
  'Анна Каренина',
  'Über "quotes", \\backslashes\\ and\nnewlines',
  '日本語 🎴',
  '',
  'الحرب والسلام',
];

function record(n: number): DocumentRecord {
  const hex = (n + 1).toString(16).padStart(16, '0');
  return {
    id: hex,
    title: `${TITLES[n % TITLES.length]} ${n}`,
    author: n % 3 === 0 ? null : 'Лев Толстой',
    source: n % 5 === 0 ? null : `book-${n}.epub`,
    excerpt: 'Well, Prince, so Genoa and Lucca are now just family estates of the Buonapartes.',
    wordCount: 1000 + n,
    readingMinutes: 5,
    progress: (n % 10) / 10,
    addedAt: new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString(),
    openedAt: n % 2 === 0 ? null : new Date(Date.UTC(2024, 5, 1) + n).toISOString(),
    contentHash: hex.repeat(4),
    bodyBytes: 2000 + n,
    highlightCount: n % 7,
    ...(n % 4 === 0 ? { language: 'ru', dir: 'ltr', tagIds: ['4a5b6c7d8e9f'], tags: ['History'] } : {}),
    ...(n % 4 === 1 ? { siteName: 'Gutenberg', sourceUrl: 'https://www.gutenberg.org/ebooks/2600' } : {}),
  };
}

const records = (from: number, count: number): DocumentRecord[] =>
  Array.from({ length: count }, (_, i) => record(from + i));

/** A shard exactly as version 2 wrote it: keyed by id, one record a line. */
function keyedShard(index: number, shardRecords: readonly DocumentRecord[]): string {
  const lines = shardRecords.map((r) => `${JSON.stringify(r.id)}:${JSON.stringify(r)}`);
  return `{"schemaVersion":2,"shard":${index},"documents":{\n${lines.join(',\n')}\n}}\n`;
}

const FILE = '/library/catalog/0000-0123456789ab.json';
const decode = (text: string, count: number) => decodeShard(text, FILE, { index: 0, count });
const rowsOf = (text: string): unknown[][] => JSON.parse(text).records;
const withRows = (text: string, rows: unknown[]): string =>
  JSON.stringify({ ...JSON.parse(text), records: rows });

describe('a shard as rows', () => {
  it('reads back every record as written, optional fields included, in its order', () => {
    const written = records(0, 40);
    const text = serializeShard(0, written);
    expect(text.split('\n')).toHaveLength(43); // the head, a line per record, the end
    expect(decode(text, 40)).toEqual({ records: written, current: true });
    expect(decode(serializeShard(0, []), 0)).toEqual({ records: [], current: true });
  });

  it('reads a keyed shard of version 2 as it was, and says it is to be rewritten', () => {
    const written = records(0, 12);
    expect(decode(keyedShard(0, written), 12)).toEqual({ records: written, current: false });
  });

  it('drops an optional field it does not know, as zod strips one', () => {
    const text = serializeShard(0, records(1, 1));
    const [row] = rowsOf(text);
    const values = row?.slice(0, 13) ?? [];
    const optional = (row?.[13] ?? {}) as Record<string, unknown>;
    const decoded = decode(withRows(text, [[...values, { ...optional, mood: 'sombre' }]]), 1);
    expect(decoded.records).toEqual(records(1, 1));
  });

  it('refuses a bad row and says which record and field', () => {
    const text = serializeShard(0, records(0, 6));
    const rows = rowsOf(text);
    const broken = (change: (row: unknown[]) => unknown): string =>
      withRows(
        text,
        rows.map((row, i) => (i === 4 ? change([...row]) : row)),
      );
    const cases: [string, RegExp][] = [
      [broken((row) => row.slice(0, 12)), /records\.4: not a record's row/],
      [broken((row) => [...row.slice(0, 13), 'ru']), /records\.4: not a record's row/],
      [broken((row) => row.with(13, { dir: 'upwards' })), /records\.4\.dir/],
      [broken((row) => row.with(5, 'eleven hundred')), /records\.4\.wordCount/],
      [broken((row) => row.with(0, '../../etc/passwd')), /records\.4\.id/],
      [JSON.stringify({ ...JSON.parse(text), fields: ['title', 'id'] }), /fields/],
    ];
    for (const [bad, where] of cases) {
      expect(() => decode(bad, 6)).toThrow(CorruptFileError);
      expect(() => decode(bad, 6)).toThrow(where);
    }
  });

  it('refuses a shard of a later version without calling it corrupt', () => {
    const later = serializeShard(0, records(0, 2)).replace('"schemaVersion":3', '"schemaVersion":4');
    expect(() => decode(later, 2)).toThrow(FileTooNewError);
  });
});

/** A library as version 2 of the shards left it: library.json naming two keyed shards, with bodies. */
async function writeKeyedLibrary(): Promise<string[]> {
  const shards = [records(0, 15), records(15, 15)];
  const catalogDir = path.join(temp.root, 'catalog');
  await fs.rm(temp.root, { recursive: true, force: true });
  await fs.mkdir(catalogDir, { recursive: true });
  await fs.mkdir(path.join(temp.root, 'documents'), { recursive: true });
  const files = ['0000-a1b2c3d4e5f6.json', '0001-0f1e2d3c4b5a.json'];
  for (const [index, shard] of shards.entries()) {
    await fs.writeFile(path.join(catalogDir, files[index] ?? ''), keyedShard(index, shard));
    for (const r of shard)
      await fs.writeFile(path.join(temp.root, 'documents', `${r.id}.md`), `# ${r.title}\n`);
  }
  const manifest = {
    schemaVersion: 3,
    settings: { ...DEFAULT_SETTINGS, theme: 'dark' },
    shards: files.map((file) => ({ file, count: 15 })),
  };
  await fs.writeFile(path.join(temp.root, 'library.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return shards.flat().map((r) => r.id);
}

const ids = (lib: Library): string[] => lib.catalog.list().map((r) => r.id);

async function shardVersions(): Promise<unknown[]> {
  const manifest = JSON.parse(await fs.readFile(path.join(temp.root, 'library.json'), 'utf8'));
  return Promise.all(
    manifest.shards.map(async ({ file }: { file: string }) => {
      const text = await fs.readFile(path.join(temp.root, 'catalog', file), 'utf8');
      return JSON.parse(text).schemaVersion;
    }),
  );
}

describe('rewriting keyed shards as rows', () => {
  it('rewrites them at open with nothing lost, then backs them up as written, and only once', async () => {
    const expected = await writeKeyedLibrary();
    const lib = await temp.open();
    expect(ids(lib)).toEqual(expected);
    expect(lib.catalog.get(record(4).id)).toEqual(record(4));
    expect(lib.app.getLibraryInfo().notices).toEqual([]);
    await lib.close();
    expect(await shardVersions()).toEqual([3, 3]);
    const rewritten = await shardFiles(temp.root);
    // The backup is of version 4 (a build without the annotation log refuses it), naming the rows.
    const backups = path.join(temp.root, 'backups');
    const [backup, ...more] = (await fs.readdir(backups)).filter((name) => name.startsWith('library-'));
    expect(more).toEqual([]);
    const backedUp = JSON.parse(await fs.readFile(path.join(backups, backup ?? ''), 'utf8'));
    expect(backedUp.schemaVersion).toBe(4);
    expect(backedUp.shards.map((shard: { file: string }) => shard.file)).toEqual(rewritten);
    expect(await fs.readdir(path.join(backups, 'catalog'))).toEqual(rewritten);
    const again = await temp.open();
    expect(ids(again)).toEqual(expected);
    expect(again.settings.getSettings().theme).toBe('dark');
    expect(await shardFiles(temp.root)).toEqual(rewritten);
    await again.close();
    // And it restores: library.json damaged, the library opens from that backup whole.
    await fs.writeFile(path.join(temp.root, 'library.json'), '{"schemaVersion": 4, "sha');
    const restored = await temp.open();
    expect(ids(restored)).toEqual(expected);
    expect(restored.app.getLibraryInfo().notices[0]?.message).toMatch(/restored from the backup library-/);
  });

  it('a kill at any step of the rewrite leaves a library that opens with every record, then rewritten', async () => {
    let kills = 0;
    for (let calls = 1; ; calls += 1) {
      const expected = await writeKeyedLibrary();
      const fsys = new FaultFileSystem();
      fsys.crashAfter(calls);
      const opened = await temp.open({ fileSystem: fsys }).catch((error: unknown) => error);
      if (!(opened instanceof KilledError)) break; // the rewrite finished within `calls` calls
      kills += 1;
      await fs.rm(path.join(temp.root, '.lock'), { force: true }); // the dead owner's lock
      const reopened = await temp.open();
      expect(ids(reopened)).toEqual(expected);
      expect(reopened.app.getLibraryInfo().notices).toEqual([]);
      await reopened.close();
      expect(await shardVersions()).toEqual([3, 3]);
      // Opened once more (calls the dead open had in flight may land late): only named files are left.
      await (await temp.open()).close();
      const manifest = JSON.parse(await fs.readFile(path.join(temp.root, 'library.json'), 'utf8'));
      const named = manifest.shards.map((shard: { file: string }) => shard.file);
      expect(await shardFiles(temp.root)).toEqual(named.toSorted());
    }
    expect(kills).toBeGreaterThan(10);
  }, 300_000);
});
