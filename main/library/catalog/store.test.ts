import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Library, LibraryTooNewError, openLibrary } from '../library';
import { MIGRATIONS, decodeLibraryJson } from './migrations';
import { MANIFEST_VERSION } from './manifest';
import { BACKUPS_KEPT } from './store';
import { readWrittenCatalog } from './test-support';
import { bytes, steppingClock, useTempLibrary } from '../test-support';

const clock = steppingClock();
const temp = useTempLibrary({ now: clock });

const open = (): Promise<Library> => temp.open();

const libraryJson = () => path.join(temp.root, 'library.json');
const CORRUPT = '{"schemaVersion": 1, "documents": {tru';

describe('library.json', () => {
  it('backs up on every open and keeps the newest ten', async () => {
    for (let i = 0; i < BACKUPS_KEPT + 3; i++) await open();
    // backups/catalog/ holds the shard files the backups name (none in an empty library).
    const backups = (await fs.readdir(path.join(temp.root, 'backups'))).filter((name) => name !== 'catalog');
    expect(await fs.readdir(path.join(temp.root, 'backups', 'catalog'))).toEqual([]);
    expect(backups).toHaveLength(BACKUPS_KEPT);
    expect(backups.every((name) => /^library-\d{4}-\d\d-\d\dT\d{6}\.\d{3}Z\.json$/.test(name))).toBe(true);
  });

  it('keeps no copy of a corrupt file among the backups, so no good backup is pushed out', async () => {
    for (let i = 0; i < BACKUPS_KEPT; i++) await (await open()).close();
    const backupsDir = path.join(temp.root, 'backups');
    const manifests = async () =>
      (await fs.readdir(backupsDir)).filter((name) => name !== 'catalog').toSorted();
    const good = await manifests();
    await fs.writeFile(libraryJson(), CORRUPT);
    const lib = await open();
    expect(lib.app.getLibraryInfo().notices[0]?.message).toContain('restored from the backup');
    await lib.close();
    const after = await manifests();
    expect(after).toEqual(good);
    for (const name of after)
      expect(await fs.readFile(path.join(backupsDir, name), 'utf8')).not.toBe(CORRUPT);
  });

  it('moves a corrupt file aside and restores the newest backup, with a notice', async () => {
    let lib = await open();
    await lib.documents.importFiles([{ name: 'kept.md', bytes: bytes('# Kept') }]);
    await lib.settings.updateSettings({ theme: 'dark' });
    lib = await open(); // takes a backup holding the document
    await lib.close();
    await fs.writeFile(libraryJson(), CORRUPT);
    lib = await open();
    expect((await lib.documents.listDocuments()).map((d) => d.title)).toEqual(['Kept']);
    expect((await lib.settings.getSettings()).theme).toBe('dark');
    const { notices } = await lib.app.getLibraryInfo();
    expect(notices).toHaveLength(1);
    expect(notices[0]?.level).toBe('warning');
    const aside = (await fs.readdir(temp.root)).find((name) => name.startsWith('library.json.corrupt-'));
    expect(aside).toBeDefined();
    expect(notices[0]?.message).toContain(aside);
    expect(notices[0]?.message).toMatch(/backup library-.*\.json/);
    expect(await fs.readFile(path.join(temp.root, aside ?? ''), 'utf8')).toBe(CORRUPT);
  });

  it('treats a valid JSON file of the wrong shape as corrupt; with no backup starts empty with an error', async () => {
    await fs.mkdir(temp.root, { recursive: true });
    await fs.writeFile(libraryJson(), JSON.stringify({ schemaVersion: 1, documents: { x: { id: 'nope' } } }));
    const lib = await open();
    expect(await lib.documents.listDocuments()).toEqual([]);
    const { notices } = await lib.app.getLibraryInfo();
    expect(notices).toMatchObject([{ level: 'error' }]);
    expect(notices[0]?.message).toMatch(/library\.json\.corrupt-.*No usable backup/);
    const aside = (await fs.readdir(temp.root)).filter((name) => name.startsWith('library.json.corrupt-'));
    expect(aside).toHaveLength(1);
  });

  it('refuses a library written by a newer version and leaves the file alone', async () => {
    await fs.mkdir(temp.root, { recursive: true });
    const newer = JSON.stringify({ schemaVersion: 99, documents: {}, settings: {} });
    await fs.writeFile(libraryJson(), newer);
    await expect(openLibrary({ root: temp.root })).rejects.toBeInstanceOf(LibraryTooNewError);
    expect(await fs.readFile(libraryJson(), 'utf8')).toBe(newer);
    // The failed open released the lock.
    await expect(openLibrary({ root: temp.root, migrations: {} })).rejects.toThrow(/schema version 99/);
  });

  it('migrates an older schema version through the migrations table', async () => {
    await fs.mkdir(temp.root, { recursive: true });
    const v0 = { version: 0, docs: {}, prefs: { theme: 'dark' } };
    await fs.writeFile(libraryJson(), JSON.stringify({ schemaVersion: 0, ...v0 }));
    const migrations = {
      ...MIGRATIONS,
      0: (data: Record<string, unknown>) => ({
        documents: data.docs,
        settings: {
          theme: 'dark',
          font: 'sans',
          fontSize: 16,
          lineWidth: 60,
          lineHeight: 1.5,
          librarySort: 'title',
        },
      }),
    };
    const library = await temp.open({ migrations });
    expect(await library.settings.getSettings()).toMatchObject({ theme: 'dark', font: 'sans' });
    await library.close();
    // Migrated to version 2, then split into the manifest (version 3 on, now 4) and its shards.
    const written = await readWrittenCatalog(temp.root);
    expect(written.schemaVersion).toBe(MANIFEST_VERSION);
    const [backup] = (await fs.readdir(path.join(temp.root, 'backups'))).filter((name) => name !== 'catalog');
    expect(
      JSON.parse(await fs.readFile(path.join(temp.root, 'backups', backup ?? ''), 'utf8')).schemaVersion,
    ).toBe(0);
    expect(() => decodeLibraryJson({ schemaVersion: 0 }, 'x.json', {})).toThrow(
      /No migration of x.json from version 0/,
    );
  });
});

describe('schema version 2', () => {
  it('migrates a v1 library.json: adds highlight settings and counts, keeps everything else', async () => {
    await fs.mkdir(temp.root, { recursive: true });
    const record = {
      id: '0123456789abcdef',
      title: 'Old',
      author: null,
      source: 'old.md',
      excerpt: 'e',
      wordCount: 3,
      readingMinutes: 1,
      progress: 0.5,
      addedAt: '2024-01-01T00:00:00.000Z',
      openedAt: null,
      contentHash: 'a'.repeat(64),
      bodyBytes: 10,
    };
    const settings = {
      theme: 'dark',
      font: 'sans',
      fontSize: 20,
      lineWidth: 60,
      lineHeight: 1.5,
      librarySort: 'title',
    };
    await fs.writeFile(
      libraryJson(),
      JSON.stringify({ schemaVersion: 1, documents: { [record.id]: record }, settings }),
    );
    const lib = await open();
    expect(await lib.settings.getSettings()).toEqual({
      ...settings,
      highlightLabels: {
        yellow: 'Key idea',
        green: 'Definition',
        blue: 'Evidence',
        pink: 'Question',
        purple: 'Quote',
        orange: 'To do',
      },
      colorTags: { yellow: null, green: null, blue: null, pink: null, purple: null, orange: null },
      lastHighlightColor: 'yellow',
      pruneAfterDays: 30,
    });
    expect(await lib.documents.listDocuments()).toMatchObject([
      { id: record.id, title: 'Old', progress: 0.5, highlightCount: 0, textVersion: 'a'.repeat(64) },
    ]);
    const written = await readWrittenCatalog(temp.root);
    expect(written.schemaVersion).toBe(MANIFEST_VERSION);
    expect(written.documents[record.id]).toEqual({ ...record, highlightCount: 0 });
  });
});

describe('annotations', () => {
  it('moves a corrupt annotations file aside and starts that document empty', async () => {
    let lib = await open();
    const report = await lib.documents.importFiles([{ name: 'a.txt', bytes: bytes('text') }]);
    const id = report.outcomes[0]?.status === 'imported' ? report.outcomes[0].document.id : '';
    await lib.documents.saveReadingPosition(id, { section: 0, offset: 1, quote: 'ext', progress: 0.5 });
    lib = await open();
    await fs.writeFile(path.join(temp.root, 'annotations', `${id}.json`), '{ broken');
    // No log to replay (it would hold the position) and no backup: nothing to restore.
    await fs.rm(path.join(temp.root, 'annotations', `${id}.log`));
    const opened = await lib.documents.openDocument(id);
    expect(opened?.position).toBeNull();
    const { notices } = await lib.app.getLibraryInfo();
    expect(notices).toMatchObject([{ level: 'warning' }]);
    expect(notices[0]?.message).toContain(id);
    const files = await fs.readdir(path.join(temp.root, 'annotations'));
    expect(files.some((name) => name.startsWith(`${id}.json.corrupt-`))).toBe(true);
  });
});
