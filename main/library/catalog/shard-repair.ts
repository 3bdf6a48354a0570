/**
 * Reads the shard files library.json names, and repairs the ones that are missing, torn or
 * corrupt: each is moved aside and its records restored from the newest backup that holds them
 * (what the backup lacks, the caller brings back from the folder); never silently emptied.
 */
import path from 'node:path';
import type { DocumentId, LibraryNotice } from '../../../preload/api';
import { CorruptFileError, moveAside, readTextIfExists } from '../storage/durable-file';
import type { FileSystem } from '../storage/file-system';
import { type LibraryPaths, fileTimestamp } from '../storage/paths';
import type { MigrationTable } from '../storage/versioned';
import { shardFromBackups } from './catalog-backups';
import { CatalogFiles } from './catalog-files';
import type { CatalogManifest } from './manifest';
import type { DocumentRecord, LibraryData } from './records';
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
  documents: Record<string, DocumentRecord>;
  /** The ids each shard holds. */
  members: Set<DocumentId>[];
  /** Each good shard file's text, by name (for the backup). */
  texts: Map<string, string>;
  bad: BadShard[];
}

/** Reads and checks every shard file the manifest names, in parallel; throws only unexpected errors. */
export async function readShards(
  fsys: FileSystem,
  paths: LibraryPaths,
  manifest: CatalogManifest,
  migrations: MigrationTable,
): Promise<ReadShards> {
  const read: ReadShards = { documents: {}, members: [], texts: new Map(), bad: [] };
  const parts = await Promise.all(
    manifest.shards.map(async ({ file, count }, index) => {
      if (file === null) return {};
      const filePath = path.join(paths.catalogDir, file);
      const text = await readTextIfExists(fsys, filePath);
      if (text === null) {
        read.bad.push({ index, file, reason: 'missing', present: false });
        return {};
      }
      try {
        const documents = decodeShard(text, filePath, { index, count }, migrations);
        read.texts.set(file, text);
        return documents;
      } catch (error) {
        if (!(error instanceof CorruptFileError)) throw error;
        read.bad.push({ index, file, reason: error.message, present: true });
        return {};
      }
    }),
  );
  for (const documents of parts) {
    read.members.push(new Set(Object.keys(documents)));
    Object.assign(read.documents, documents);
  }
  return read;
}

interface RepairContext {
  fsys: FileSystem;
  paths: LibraryPaths;
  now: () => Date;
  migrations: MigrationTable;
}

/**
 * Moves each bad shard aside, puts the records a backup holds for it into `data` (changed in place)
 * and writes the repaired shards and library.json. Returns the writer and what to tell the user.
 */
export async function repairShards(
  context: RepairContext,
  manifest: CatalogManifest,
  read: ReadShards,
  data: LibraryData,
): Promise<{ files: CatalogFiles; notice: LibraryNotice }> {
  const { fsys, paths, now, migrations } = context;
  const shards = [...manifest.shards];
  const restoredIds: DocumentId[] = [];
  const said: string[] = [];
  for (const bad of read.bad.toSorted((a, b) => a.index - b.index)) {
    const where = `catalog/${bad.file}`;
    const aside = bad.present
      ? path.basename(await moveAside(fsys, path.join(paths.catalogDir, bad.file), fileTimestamp(now())))
      : null;
    shards[bad.index] = { file: null, count: 0 };
    const backup = await shardFromBackups(
      fsys,
      paths,
      { index: bad.index, count: shards.length },
      migrations,
    );
    for (const record of backup?.records ?? []) {
      data.documents[record.id] = record;
      restoredIds.push(record.id);
    }
    const problem = bad.present
      ? `could not be read (${bad.reason}); it was moved to ${aside}`
      : 'is missing';
    const outcome =
      backup === null
        ? 'no backup held its records, so its documents were brought back from the document files in the folder'
        : `its ${backup.records.length} records were restored from the backup ${backup.backupName}`;
    said.push(`${where} ${problem}, and ${outcome}.`);
  }
  const files = new CatalogFiles(fsys, paths, shards, read.members);
  await files.write(data, restoredIds);
  return { files, notice: { level: 'warning', message: `Part of the library's catalog: ${said.join(' ')}` } };
}
