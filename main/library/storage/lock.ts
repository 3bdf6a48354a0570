/**
 * One process owns a library: a `.lock` file created exclusively, holding the owner's pid,
 * the start time of that process and its host. A lock whose process is gone (no such pid, or
 * the pid now belongs to a process started at another time) is taken over at once; a lock
 * from another host is trusted until it stops being refreshed for LOCK_STALE_MS.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import type { LibraryPaths } from './paths';

export const LOCK_STALE_MS = 10_000;
export const LOCK_REFRESH_MS = 5_000;

/** Another process (or another open Library in this one) has the library open. */
export class LibraryLockedError extends Error {
  constructor(readonly root: string) {
    super(`The library at ${root} is already open in another Lectern window or process.`);
    this.name = 'LibraryLockedError';
  }
}

export interface LockOwner {
  pid: number;
  /** Identifies this run of the process: its start time as the OS reports it. */
  processStart: string;
  host: string;
}

/** When process `pid` started, as a string to compare (Linux: ticks after boot), or null if unknown. */
export async function processStartOf(pid: number): Promise<string | null> {
  try {
    const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime); the command name in parentheses may itself hold spaces.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return pid === process.pid ? String(Math.round(Date.now() - process.uptime() * 1000)) : null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the owner recorded in a lock file can no longer be holding it. */
export async function isStale(owner: LockOwner | null, mtimeMs: number, nowMs: number): Promise<boolean> {
  if (owner === null || owner.host !== os.hostname()) return nowMs - mtimeMs > LOCK_STALE_MS;
  if (!isRunning(owner.pid)) return true;
  const start = await processStartOf(owner.pid);
  return start !== null && start !== owner.processStart;
}

async function readOwner(lockFile: string): Promise<{ owner: LockOwner | null; mtimeMs: number } | null> {
  try {
    const [text, stats] = await Promise.all([fs.readFile(lockFile, 'utf8'), fs.stat(lockFile)]);
    let owner: LockOwner | null = null;
    try {
      const parsed = JSON.parse(text) as Partial<LockOwner>;
      if (typeof parsed.pid === 'number' && typeof parsed.processStart === 'string')
        owner = parsed as LockOwner;
    } catch {
      // A lock cut short by a crash while being written: judged by its age alone.
    }
    return { owner, mtimeMs: stats.mtimeMs };
  } catch {
    return null;
  }
}

/** Takes the lock; returns the function that releases it. */
export async function lockLibrary(paths: LibraryPaths): Promise<() => Promise<void>> {
  const me: LockOwner = {
    pid: process.pid,
    processStart: (await processStartOf(process.pid)) ?? '',
    host: os.hostname(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.writeFile(paths.lockFile, JSON.stringify(me), { flag: 'wx' });
      return holdLock(paths.lockFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const current = await readOwner(paths.lockFile);
    if (current !== null && !(await isStale(current.owner, current.mtimeMs, Date.now()))) break;
    await fs.rm(paths.lockFile, { force: true });
  }
  throw new LibraryLockedError(paths.root);
}

/** Refreshes the lock's mtime (for other hosts' staleness check) until released. */
function holdLock(lockFile: string): () => Promise<void> {
  const timer = setInterval(() => {
    const now = new Date();
    fs.utimes(lockFile, now, now).catch((error: unknown) =>
      console.error(`Lectern could not refresh the lock ${lockFile}`, error),
    );
  }, LOCK_REFRESH_MS);
  timer.unref();
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    clearInterval(timer);
    await fs.rm(lockFile, { force: true });
  };
}
