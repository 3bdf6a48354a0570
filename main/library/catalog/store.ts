/**
 * Opens the catalog: library.json (the manifest) and the shard files it names, read and checked
 * in parallel, then backed up. A library.json of one file (before version 3) is split on open.
 * Nothing corrupt is overwritten with defaults: it is kept aside and restored from the newest
 * good backup, with a notice kept on disk before the restore commits, which the caller raises once
 * it has reconciled the folder.
 */
import path from 'node:path';
import type { LibraryNotice } from '../../../preload/api';
import type { HeldNotice, KeepAround } from '../app/notices';
import { CorruptFileError, parseJsonOrCorrupt, readTextIfExists, textOfFile } from '../storage/durable-file';
import { keepAside } from '../storage/set-aside';
import { errnoOf } from '../storage/failures';
import type { FileSystem } from '../storage/file-system';
import { type LibraryPaths, fileTimestamp } from '../storage/paths';
import type { MigrationTable } from '../storage/versioned';
import { backUpCatalog, newestReadableBackup } from './catalog-backups';
import { CatalogFiles } from './catalog-files';
import { type CatalogManifest, MANIFEST_VERSION, decodeCatalogFile } from './manifest';
import { MIGRATIONS } from './migrations';
import { type CatalogData, emptyCatalogData, toCatalogData } from './records';
import { repairShards, readShards } from './shard-repair';
import { shardIndexOfName } from './shards';

export { BACKUPS_KEPT, listBackups } from './catalog-backups';

export interface OpenedStore {
  data: CatalogData;
  files: CatalogFiles;
  /** True when there was no library.json: a new library. */
  created: boolean;
  /**
   * When library.json or a shard was corrupt: what to tell the user (restored from which backup),
   * kept on disk before the repair committed (`id`). The caller raises it (Notices.raiseKept) once
   * the folder has been reconciled with the restored state.
   */
  recovery: HeldNotice | null;
  /**
   * library.json's modification time as found, before this open rewrote it (0 for a new library
   * or one restored from a backup): annotation files changed after it hold what the catalog's
   * counts may lack.
   */
  foundAt: number;
}

export interface StoreOptions {
  fsys: FileSystem;
  now: () => Date;
  notices: (notice: LibraryNotice) => void;
  /** Keeps a restore's notice on disk before the restored library.json replaces the damaged one. */
  keepAround: KeepAround;
  migrations?: MigrationTable;
}

export async function openStore(paths: LibraryPaths, options: StoreOptions): Promise<OpenedStore> {
  const migrations = options.migrations ?? MIGRATIONS;
  const foundAt = (await options.fsys.stat(paths.libraryJson).catch(() => null))?.mtimeMs ?? 0;
  const text = await readTextIfExists(options.fsys, paths.libraryJson);
  if (text === null) {
    const data = emptyCatalogData();
    const files = CatalogFiles.empty(options.fsys, paths);
    await files.writeAll(data);
    return { data, files, created: true, recovery: null, foundAt: 0 };
  }
  let decoded;
  try {
    decoded = decodeCatalogFile(parseJsonOrCorrupt(paths.libraryJson, text), paths.libraryJson, migrations);
  } catch (error) {
    if (!(error instanceof CorruptFileError)) throw error;
    return restoreFromBackup(paths, options, migrations);
  }
  if (decoded.kind === 'single') {
    // The one-file catalog is backed up as read (it restores as it is), then split.
    await backUp(paths, options, async () => ({ manifestText: text, shardTexts: new Map() }));
    const files = CatalogFiles.empty(options.fsys, paths);
    const data = toCatalogData(decoded.data);
    await files.writeAll(data);
    // Shards of a split a kill cut short: the one file was still the catalog.
    await removeUnnamedShards(options.fsys, paths, files.currentFiles());
    return { data, files, created: false, recovery: null, foundAt };
  }
  return { ...(await openShards(paths, options, text, decoded.manifest, migrations)), foundAt };
}

async function openShards(
  paths: LibraryPaths,
  options: StoreOptions,
  manifestText: string,
  manifest: CatalogManifest,
  migrations: MigrationTable,
): Promise<Omit<OpenedStore, 'foundAt'>> {
  // Only the texts of shards not backed up yet are kept for the backup (steady state: none).
  const backedUp = new Set(await options.fsys.readdir(paths.catalogBackupsDir).catch(() => []));
  const read = await readShards(options.fsys, paths, manifest, migrations, backedUp);
  const data: CatalogData = { documents: read.documents, settings: manifest.settings };
  if (read.bad.length > 0) {
    const repaired = await repairShards({ ...options, paths, migrations }, manifest, read, data);
    return { data, files: repaired.files, created: false, recovery: repaired.recovery };
  }
  const files = new CatalogFiles(options.fsys, paths, manifest.shards, read.members, manifest.schemaVersion);
  // library.json of an older version, and shards of an earlier format, are rewritten before the
  // backup, which then holds them as written: no backup this build takes is one a build without
  // the annotation log opens (a version 3 library.json restored by it would drop the logs' changes).
  const upgraded =
    (manifest.schemaVersion < MANIFEST_VERSION || read.outdated.length > 0) &&
    (await migrateShards(files, data, read.outdated, options));
  await backUp(paths, options, async () =>
    upgraded
      ? writtenContents(options.fsys, paths, files, backedUp, read.texts)
      : { manifestText, shardTexts: read.texts },
  );
  await removeUnnamedShards(options.fsys, paths, files.currentFiles());
  return { data, files, created: false, recovery: null };
}

/**
 * Rewrites shards of an earlier format as this version writes them, and library.json in this
 * version (once; an older manifest alone is one small write, which an older build then refuses).
 * It is an ordinary catalog write, so a kill leaves library.json naming the old files or the new
 * ones; one that fails (a full disk) leaves the old ones, read again next time, and every later
 * catalog write brings library.json up to date.
 */
async function migrateShards(
  files: CatalogFiles,
  data: CatalogData,
  outdated: readonly number[],
  options: StoreOptions,
): Promise<boolean> {
  try {
    await files.rewriteShards(data, outdated);
    return true;
  } catch (error) {
    const code = errnoOf(error);
    if (code === null) throw error;
    options.notices({
      level: 'warning',
      message: `Lectern could not rewrite the catalog's files (library.json, catalog/) in this version's format (${code}); it reads them as they are and tries again next time.`,
    });
    return false;
  }
}

/** What a backup copies: library.json's text, and the shard files backups/catalog/ lacks. */
interface BackupContents {
  manifestText: string;
  shardTexts: ReadonlyMap<string, string>;
}

/**
 * A backup that cannot be written (a full disk at start, above all), or whose files cannot be
 * read back, must not keep the library from opening: the library opens without it, and the user
 * is told why.
 */
async function backUp(
  paths: LibraryPaths,
  options: StoreOptions,
  contents: () => Promise<BackupContents>,
): Promise<void> {
  try {
    const { manifestText, shardTexts } = await contents();
    await backUpCatalog(options.fsys, paths, options.now(), manifestText, shardTexts);
  } catch (error) {
    const code = errnoOf(error);
    if (code === null) throw error;
    const diskFull = code === 'ENOSPC' || code === 'EDQUOT';
    options.notices({
      level: 'warning',
      message: diskFull
        ? 'The disk is full: Lectern opened the library without taking its backup of library.json. Free some space, or changes you make may not be saved.'
        : `Lectern could not back up library.json (${code}); the library opened without a new backup.`,
    });
  }
}

/**
 * library.json as this open wrote it, and the shard files it names that backups/catalog/ lacks:
 * those read at open (`read`), the ones written since read back (once, at the open that wrote them).
 */
async function writtenContents(
  fsys: FileSystem,
  paths: LibraryPaths,
  files: CatalogFiles,
  backedUp: ReadonlySet<string>,
  read: ReadonlyMap<string, string>,
): Promise<BackupContents> {
  const missing = files.currentFiles().filter((file) => !backedUp.has(file));
  const readBack = async (file: string) =>
    (await fsys.readFile(path.join(paths.catalogDir, file))).toString('utf8');
  const texts = await Promise.all(missing.map(async (file) => read.get(file) ?? (await readBack(file))));
  const manifestText = textOfFile(await fsys.readFile(paths.libraryJson));
  return { manifestText, shardTexts: new Map(missing.map((file, index) => [file, texts[index] ?? ''])) };
}

/** Shard files library.json does not name: written by a change a kill cut short, or replaced by one. */
async function removeUnnamedShards(fsys: FileSystem, paths: LibraryPaths, current: string[]): Promise<void> {
  const named = new Set(current);
  const names = await fsys.readdir(paths.catalogDir).catch(() => [] as string[]);
  const unnamed = names.filter((name) => shardIndexOfName(name) !== null && !named.has(name));
  await Promise.all(
    unnamed.map((name) => fsys.unlink(path.join(paths.catalogDir, name)).catch(() => undefined)),
  );
}

/**
 * Keeps the corrupt library.json aside (a link: it stays in place until the restored one replaces
 * it, so a kill before that restores again) and restores the newest backup that reads, or empty data.
 */
async function restoreFromBackup(
  paths: LibraryPaths,
  options: StoreOptions,
  migrations: MigrationTable,
): Promise<OpenedStore> {
  const asidePath = await keepAside(options.fsys, paths.libraryJson, fileTimestamp(options.now()));
  const aside = path.basename(asidePath ?? paths.libraryJson);
  const backup = await newestReadableBackup(options.fsys, paths, migrations);
  let restored: { data: CatalogData; notice: LibraryNotice } | null = null;
  if (backup !== null) {
    const message = `library.json could not be read; it was moved to ${aside} and the library was restored from the backup ${backup.backupName}.`;
    restored = { data: toCatalogData(backup.data), notice: { level: 'warning', message } };
  }
  restored ??= {
    data: emptyCatalogData(),
    notice: {
      level: 'error',
      message: `library.json could not be read; it was moved to ${aside}. No usable backup was found, so the library was rebuilt from the document files in its folder.`,
    },
  };
  const { data, notice } = restored;
  const files = CatalogFiles.empty(options.fsys, paths);
  const { id } = await options.keepAround(notice, paths.libraryJson, () => files.writeAll(data));
  return { data, files, created: false, recovery: { id, notice }, foundAt: 0 };
}
