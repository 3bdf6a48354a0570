/**
 * Opens library.json: read, migrate, validate, back up; a corrupt file is moved aside and
 * the newest good backup restored (never overwritten with defaults), with a notice saying so
 * that the caller completes once it has reconciled the backup with the folder.
 */
import path from 'node:path';
import type { LibraryNotice } from '../../../preload/api';
import {
  CorruptFileError,
  TEMP_FILE_MARK,
  DurableJsonAdapter,
  copyFileDurable,
  moveAside,
  parseJsonOrCorrupt,
  readTextIfExists,
} from '../storage/durable-file';
import { errnoOf } from '../storage/failures';
import type { FileSystem } from '../storage/file-system';
import { type LibraryPaths, fileTimestamp } from '../storage/paths';
import type { MigrationTable } from '../storage/versioned';
import { MIGRATIONS, decodeLibraryJson } from './migrations';
import { type LibraryData, emptyLibraryData } from './records';

export const BACKUPS_KEPT = 10;
const BACKUP_NAME = /^library-.*\.json$/;

export interface OpenedStore {
  data: LibraryData;
  adapter: DurableJsonAdapter<LibraryData>;
  /** True when there was no library.json: a new library. */
  created: boolean;
  /**
   * When library.json was corrupt: what to tell the user (restored from which backup). The
   * caller raises it once the folder has been reconciled with the restored state.
   */
  recovery: LibraryNotice | null;
}

export interface StoreOptions {
  fsys: FileSystem;
  now: () => Date;
  notices: (notice: LibraryNotice) => void;
  migrations?: MigrationTable;
}

export async function openStore(paths: LibraryPaths, options: StoreOptions): Promise<OpenedStore> {
  const migrations = options.migrations ?? MIGRATIONS;
  let migratedFrom: number | null = null;
  const adapter = new DurableJsonAdapter<LibraryData>(options.fsys, paths.libraryJson, (raw) => {
    const decoded = decodeLibraryJson(raw, paths.libraryJson, migrations);
    migratedFrom = decoded.migratedFrom;
    return decoded.data;
  });
  // The backup copies the file as read while it is parsed and checked (at 100,000 documents the
  // copy cost as much as the checks); it is kept only once the file has proved good.
  const backup = startBackup(paths, options);
  let data: LibraryData | null;
  try {
    data = await adapter.read();
  } catch (error) {
    await backup.discard();
    if (!(error instanceof CorruptFileError)) throw error;
    const restored = await recoverFromBackup(paths, options, migrations);
    await adapter.write(restored.data);
    return { data: restored.data, adapter, created: false, recovery: restored.notice };
  }
  if (data === null) {
    await backup.discard();
    const empty = emptyLibraryData();
    await adapter.write(empty);
    return { data: empty, adapter, created: true, recovery: null };
  }
  // The snapshot is of the file as read (before any migration rewrites it).
  await backup.keep();
  if (migratedFrom !== null) await adapter.write(data);
  return { data, adapter, created: false, recovery: null };
}

interface PendingBackup {
  /** The file proved good: keep the copy (and only the newest BACKUPS_KEPT), or say why there is none. */
  keep(): Promise<void>;
  /** The file was missing, corrupt or too new: remove the copy, so no good backup is pushed out. */
  discard(): Promise<void>;
}

/** Starts copying library.json into backups/ while the caller reads it. */
function startBackup(paths: LibraryPaths, options: StoreOptions): PendingBackup {
  const target = path.join(paths.backupsDir, `library-${fileTimestamp(options.now())}.json`);
  // Under a temp name until kept: a discarded copy must never replace a backup of the same name,
  // and one left by a crash is cleaned up with the other temp files.
  const pending = `${target}${TEMP_FILE_MARK}pending`;
  const copied: Promise<unknown> = (async () => {
    await options.fsys.mkdir(paths.backupsDir);
    await copyFileDurable(options.fsys, paths.libraryJson, pending);
  })().then(
    () => null,
    (error: unknown) => error ?? new Error('backup failed'),
  );
  return {
    keep: async () => {
      const failure =
        (await copied) ??
        (await options.fsys.rename(pending, target).then(
          () => null,
          (e: unknown) => e,
        ));
      if (failure === null) await pruneBackups(options.fsys, paths);
      else sayWhyNoBackup(failure, options);
    },
    discard: async () => {
      if ((await copied) === null) await options.fsys.unlink(pending).catch(() => undefined);
    },
  };
}

/**
 * A backup that cannot be written (a full disk at start, above all) must not keep the library
 * from opening: the library opens without it, and the user is told why.
 */
function sayWhyNoBackup(error: unknown, options: StoreOptions): void {
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

/** Moves the corrupt library.json aside and returns the newest backup that decodes, or empty data. */
async function recoverFromBackup(
  paths: LibraryPaths,
  options: StoreOptions,
  migrations: MigrationTable,
): Promise<{ data: LibraryData; notice: LibraryNotice }> {
  const asidePath = await moveAside(options.fsys, paths.libraryJson, fileTimestamp(options.now()));
  const aside = path.basename(asidePath);
  for (const backupName of await listBackups(options.fsys, paths)) {
    const backupPath = path.join(paths.backupsDir, backupName);
    try {
      const text = await readTextIfExists(options.fsys, backupPath);
      if (text === null) continue;
      const { data } = decodeLibraryJson(parseJsonOrCorrupt(backupPath, text), backupPath, migrations);
      const message = `library.json could not be read; it was moved to ${aside} and the library was restored from the backup ${backupName}.`;
      return { data, notice: { level: 'warning', message } };
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
    }
  }
  const message = `library.json could not be read; it was moved to ${aside}. No usable backup was found, so the library was rebuilt from the document files in its folder.`;
  return { data: emptyLibraryData(), notice: { level: 'error', message } };
}

/** Backup file names, newest first (the timestamp in the name sorts lexically). */
export async function listBackups(fsys: FileSystem, paths: LibraryPaths): Promise<string[]> {
  const names = await fsys.readdir(paths.backupsDir).catch(() => []);
  return names
    .filter((name) => BACKUP_NAME.test(name))
    .toSorted()
    .toReversed();
}

/** Copies library.json into backups/ and keeps only the newest BACKUPS_KEPT. */
export async function backUpLibraryJson(fsys: FileSystem, paths: LibraryPaths, date: Date): Promise<void> {
  await fsys.mkdir(paths.backupsDir);
  const target = path.join(paths.backupsDir, `library-${fileTimestamp(date)}.json`);
  await copyFileDurable(fsys, paths.libraryJson, target);
  await pruneBackups(fsys, paths);
}

/** Keeps only the newest BACKUPS_KEPT backups. */
async function pruneBackups(fsys: FileSystem, paths: LibraryPaths): Promise<void> {
  const stale = (await listBackups(fsys, paths)).slice(BACKUPS_KEPT);
  await Promise.all(
    stale.map((name) => fsys.unlink(path.join(paths.backupsDir, name)).catch(() => undefined)),
  );
}
