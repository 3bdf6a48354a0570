/**
 * The file system the core writes through while it holds the library's lock: every change is
 * refused unless the lock file still names this process. A durable write's check runs beside it.
 */
import { TEMP_FILE_MARK } from './durable-file';
import type { FileSystem } from './file-system';
import type { HeldLock } from './held-lock';

const isTempPath = (filePath: string): boolean => filePath.includes(TEMP_FILE_MARK);

/**
 * The file system with every change (not reads) refused while the lock is not held. A temp file
 * changes nothing the library holds until it is renamed into place: its check starts when it is
 * created and the rename waits for it, so the lock file's read runs beside the temp file's write
 * and fsync instead of before it (the check still begins after the write did). Removing a temp
 * file this process made is never refused (a refused write must not leave it behind).
 */
export function lockedFileSystem(fsys: FileSystem, lock: HeldLock): FileSystem {
  /** Per temp file made through this file system and not yet renamed: the check its rename must pass. */
  const checks = new Map<string, Promise<void>>();
  const beginCheck = (tempPath: string): void => {
    const check = lock.assertHeld();
    // Awaited by the rename; a failure before it (the write failed first) must not go unhandled.
    check.catch(() => undefined);
    checks.set(tempPath, check);
  };
  const guarded =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await lock.assertHeld();
      return call(...args);
    };
  return {
    open: async (filePath, flags) => {
      if (flags === 'wx' && isTempPath(filePath)) beginCheck(filePath);
      else if (flags !== 'r') await lock.assertHeld();
      return fsys.open(filePath, flags);
    },
    rename: async (from, to) => {
      await (checks.get(from) ?? lock.assertHeld());
      await fsys.rename(from, to);
      // Kept until now: a temp file whose rename was refused or failed is still this process's to remove.
      checks.delete(from);
    },
    link: async (existing, newPath) => {
      if (isTempPath(newPath)) beginCheck(newPath);
      else await lock.assertHeld();
      return fsys.link(existing, newPath);
    },
    unlink: async (filePath) => {
      if (checks.delete(filePath)) return fsys.unlink(filePath);
      await lock.assertHeld();
      return fsys.unlink(filePath);
    },
    truncate: guarded((filePath: string, length: number) => fsys.truncate(filePath, length)),
    mkdir: guarded((dirPath: string) => fsys.mkdir(dirPath)),
    removeTree: guarded((dirPath: string) => fsys.removeTree(dirPath)),
    stat: (filePath) => fsys.stat(filePath),
    readFile: (filePath) => fsys.readFile(filePath),
    readRange: (filePath, position, length) => fsys.readRange(filePath, position, length),
    readSmallFile: (filePath, maxBytes) => fsys.readSmallFile(filePath, maxBytes),
    readdir: (dirPath) => fsys.readdir(dirPath),
  };
}
