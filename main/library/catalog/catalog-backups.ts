/**
 * Backups of the catalog: backups/library-<time>.json is a copy of library.json as opened, and
 * backups/catalog/ holds the shard files those copies name. Shard files never change once
 * written, so each is copied once: an open copies only the shards changed since the last one.
 * Backups from before the split (the whole catalog in one library-<time>.json) still restore.
 */
import path from 'node:path';
import {
  CorruptFileError,
  parseJsonOrCorrupt,
  readTextIfExists,
  writeFileDurable,
} from '../storage/durable-file';
import type { FileSystem } from '../storage/file-system';
import { type LibraryPaths, fileTimestamp } from '../storage/paths';
import type { MigrationTable } from '../storage/versioned';
import { type CatalogManifest, decodeCatalogFile, isManifestVersion } from './manifest';
import { type DocumentRecord, type LibraryData, SCHEMA_VERSION } from './records';
import { decodeShard } from './shards';

export const BACKUPS_KEPT = 10;
const BACKUP_NAME = /^library-.*\.json$/;
/** The version at the start of library.json as written (serializeManifest, or a one-file catalog). */
const MANIFEST_HEAD = /^\uFEFF?\{\s*"schemaVersion":\s*(\d+)/;

/** Backup file names, newest first (the timestamp in the name sorts lexically). */
export async function listBackups(fsys: FileSystem, paths: LibraryPaths): Promise<string[]> {
  const names = await fsys.readdir(paths.backupsDir).catch(() => []);
  return names
    .filter((name) => BACKUP_NAME.test(name))
    .toSorted()
    .toReversed();
}

/**
 * Backs up library.json as read (`manifestText`) and the shard files it names that backups/catalog/
 * lacks (`shardTexts`, as read and checked), then keeps only the newest BACKUPS_KEPT.
 */
export async function backUpCatalog(
  fsys: FileSystem,
  paths: LibraryPaths,
  date: Date,
  manifestText: string,
  shardTexts: ReadonlyMap<string, string>,
): Promise<void> {
  if (shardTexts.size > 0) {
    await fsys.mkdir(paths.catalogBackupsDir);
    const held = new Set(await fsys.readdir(paths.catalogBackupsDir));
    const missing = [...shardTexts].filter(([file]) => !held.has(file));
    // Shards before the manifest: a backup never names a file it does not have.
    await Promise.all(
      missing.map(([file, text]) => writeFileDurable(fsys, path.join(paths.catalogBackupsDir, file), text)),
    );
  }
  await writeFileDurable(
    fsys,
    path.join(paths.backupsDir, `library-${fileTimestamp(date)}.json`),
    manifestText,
  );
  await pruneBackups(fsys, paths);
}

/** Keeps the newest BACKUPS_KEPT backups, and the shard files they name. */
async function pruneBackups(fsys: FileSystem, paths: LibraryPaths): Promise<void> {
  const backups = await listBackups(fsys, paths);
  const stale = backups.slice(BACKUPS_KEPT);
  await Promise.all(
    stale.map((name) => fsys.unlink(path.join(paths.backupsDir, name)).catch(() => undefined)),
  );
  const pool = await fsys.readdir(paths.catalogBackupsDir).catch(() => [] as string[]);
  if (pool.length === 0) return;
  const named = new Set<string>();
  for (const name of backups.slice(0, BACKUPS_KEPT)) {
    const manifest = await readBackupManifest(fsys, path.join(paths.backupsDir, name));
    for (const entry of manifest?.shards ?? []) if (entry.file !== null) named.add(entry.file);
  }
  const unnamed = pool.filter((file) => !named.has(file));
  await Promise.all(
    unnamed.map((file) => fsys.unlink(path.join(paths.catalogBackupsDir, file)).catch(() => undefined)),
  );
}

/** A backup's manifest; null for a one-file backup (read without parsing its megabytes) or a bad one. */
async function readBackupManifest(fsys: FileSystem, filePath: string): Promise<CatalogManifest | null> {
  try {
    const head = (await fsys.readRange(filePath, 0, 64)).toString('utf8');
    const version = MANIFEST_HEAD.exec(head)?.[1];
    // A file not starting as Lectern writes it (hand-edited) is parsed to find out.
    if (version !== undefined && !isManifestVersion(Number(version))) return null;
    const text = await readTextIfExists(fsys, filePath);
    if (text === null) return null;
    const decoded = decodeCatalogFile(parseJsonOrCorrupt(filePath, text), filePath);
    return decoded.kind === 'manifest' ? decoded.manifest : null;
  } catch {
    return null;
  }
}

/**
 * The whole catalog a backup holds, or null when it (or a shard it names) is missing or corrupt;
 * throws only unexpected errors.
 */
export async function readBackupCatalog(
  fsys: FileSystem,
  paths: LibraryPaths,
  backupName: string,
  migrations?: MigrationTable,
): Promise<LibraryData | null> {
  const backupPath = path.join(paths.backupsDir, backupName);
  try {
    const text = await readTextIfExists(fsys, backupPath);
    if (text === null) return null;
    const decoded = decodeCatalogFile(parseJsonOrCorrupt(backupPath, text), backupPath, migrations);
    if (decoded.kind === 'single') return decoded.data;
    const { manifest } = decoded;
    const documents: Record<string, DocumentRecord> = {};
    for (let index = 0; index < manifest.shards.length; index++) {
      const shard = await readBackupShard(fsys, paths, manifest, index, migrations);
      if (shard === null) return null;
      for (const record of shard) documents[record.id] = record;
    }
    return { schemaVersion: SCHEMA_VERSION, documents, settings: manifest.settings };
  } catch (error) {
    if (error instanceof CorruptFileError) return null;
    throw error;
  }
}

async function readBackupShard(
  fsys: FileSystem,
  paths: LibraryPaths,
  manifest: CatalogManifest,
  index: number,
  migrations?: MigrationTable,
): Promise<DocumentRecord[] | null> {
  const entry = manifest.shards[index];
  if (entry === undefined || entry.file === null) return [];
  const filePath = path.join(paths.catalogBackupsDir, entry.file);
  const text = await readTextIfExists(fsys, filePath);
  if (text === null) return null;
  return decodeShard(text, filePath, { index, count: entry.count }, migrations).records;
}

/** The newest backup that reads as a whole, with its name; null when none does. */
export async function newestReadableBackup(
  fsys: FileSystem,
  paths: LibraryPaths,
  migrations?: MigrationTable,
): Promise<{ data: LibraryData; backupName: string } | null> {
  for (const backupName of await listBackups(fsys, paths)) {
    const data = await readBackupCatalog(fsys, paths, backupName, migrations);
    if (data !== null) return { data, backupName };
  }
  return null;
}
