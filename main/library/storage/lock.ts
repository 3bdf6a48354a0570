/**
 * One process owns a library: a `.lock` file created exclusively, holding the owner's pid,
 * the start time of that process and its host. A lock whose process is gone (no such pid, or
 * the pid now belongs to a process started at another time) is taken over at once; a lock
 * from another host is trusted until it stops being refreshed for LOCK_STALE_MS.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import { claimTempPath } from './durable-file';
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

/** The owner a lock file's text names; null for a lock cut short by a crash (judged by its age alone). */
export function ownerFromText(text: string): LockOwner | null {
  try {
    const parsed = JSON.parse(text) as Partial<LockOwner>;
    if (typeof parsed.pid === 'number' && typeof parsed.processStart === 'string') return parsed as LockOwner;
  } catch {
    // Not JSON: cut short.
  }
  return null;
}

/** The owner recorded in a lock file and the file's mtime, or null when there is no lock file. */
export async function readOwner(
  lockFile: string,
): Promise<{ owner: LockOwner | null; mtimeMs: number } | null> {
  try {
    const [text, stats] = await Promise.all([fs.readFile(lockFile, 'utf8'), fs.stat(lockFile)]);
    return { owner: ownerFromText(text), mtimeMs: stats.mtimeMs };
  } catch {
    return null;
  }
}

export const sameOwner = (a: LockOwner | null, b: LockOwner): boolean =>
  a !== null && a.pid === b.pid && a.processStart === b.processStart && a.host === b.host;

/** This process, as a lock file records it. */
export async function currentOwner(): Promise<LockOwner> {
  return { pid: process.pid, processStart: (await processStartOf(process.pid)) ?? '', host: os.hostname() };
}

/** File systems without hard links (some network and FAT volumes) answer these to `link`. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * Creates the lock file with its owner already in it, exclusively: the owner goes into a temp file
 * that is then hard-linked into place (EEXIST if a lock exists). A plain exclusive create and write
 * could be killed in between, leaving an empty lock whose owner nobody can check, so the next
 * start would wait for it to age. The temp file, if a kill leaves it, is removed at the next open.
 */
async function createLockFile(lockFile: string, me: LockOwner): Promise<void> {
  const claimed = claimTempPath(lockFile);
  try {
    await linkLockFile(claimed.path, lockFile, me);
  } finally {
    claimed.release();
  }
}

async function linkLockFile(temp: string, lockFile: string, me: LockOwner): Promise<void> {
  await fs.writeFile(temp, JSON.stringify(me));
  try {
    await fs.link(temp, lockFile);
  } catch (error) {
    if (!NO_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    await fs.writeFile(lockFile, JSON.stringify(me), { flag: 'wx' });
  } finally {
    await fs.rm(temp, { force: true });
  }
}

/**
 * Takes the lock for `me` when it is free or stale; false when a live owner holds it. Creating
 * the file exclusively decides between two processes that both found it stale.
 */
export async function tryLock(lockFile: string, me: LockOwner): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await createLockFile(lockFile, me);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const current = await readOwner(lockFile);
    if (current !== null && !(await isStale(current.owner, current.mtimeMs, Date.now()))) return false;
    await fs.rm(lockFile, { force: true });
  }
  return false;
}

/** Takes the lock, or throws LibraryLockedError when another live process holds it. */
export async function acquireLock(paths: LibraryPaths): Promise<LockOwner> {
  const me = await currentOwner();
  if (await tryLock(paths.lockFile, me)) return me;
  throw new LibraryLockedError(paths.root);
}
