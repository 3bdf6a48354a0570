/**
 * Reads the shard files library.json names, and repairs the ones that are missing, torn or
 * corrupt: each is kept aside (a link: it stays named until the repaired library.json is written)
 * and its records restored from the newest backup that holds them (what the backup lacks, the
 * caller brings back from the folder); never silently emptied.
 */
import path from 'node:path';
import type { DocumentId } from '../../../preload/api';
import type { HeldNotice, KeepAround } from '../app/notices';
import { CorruptFileError, readTextIfExists } from '../storage/durable-file';
import { keepAside } from '../storage/set-aside';
import type { FileSystem } from '../storage/file-system';
import { type LibraryPaths, fileTimestamp } from '../storage/paths';
import type { MigrationTable } from '../storage/versioned';
import { newestReadableBackup } from './catalog-backups';
import { CatalogFiles } from './catalog-files';
import type { CatalogManifest } from './manifest';
import type { CatalogData, DocumentRecord } from './records';
import { decodeShard } from './shards';

/** A shard that could not be read: its file (as named) and why. */
export interface BadShard {
  index: number;
  file: string;
  reason: string;
  /** The file exists (and is to be moved aside). */
  present: boolean;
}

export interface ReadShards {
  /** Every good shard's records, in the shards' order. */
  documents: Map<DocumentId, DocumentRecord>;
  /** The ids each shard holds, in order. */
  members: DocumentId[][];
  /** The text of each good shard file backups/catalog/ lacks, by name (for the backup). */
  texts: Map<string, string>;
  bad: BadShard[];
  /** Good shards in a format before this version's (rewritten at open). */
  outdated: number[];
}

/** Reads and checks every shard file the manifest names, in parallel; throws only unexpected errors. */
export async function readShards(
  fsys: FileSystem,
  paths: LibraryPaths,
  manifest: CatalogManifest,
  migrations: MigrationTable,
  backedUp: ReadonlySet<string>,
): Promise<ReadShards> {
  const read: ReadShards = { documents: new Map(), members: [], texts: new Map(), bad: [], outdated: [] };
  const parts = await Promise.all(
    manifest.shards.map(async ({ file, count }, index): Promise<DocumentRecord[]> => {
      if (file === null) return [];
      const filePath = path.join(paths.catalogDir, file);
      const text = await readTextIfExists(fsys, filePath);
      if (text === null) {
        read.bad.push({ index, file, reason: 'missing', present: false });
        return [];
      }
      try {
        const { records, current } = decodeShard(text, filePath, { index, count }, migrations);
        if (!backedUp.has(file)) read.texts.set(file, text);
        if (!current) read.outdated.push(index);
        return records;
      } catch (error) {
        if (!(error instanceof CorruptFileError)) throw error;
        read.bad.push({ index, file, reason: error.message, present: true });
        return [];
      }
    }),
  );
  for (const records of parts) {
    const ids: DocumentId[] = [];
    for (const record of records) {
      ids.push(record.id);
      read.documents.set(record.id, record);
    }
    read.members.push(ids);
  }
  return read;
}

interface RepairContext {
  fsys: FileSystem;
  paths: LibraryPaths;
  now: () => Date;
  migrations: MigrationTable;
  keepAround: KeepAround;
}

/**
 * Moves each bad shard aside and puts back, from the newest backup that reads, every record the
 * good shards lack (into `data`, changed in place, and the first bad shard); then writes them and
 * library.json. A record the backup has but the folder no longer proves (deleted since) is taken
 * off again by the caller's reconciliation with the folder, which also brings back what the
 * backup lacks. Returns the writer and what to tell the user.
 */
export async function repairShards(
  context: RepairContext,
  manifest: CatalogManifest,
  read: ReadShards,
  data: CatalogData,
): Promise<{ files: CatalogFiles; recovery: HeldNotice }> {
  const { fsys, paths, now, migrations } = context;
  const shards = [...manifest.shards];
  const said: string[] = [];
  const bads = read.bad.toSorted((a, b) => a.index - b.index);
  for (const bad of bads) {
    shards[bad.index] = { file: null, count: 0 };
    if (!bad.present) {
      said.push(`catalog/${bad.file} is missing.`);
      continue;
    }
    // A link: the file stays where library.json names it until the repaired library.json is written.
    const file = path.join(paths.catalogDir, bad.file);
    const aside = (await keepAside(fsys, file, fileTimestamp(now()))) ?? file;
    said.push(
      `catalog/${bad.file} could not be read (${bad.reason}); it was moved to ${path.basename(aside)}.`,
    );
  }
  const backup = await newestReadableBackup(fsys, paths, migrations);
  const restored = Object.values(backup?.data.documents ?? {}).filter(
    (record) => !read.documents.has(record.id),
  );
  for (const record of restored) data.documents.set(record.id, record);
  const files = new CatalogFiles(fsys, paths, shards, read.members, manifest.schemaVersion);
  const restoredIds = restored.map((record) => record.id);
  files.placeIn(bads[0]?.index ?? 0, restoredIds);
  const outcome =
    backup === null
      ? 'No backup could be read, so its documents were brought back from the document files in the folder.'
      : `${restored.length} records the rest of the catalog lacks were restored from the backup ${backup.backupName}.`;
  const notice = {
    level: 'warning',
    message: `Part of the library's catalog: ${said.join(' ')} ${outcome}`,
  } as const;
  // The repaired library.json is the commit point: its notice is kept on disk before it.
  const { id } = await context.keepAround(notice, paths.libraryJson, () =>
    files.writeSome(data, restoredIds),
  );
  return { files, recovery: { id, notice } };
}
