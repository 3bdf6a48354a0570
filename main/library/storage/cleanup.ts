/**
 * Removes what a crash mid-write leaves behind: temp files of durable writes (ours, and the
 * numbered ones write-file-atomic made before) in the library's folders. It runs beside the
 * library's first writes (listing 100,000 documents is not worth a wait at open), so a temp file
 * a write of this process holds is never taken.
 */
import path from 'node:path';
import { isLeftoverTempFile, TEMP_FILE_MARK } from './durable-file';
import type { FileSystem } from './file-system';
import type { LibraryPaths } from './paths';

const OLD_TEMP_FILE = /\.(json|md)\.\d+$/;

const isTempFile = (name: string): boolean => name.includes(TEMP_FILE_MARK) || OLD_TEMP_FILE.test(name);

async function namesIn(fsys: FileSystem, dir: string): Promise<string[]> {
  return fsys.readdir(dir).catch(() => []);
}

/** Deletes leftover temp files; returns how many. */
export async function removeLeftoverTempFiles(fsys: FileSystem, paths: LibraryPaths): Promise<number> {
  const dirs = [
    paths.root,
    paths.documentsDir,
    paths.annotationsDir,
    paths.backupsDir,
    paths.catalogDir,
    paths.catalogBackupsDir,
    paths.annotationBackupsDir,
    paths.journalDir,
    paths.noticesDir,
    // The search index (search/persist.ts) is written there.
    path.join(paths.root, 'cache'),
  ];
  for (const parent of [paths.trashDir, paths.historyDir]) {
    for (const name of await namesIn(fsys, parent)) dirs.push(path.join(parent, name));
  }
  let removed = 0;
  for (const dir of dirs) {
    for (const name of (await namesIn(fsys, dir)).filter(isTempFile)) {
      const tempPath = path.join(dir, name);
      if (!isLeftoverTempFile(tempPath)) continue;
      await fsys.unlink(tempPath).then(
        () => (removed += 1),
        () => undefined,
      );
    }
  }
  return removed;
}
