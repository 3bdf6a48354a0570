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
    // The backup holds library.json as it was read.
    const newest = (await backupNames()).at(-1) ?? '';
    expect(await fs.readFile(path.join(temp.root, 'backups', newest), 'utf8')).toBe(before);
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

  it('reads every manifest version from 3 on, and sends older ones to the one-file path', () => {
    const manifest = (schemaVersion: number) => ({ schemaVersion, settings: {}, shards: [] });
    expect(() => decodeCatalogFile(manifest(MANIFEST_VERSION + 1), 'l.json')).toThrow(/schema version 5/);
    // Version 3 and 4 reach the manifest's checks (here: the empty settings).
    for (const version of [FIRST_MANIFEST_VERSION, MANIFEST_VERSION])
      expect(() => decodeCatalogFile(manifest(version), 'l.json')).toThrow(/unexpected shape at settings/);
    expect(() => decodeCatalogFile(manifest(2), 'l.json')).toThrow(/unexpected shape|documents/);
  });
});
