/**
 * Opens library.json: read, migrate, validate, back up; a corrupt file is moved aside and
 * the newest good backup restored (never overwritten with defaults), with a notice saying so.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import type { LibraryNotice } from '../../preload/api';
import {
  CorruptFileError,
  DurableJsonAdapter,
  copyFileDurable,
  moveAside,
  parseJsonOrCorrupt,
  readTextIfExists,
} from './durable-file';
import { type MigrationTable, MIGRATIONS, decodeLibraryJson } from './migrations';
import { type LibraryPaths, fileTimestamp } from './paths';
import { type LibraryData, emptyLibraryData } from './records';

export const BACKUPS_KEPT = 10;
const BACKUP_NAME = /^library-.*\.json$/;

export interface OpenedStore {
  db: Low<LibraryData>;
  adapter: DurableJsonAdapter<LibraryData>;
  /** True when there was no library.json: a new library. */
  created: boolean;
}

export interface StoreOptions {
  now: () => Date;
  notices: LibraryNotice[];
  migrations?: MigrationTable;
}

export async function openStore(paths: LibraryPaths, options: StoreOptions): Promise<OpenedStore> {
  const migrations = options.migrations ?? MIGRATIONS;
  let migratedFrom: number | null = null;
  const adapter = new DurableJsonAdapter<LibraryData>(paths.libraryJson, (raw) => {
    const decoded = decodeLibraryJson(raw, paths.libraryJson, migrations);
    migratedFrom = decoded.migratedFrom;
    return decoded.data;
  });
  const db = new Low<LibraryData>(adapter, emptyLibraryData());
  let data: LibraryData | null;
  try {
    data = await adapter.read();
  } catch (error) {
    if (!(error instanceof CorruptFileError)) throw error;
    db.data = await recoverFromBackup(paths, options, migrations);
    await db.write();
    return { db, adapter, created: false };
  }
  if (data === null) {
    await db.write();
    return { db, adapter, created: true };
  }
  db.data = data;
  // Snapshot the file as read (before any migration rewrites it).
  await backUpLibraryJson(paths, options.now());
  if (migratedFrom !== null) await db.write();
  return { db, adapter, created: false };
}

/** Moves the corrupt library.json aside and returns the newest backup that decodes, or empty data. */
async function recoverFromBackup(
  paths: LibraryPaths,
  options: StoreOptions,
  migrations: MigrationTable,
): Promise<LibraryData> {
  const asidePath = await moveAside(paths.libraryJson, fileTimestamp(options.now()));
  const aside = path.basename(asidePath);
  for (const backupName of await listBackups(paths)) {
    const backupPath = path.join(paths.backupsDir, backupName);
    try {
      const text = await readTextIfExists(backupPath);
      if (text === null) continue;
      const { data } = decodeLibraryJson(parseJsonOrCorrupt(backupPath, text), backupPath, migrations);
      options.notices.push({
        level: 'warning',
        message: `library.json could not be read; it was moved to ${aside} and the library was restored from the backup ${backupName}.`,
      });
      return data;
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
    }
  }
  options.notices.push({
    level: 'error',
    message: `library.json could not be read; it was moved to ${aside}. No usable backup was found, so the library starts empty (your document files are still in the library folder).`,
  });
  return emptyLibraryData();
}

/** Backup file names, newest first (the timestamp in the name sorts lexically). */
export async function listBackups(paths: LibraryPaths): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(paths.backupsDir);
  } catch {
    return [];
  }
  return names
    .filter((name) => BACKUP_NAME.test(name))
    .toSorted()
    .toReversed();
}

/** Copies library.json into backups/ and keeps only the newest BACKUPS_KEPT. */
export async function backUpLibraryJson(paths: LibraryPaths, date: Date): Promise<void> {
  await fs.mkdir(paths.backupsDir, { recursive: true });
  const target = path.join(paths.backupsDir, `library-${fileTimestamp(date)}.json`);
  await copyFileDurable(paths.libraryJson, target);
  const stale = (await listBackups(paths)).slice(BACKUPS_KEPT);
  await Promise.all(stale.map((name) => fs.rm(path.join(paths.backupsDir, name), { force: true })));
}

/** Coalesces writes of a file that may lag a few seconds behind memory; `now()` writes at once. */
export class DelayedWrite {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly write: () => Promise<void>,
    private readonly delayMs: number,
  ) {}

  soon(): void {
    this.timer ??= setTimeout(() => this.now(), this.delayMs);
  }

  /** Starts the pending write, if any (the adapter's flush() waits for it). */
  now(): void {
    if (this.timer === null) return;
    clearTimeout(this.timer);
    this.timer = null;
    this.write().catch((error: unknown) => console.error('Could not write library.json', error));
  }
}
