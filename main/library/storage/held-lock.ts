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
import { LOCK_REFRESH_MS, LOCK_STALE_MS, type LockOwner, readOwner, sameOwner, tryLock } from './lock';
import { type LockFileReader, type LockReading, readLockFileText, readLockOwner } from './lock-reading';
import type { LibraryPaths } from './paths';

export { lockedFileSystem } from './locked-file-system';

export class HeldLock {
  private lost = false;
  /** When this process last refreshed the lock file: another may take it over LOCK_STALE_MS later. */
  private lastRefreshMs = Date.now();
  private released = false;
  private reading: Promise<LockReading> | null = null;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly paths: LibraryPaths,
    private readonly me: LockOwner,
    private readonly notify: (notice: LibraryNotice) => void,
    private readonly readLockFile: LockFileReader = readLockFileText,
  ) {
    this.timer = setInterval(() => void this.refresh(), LOCK_REFRESH_MS);
    this.timer.unref();
  }

  /**
   * Resolves when this process owns the lock (taking it back if it can); throws ELOCKLOST when
   * another process proved to own it. A read that proves nothing (it failed, or met a lock file
   * being written) fails this one write with EAGAIN and loses nothing: under load a read can
   * fail, and telling the user "another process opened this library" then was a false alarm.
   */
  async assertHeld(): Promise<void> {
    if (this.released) throw ioError(LOCK_LOST_CODE, 'the library was closed');
    const reading = await this.currentOwner();
    // Closed while reading: release() may have removed the lock file; that proves no other owner.
    if (this.released) throw ioError(LOCK_LOST_CODE, 'the library was closed');
    if (reading.kind === 'owner' && sameOwner(reading.owner, this.me)) return;
    if (reading.kind === 'unreadable') {
      throw ioError('EAGAIN', `the library’s lock file could not be read (${reading.reason}); try again`);
    }
    // Missing while ours: nobody else holds it, so it is quietly made again (when nothing changed).
    if (reading.kind === 'missing' && !this.lost && (await this.takeBack(false))) return;
    if (!this.lost) {
      this.lost = true;
      this.notify({
        level: 'error',
        message:
          'This library was opened by another Lectern process while this one was not responding. ' +
          'This window stopped saving changes so as not to overwrite them; close it and use the other window.',
      });
    }
    if (await this.takeBack(true)) return;
    throw ioError(LOCK_LOST_CODE, 'the library is open in another Lectern process');
  }

  /** Who owns the lock; checks made while one is reading share its answer (one small read). */
  private currentOwner(): Promise<LockReading> {
    this.reading ??= readLockOwner(this.readLockFile, this.paths.lockFile).finally(
      () => (this.reading = null),
    );
    return this.reading;
  }

  /** Takes the lock back when it is free and nothing in the library changed since this process had it. */
  private async takeBack(tell: boolean): Promise<boolean> {
    if (await this.changedSinceOurs()) return false;
    if (this.released) return false;
    if (!(await tryLock(this.paths.lockFile, this.me))) {
      // A concurrent write of this process may just have taken it back.
      return sameOwner((await readOwner(this.paths.lockFile))?.owner ?? null, this.me);
    }
    this.lost = false;
    this.lastRefreshMs = Date.now();
    if (tell)
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
    // A refresh or a write may be reading the lock: it must not find it gone (and take it back).
    await this.reading?.catch(() => undefined);
    const current = await readOwner(this.paths.lockFile);
    if (sameOwner(current?.owner ?? null, this.me)) await fs.rm(this.paths.lockFile, { force: true });
  }
}
