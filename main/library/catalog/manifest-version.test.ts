/**
 * library.json's version 4 keeps builds that do not know the annotation log (version 3) from
 * opening, and losing changes in, a library this build wrote; this build reads version 3 and
 * rewrites it as 4 at open, and keeps its version 3 backups restorable.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FaultFileSystem } from '../storage/fault-file-system';
import { nodeFileSystem } from '../storage/file-system';
import { libraryPaths } from '../storage/paths';
import { bytes, steppingClock, useTempLibrary } from '../test-support';
import { readBackupCatalog } from './catalog-backups';
import { FIRST_MANIFEST_VERSION, MANIFEST_VERSION, decodeCatalogFile } from './manifest';
import { readWrittenCatalog } from './test-support';

/** The last version a build without the annotation log wrote, and the newest it opened. */
const BEFORE_THE_LOG = 3;

const temp = useTempLibrary({ now: steppingClock() });
const libraryJson = () => path.join(temp.root, 'library.json');

/** A library of two documents whose library.json is set back to version 3, as that build wrote it. */
async function versionThreeLibrary(): Promise<string> {
  const lib = await temp.open();
  await lib.documents.importFiles([
    { name: 'one.md', bytes: bytes('# One\n\nThe first.') },
    { name: 'two.md', bytes: bytes('# Two\n\nThe second.') },
  ]);
  await lib.close();
  const text = (await fs.readFile(libraryJson(), 'utf8')).replace(
    `"schemaVersion": ${MANIFEST_VERSION}`,
    `"schemaVersion": ${BEFORE_THE_LOG}`,
  );
  expect(JSON.parse(text).schemaVersion).toBe(BEFORE_THE_LOG);
  await fs.writeFile(libraryJson(), text);
  return text;
}

const emptyManifest = (schemaVersion: number) => ({ schemaVersion, settings: {}, shards: [] });

const backupNames = async () =>
  (await fs.readdir(path.join(temp.root, 'backups'))).filter((name) => name !== 'catalog').toSorted();

describe("library.json's version", () => {
  it('is one a build without the annotation log refuses as too new', async () => {
    await temp.open();
    const written = await readWrittenCatalog(temp.root);
    // That build threw FileTooNewError for any version above its own.
    expect(written.schemaVersion).toBeGreaterThan(BEFORE_THE_LOG);
    expect(written.schemaVersion).toBe(MANIFEST_VERSION);
  });

  it('opens a version 3 library whole and writes library.json as version 4 at once', async () => {
    const before = await versionThreeLibrary();
    const lib = await temp.open();
    expect(
      lib.documents
        .listDocuments()
        .map((doc) => doc.title)
        .toSorted(),
    ).toEqual(['One', 'Two']);
    expect(lib.app.getLibraryInfo().notices).toEqual([]);
    const written = await readWrittenCatalog(temp.root);
    expect(written.schemaVersion).toBe(MANIFEST_VERSION);
    expect(Object.keys(written.documents)).toHaveLength(2);
    // The backup taken at this open holds library.json as rewritten, the same catalog: had it
    // held version 3, a build without the log could restore it if library.json broke before
    // the next open.
    const newest = (await backupNames()).at(-1) ?? '';
    const backup = JSON.parse(await fs.readFile(path.join(temp.root, 'backups', newest), 'utf8'));
    expect(backup).toEqual({ ...JSON.parse(before), schemaVersion: MANIFEST_VERSION });
  });

  it("keeps a version 3 backup's shard files and restores from it after later changes", async () => {
    await versionThreeLibrary();
    let lib = await temp.open();
    const oldBackup = (await backupNames()).at(-1) ?? '';
    // Shard 0 is written anew: only the version 3 backup names its old file now.
    await lib.documents.importFiles([{ name: 'three.md', bytes: bytes('# Three\n\nThe third.') }]);
    lib = await temp.open();
    await lib.close();
    const restored = await readBackupCatalog(nodeFileSystem, libraryPaths(temp.root), oldBackup);
    const titles = Object.values(restored?.documents ?? {}).map((record) => record.title);
    expect(titles.toSorted()).toEqual(['One', 'Two']);
  });

  it('opens a version 3 library on a disk too full to rewrite it, says so, and rewrites it later', async () => {
    await versionThreeLibrary();
    const fsys = new FaultFileSystem();
    fsys.inject({ step: 'write', effect: 'ENOSPC', pathIncludes: 'library.json', persistent: true });
    let lib = await temp.open({ fileSystem: fsys });
    expect(lib.documents.listDocuments()).toHaveLength(2);
    expect(lib.app.getLibraryInfo().notices).toEqual([
      expect.objectContaining({ level: 'warning', message: expect.stringContaining('(ENOSPC)') }),
    ]);
    expect(JSON.parse(await fs.readFile(libraryJson(), 'utf8')).schemaVersion).toBe(BEFORE_THE_LOG);
    lib = await temp.open();
    expect(lib.app.getLibraryInfo().notices).toEqual([]);
    expect(JSON.parse(await fs.readFile(libraryJson(), 'utf8')).schemaVersion).toBe(MANIFEST_VERSION);
  });

  it('writes annotations whole, not to their logs, while library.json stays version 3', async () => {
    await versionThreeLibrary();
    const fsys = new FaultFileSystem();
    fsys.inject({ step: 'rename', effect: 'EPERM', pathIncludes: '-> ' + libraryJson(), persistent: true });
    const lib = await temp.open({ fileSystem: fsys });
    const doc = lib.documents.listDocuments()[0];
    const exact = 'first';
    const added = await lib.highlights.addHighlight(doc?.id ?? '', {
      color: 'yellow',
      quote: { type: 'TextQuoteSelector', exact, prefix: 'The ', suffix: '.' },
      position: { type: 'TextPositionSelector', start: 4, end: 9 },
      anchoredVersion: doc?.textVersion ?? '',
    });
    expect(added).toMatchObject({ ok: true });
    // What a build without the log reads holds the highlight.
    const file = JSON.parse(await fs.readFile(lib.paths.annotationsFile(doc?.id ?? ''), 'utf8'));
    expect(file.highlights.map((h: { quote: { exact: string } }) => h.quote.exact)).toEqual([exact]);
    expect(JSON.parse(await fs.readFile(libraryJson(), 'utf8')).schemaVersion).toBe(BEFORE_THE_LOG);
  });

  it('corrects a count the catalog lacks though library.json is rewritten at open', async () => {
    let lib = await temp.open();
    await lib.documents.importFiles([{ name: 'one.md', bytes: bytes('# One\n\nThe first.') }]);
    const doc = lib.documents.listDocuments()[0];
    const added = await lib.highlights.addHighlight(doc?.id ?? '', {
      color: 'yellow',
      quote: { type: 'TextQuoteSelector', exact: 'first', prefix: 'The ', suffix: '.' },
      position: { type: 'TextPositionSelector', start: 4, end: 9 },
      anchoredVersion: doc?.textVersion ?? '',
    });
    expect(added).toMatchObject({ ok: true });
    await lib.close();
    // As a crash before the catalog's delayed write leaves it: the count still 0, in a version 3 library.
    const manifest = JSON.parse(await fs.readFile(libraryJson(), 'utf8'));
    const shardPath = path.join(temp.root, 'catalog', manifest.shards[0].file);
    const shard = JSON.parse(await fs.readFile(shardPath, 'utf8'));
    shard.records[0][shard.fields.indexOf('highlightCount')] = 0;
    await fs.writeFile(shardPath, JSON.stringify(shard));
    await fs.writeFile(libraryJson(), JSON.stringify({ ...manifest, schemaVersion: BEFORE_THE_LOG }));
    const past = new Date(Date.now() - 60_000);
    await fs.utimes(libraryJson(), past, past);
    lib = await temp.open();
    expect(lib.documents.listDocuments().map((summary) => summary.highlightCount)).toEqual([1]);
  });

  it('reads every manifest version from 3 on, and sends older ones to the one-file path', () => {
    expect(() => decodeCatalogFile(emptyManifest(MANIFEST_VERSION + 1), 'l.json')).toThrow(
      /schema version 5/,
    );
    // Version 3 and 4 reach the manifest's checks (here: the empty settings).
    for (const version of [FIRST_MANIFEST_VERSION, MANIFEST_VERSION])
      expect(() => decodeCatalogFile(emptyManifest(version), 'l.json')).toThrow(
        /unexpected shape at settings/,
      );
    expect(() => decodeCatalogFile(emptyManifest(2), 'l.json')).toThrow(/unexpected shape|documents/);
  });
});
