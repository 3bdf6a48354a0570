/**
 * Reading the lock file to learn who owns the library, telling a proven owner apart from a
 * read that proved nothing (it failed, or met a lock file being written): only the first may
 * take the library away from this process.
 */
import fs from 'node:fs/promises';
import { errnoOf } from './failures';
import { nodeFileSystem } from './file-system';
import { type LockOwner, ownerFromText } from './lock';

/** Reads the lock file's text; injectable so tests can fail reads or serve a half-written file. */
export type LockFileReader = (lockFile: string) => Promise<string>;

/** An owner record is about 100 bytes; a larger lock file is read the slow way (and names no owner). */
const LOCK_FILE_MAX_BYTES = 4096;

/**
 * Read on this thread: every write checks the lock first, and the few bytes are read in
 * microseconds where readFile's round trips through the thread pool (open, stat, read, close)
 * took 1–2 ms of each highlight's durable write (traced in bench/highlight.bench.ts).
 */
export const readLockFileText: LockFileReader = async (lockFile) =>
  nodeFileSystem.readSmallFile(lockFile, LOCK_FILE_MAX_BYTES)?.toString('utf8') ??
  fs.readFile(lockFile, 'utf8');

/** What one look at the lock file proved. */
export type LockReading =
  | { kind: 'owner'; owner: LockOwner }
  /** No lock file: nobody holds the library (it was removed, e.g. by a process that found it stale). */
  | { kind: 'missing' }
  /** Proves nothing: the read failed (EMFILE, EIO, EAGAIN…) or the text is not a whole owner record. */
  | { kind: 'unreadable'; reason: string };

/** Pauses before each retry of an inconclusive read: a lock being written is whole again within ms. */
export const LOCK_READ_RETRY_MS = [5, 25, 100] as const;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function readOnce(read: LockFileReader, lockFile: string): Promise<LockReading> {
  let text: string;
  try {
    text = await read(lockFile);
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
  const owner = ownerFromText(text);
  if (owner !== null) return { kind: 'owner', owner };
  return { kind: 'unreadable', reason: `the lock file holds ${text.length} bytes that name no owner` };
}

/**
 * Reads who owns the lock, trying again a few times while the answer is inconclusive (a failed
 * read under load, or another process's lock caught between its create and its write).
 */
export async function readLockOwner(read: LockFileReader, lockFile: string): Promise<LockReading> {
  let reading = await readOnce(read, lockFile);
  for (const delay of LOCK_READ_RETRY_MS) {
    if (reading.kind !== 'unreadable') return reading;
    await pause(delay);
    reading = await readOnce(read, lockFile);
  }
  return reading;
}
