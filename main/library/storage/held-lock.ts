/**
 * Keeping the library's lock while it is open: before every write the lock file must still
 * name this process (another one may have taken it over after this one stalled), otherwise the
 * write is refused as 'read-only' and the user told. The lock is taken back when it is free
 * again and nobody wrote to the library in between; then writes resume.
 */
import fs from 'node:fs/promises';
import type { LibraryNotice } from '../../../preload/api';
import { ioError } from './durable-file';
import { LOCK_LOST_CODE } from './failures';
import type { FileSystem } from './file-system';
import {
  LOCK_REFRESH_MS,
  LOCK_STALE_MS,
  type LockOwner,
  ownerFromText,
  readOwner,
  sameOwner,
  tryLock,
} from './lock';
import type { LibraryPaths } from './paths';

export class HeldLock {
  private lost = false;
  /** When this process last refreshed the lock file: another may take it over LOCK_STALE_MS later. */
  private lastRefreshMs = Date.now();
  private released = false;
  private reading: Promise<LockOwner | null> | null = null;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly paths: LibraryPaths,
    private readonly me: LockOwner,
    private readonly notify: (notice: LibraryNotice) => void,
  ) {
    this.timer = setInterval(() => void this.refresh(), LOCK_REFRESH_MS);
    this.timer.unref();
  }

  /** Resolves when this process owns the lock (taking it back if it can); throws ELOCKLOST if not. */
  async assertHeld(): Promise<void> {
    if (this.released) throw ioError(LOCK_LOST_CODE, 'the library was closed');
    if (sameOwner(await this.currentOwner(), this.me)) return;
    if (!this.lost) {
      this.lost = true;
      this.notify({
        level: 'error',
        message:
          'This library was opened by another Lectern process while this one was not responding. ' +
          'This window stopped saving changes so as not to overwrite them; close it and use the other window.',
      });
    }
    if (await this.takeBack()) return;
    throw ioError(LOCK_LOST_CODE, 'the library is open in another Lectern process');
  }

  /** The lock file's owner; checks made while one is reading share its answer (one small read). */
  private currentOwner(): Promise<LockOwner | null> {
    this.reading ??= fs
      .readFile(this.paths.lockFile, 'utf8')
      .then(ownerFromText, () => null)
      .finally(() => (this.reading = null));
    return this.reading;
  }

  /** Takes the lock back when it is free and nothing in the library changed since this process had it. */
  private async takeBack(): Promise<boolean> {
    if (await this.changedSinceOurs()) return false;
    if (!(await tryLock(this.paths.lockFile, this.me))) {
      // A concurrent write of this process may just have taken it back.
      return sameOwner((await readOwner(this.paths.lockFile))?.owner ?? null, this.me);
    }
    this.lost = false;
    this.lastRefreshMs = Date.now();
    this.notify({
      level: 'info',
      message: 'The other Lectern process let go of this library; this window saves changes again.',
    });
    return true;
  }

  /**
   * True when a file or folder the core writes changed after another process could have taken
   * the lock (LOCK_STALE_MS after our last refresh): our own writes all came before that.
   */
  private async changedSinceOurs(): Promise<boolean> {
    const { libraryJson, documentsDir, annotationsDir, trashDir, journalDir, historyDir } = this.paths;
    const since = this.lastRefreshMs + LOCK_STALE_MS;
    for (const watched of [libraryJson, documentsDir, annotationsDir, trashDir, journalDir, historyDir]) {
      const stats = await fs.stat(watched).catch(() => null);
      if (stats !== null && stats.mtimeMs >= since) return true;
    }
    return false;
  }

  /** On a timer: keeps the lock fresh for other hosts, and finds out early that it was lost. */
  async refresh(): Promise<void> {
    try {
      await this.assertHeld();
      const now = new Date();
      await fs.utimes(this.paths.lockFile, now, now);
      this.lastRefreshMs = now.getTime();
    } catch {
      // Lost, or the refresh failed: the next write finds out and says so.
    }
  }

  /** Stops refreshing and removes the lock file, if it is still ours. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    clearInterval(this.timer);
    const current = await readOwner(this.paths.lockFile);
    if (sameOwner(current?.owner ?? null, this.me)) await fs.rm(this.paths.lockFile, { force: true });
  }
}

/** The file system with every change (not reads) refused while the lock is not held. */
export function lockedFileSystem(fsys: FileSystem, lock: HeldLock): FileSystem {
  const guarded =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await lock.assertHeld();
      return call(...args);
    };
  return {
    open: async (filePath, flags) => {
      if (flags !== 'r') await lock.assertHeld();
      return fsys.open(filePath, flags);
    },
    rename: guarded((from: string, to: string) => fsys.rename(from, to)),
    link: guarded((existing: string, newPath: string) => fsys.link(existing, newPath)),
    unlink: guarded((filePath: string) => fsys.unlink(filePath)),
    mkdir: guarded((dirPath: string) => fsys.mkdir(dirPath)),
    removeTree: guarded((dirPath: string) => fsys.removeTree(dirPath)),
    stat: (filePath) => fsys.stat(filePath),
    readFile: (filePath) => fsys.readFile(filePath),
    readRange: (filePath, position, length) => fsys.readRange(filePath, position, length),
    readdir: (dirPath) => fsys.readdir(dirPath),
  };
}
