/**
 * The library's trash: a deleted document's record, body and annotations move together into
 * trash/<id>/ so that restoring it is a move back, not a re-import.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Low } from 'lowdb';
import type { DocumentSummary, Result, TrashedDocument } from '../../preload/api';
import { fsyncDir, isErrno, readTextIfExists, writeFileDurable } from './durable-file';
import type { LibraryPaths } from './paths';
import {
  type DocumentRecord,
  type LibraryData,
  type TrashRecord,
  toSummary,
  trashRecordSchema,
} from './records';

const RECORD_FILE = 'record.json';

/** Moves a document's files into trash/<id>/ beside a record.json. */
export async function moveToTrash(
  paths: LibraryPaths,
  record: DocumentRecord,
  deletedAt: string,
): Promise<void> {
  const entryDir = paths.trashEntryDir(record.id);
  await fs.mkdir(entryDir, { recursive: true });
  const trashRecord: TrashRecord = { ...record, deletedAt };
  await writeFileDurable(path.join(entryDir, RECORD_FILE), `${JSON.stringify(trashRecord, null, 2)}\n`);
  await moveIfExists(paths.documentFile(record.id), path.join(entryDir, `${record.id}.md`));
  await moveIfExists(paths.annotationsFile(record.id), path.join(entryDir, `${record.id}.json`));
  await Promise.all([fsyncDir(entryDir), fsyncDir(paths.documentsDir), fsyncDir(paths.annotationsDir)]);
}

/** Reads one trash entry's record, or null when there is none (or it is unreadable). */
export async function readTrashRecord(paths: LibraryPaths, id: string): Promise<TrashRecord | null> {
  let text: string | null;
  try {
    text = await readTextIfExists(path.join(paths.trashEntryDir(id), RECORD_FILE));
  } catch {
    return null;
  }
  if (text === null) return null;
  try {
    const parsed = trashRecordSchema.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.id === id ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Every restorable document in the trash, most recently deleted first. */
export async function listTrash(paths: LibraryPaths): Promise<TrashedDocument[]> {
  let names: string[];
  try {
    names = await fs.readdir(paths.trashDir);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return [];
    throw error;
  }
  const records = await Promise.all(names.map((name) => readTrashRecord(paths, name)));
  return records
    .filter((record): record is TrashRecord => record !== null)
    .map(({ id, title, deletedAt }) => ({ id, title, deletedAt }))
    .toSorted((a, b) => b.deletedAt.localeCompare(a.deletedAt));
}

/** Moves a trashed document's files back; the caller re-adds the record, then calls `purgeTrashEntry`. */
export async function moveOutOfTrash(paths: LibraryPaths, id: string): Promise<void> {
  const entryDir = paths.trashEntryDir(id);
  await fs.rename(path.join(entryDir, `${id}.md`), paths.documentFile(id));
  await moveIfExists(path.join(entryDir, `${id}.json`), paths.annotationsFile(id));
  await Promise.all([fsyncDir(paths.documentsDir), fsyncDir(paths.annotationsDir)]);
}

/** Moves a trashed document's files back and records it again; the entry goes only once it is recorded. */
export async function restoreFromTrash(
  paths: LibraryPaths,
  db: Low<LibraryData>,
  id: string,
): Promise<Result<DocumentSummary>> {
  const trashed = await readTrashRecord(paths, id);
  if (trashed === null)
    return { ok: false, code: 'not-found', message: `There is no document ${id} in the trash.` };
  try {
    await moveOutOfTrash(paths, id);
  } catch (error) {
    return { ok: false, code: 'io', message: `The document could not be restored (${String(error)}).` };
  }
  const { deletedAt: _deletedAt, ...record } = trashed;
  db.data.documents[id] = record;
  await db.write();
  await purgeTrashEntry(paths, id);
  return { ok: true, value: toSummary(record) };
}

export async function purgeTrashEntry(paths: LibraryPaths, id: string): Promise<void> {
  await fs.rm(paths.trashEntryDir(id), { recursive: true, force: true });
  await fsyncDir(paths.trashDir);
}

async function moveIfExists(from: string, to: string): Promise<void> {
  try {
    await fs.rename(from, to);
  } catch (error) {
    if (!isErrno(error, 'ENOENT')) throw error;
  }
}
