/**
 * backups/annotations/<id>.json: a document's annotations file as it was before its last rewrite,
 * what a file found corrupt is replaced with.
 */
import path from 'node:path';
import {
  CorruptFileError,
  claimTempPath,
  parseJsonOrCorrupt,
  readTextIfExists,
} from '../storage/durable-file';
import { errnoOf } from '../storage/failures';
import type { FileSystem } from '../storage/file-system';
import type { LibraryPaths } from '../storage/paths';
import { type AnnotationsData, decodeAnnotations } from './annotation-format';

/** The backed-up annotations of a document, or null (none, or not readable). */
export async function readAnnotationsBackup(
  fsys: FileSystem,
  paths: LibraryPaths,
  id: string,
): Promise<AnnotationsData | null> {
  const backupPath = paths.annotationsBackupFile(id);
  try {
    const text = await readTextIfExists(fsys, backupPath);
    return text === null ? null : decodeAnnotations(parseJsonOrCorrupt(backupPath, text), backupPath).data;
  } catch (error) {
    if (error instanceof CorruptFileError) return null;
    throw error;
  }
}

/**
 * Keeps the file as it is (known good, durable) before it is rewritten, so that a file found
 * corrupt later loses at most the changes since: a hard link keeps it under the backup's name
 * when the rewrite renames a new file over it, at the cost of no copy and no fsync. It runs
 * beside the new version's write and fsync (the rename waits for it). Best effort: the change
 * itself matters more.
 */
export async function backUpAnnotations(fsys: FileSystem, paths: LibraryPaths, id: string): Promise<void> {
  const backupPath = paths.annotationsBackupFile(id);
  const temp = claimTempPath(backupPath);
  const link = () => fsys.link(paths.annotationsFile(id), temp.path);
  try {
    // The folder is made only when missing (once per library): one step less beside each write.
    await link().catch(async (error: unknown) => {
      if (errnoOf(error) !== 'ENOENT') throw error;
      await fsys.mkdir(path.dirname(backupPath));
      await link();
    });
    await fsys.rename(temp.path, backupPath);
  } catch (error) {
    await fsys.unlink(temp.path).catch(() => undefined);
    if (errnoOf(error) === null) throw error;
    console.error(`Could not back up the annotations of ${id}`, error);
  } finally {
    temp.release();
  }
}
