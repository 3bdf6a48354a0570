/**
 * Durable file writes (temp file written in full, fsync, size checked, rename, fsync the
 * folder) and a lowdb-style adapter on top of them. Every call goes through a FileSystem, so
 * tests can fail any step; a failed write leaves the previous file untouched and no temp file.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import type { FileSystem, WritableFile } from './file-system';
import { errnoOf } from './failures';

/** Temp files are named `<file>.lectern-tmp-<hex>`; leftovers of a crash are removed at open. */
export const TEMP_FILE_MARK = '.lectern-tmp-';

/** Temp files this process is writing now: the open's cleanup runs beside writes and must not take theirs. */
const tempFilesInUse = new Set<string>();

/** A fresh temp file's path beside `filePath`, held as in use until `release()` (after its rename or removal). */
export function claimTempPath(filePath: string): { path: string; release(): void } {
  const tempPath = `${filePath}${TEMP_FILE_MARK}${randomBytes(6).toString('hex')}`;
  tempFilesInUse.add(tempPath);
  return { path: tempPath, release: () => void tempFilesInUse.delete(tempPath) };
}

/** Whether a temp file is a leftover (no write of this process holds it), so it may be removed. */
export const isLeftoverTempFile = (tempPath: string): boolean => !tempFilesInUse.has(tempPath);

/** A file exists but cannot be parsed or does not have the expected shape. */
export class CorruptFileError extends Error {
  constructor(
    readonly filePath: string,
    reason: string,
  ) {
    super(`${path.basename(filePath)} is corrupt: ${reason}`);
    this.name = 'CorruptFileError';
  }
}

/** An I/O error with an errno code, as Node raises them (for failures the core detects itself). */
export function ioError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

/** Folders cannot be opened or fsynced on Windows: the rename is as durable as it gets there. */
const isNoFolderSync = (error: unknown): boolean =>
  ['EISDIR', 'EPERM', 'EINVAL'].includes(errnoOf(error) ?? '');

/** fsyncs a folder so a rename inside it survives power loss (a no-op where unsupported). */
export async function fsyncDir(fsys: FileSystem, dir: string): Promise<void> {
  let handle: WritableFile | undefined;
  try {
    handle = await fsys.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!isNoFolderSync(error)) throw error;
  } finally {
    await handle?.close();
  }
}

/**
 * A folder opened ahead of its fsync (beside the temp file's write): after the rename only the
 * fsync remains on the way to the answer, and the close follows it. An fsync of the folder
 * flushes its entries as they are then, whenever it was opened. Null where it cannot be opened.
 */
function openFolderForSync(fsys: FileSystem, dir: string): Promise<WritableFile | null> {
  const opened = fsys.open(dir, 'r').catch((error: unknown) => {
    // Not an I/O error (a bug, or a test's simulated kill): it reaches the caller's await.
    if (errnoOf(error) === null) throw error;
    if (!isNoFolderSync(error)) console.error(`Could not open the folder ${dir} to fsync it`, error);
    return null;
  });
  // Awaited later, after the temp file's write: until then a rejection is not unhandled.
  opened.catch(() => undefined);
  return opened;
}

/** Closes a folder handle after its answer went out; a failed close is only logged. */
function closeFolder(folder: WritableFile | null): void {
  folder?.close().catch((error: unknown) => console.error('Could not close a folder', error));
}

/** Writes every byte, looping over short writes; a write that makes no progress is a full disk. */
export async function writeAll(file: WritableFile, bytes: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await file.write(bytes, offset, bytes.length - offset);
    if (bytesWritten <= 0) throw ioError('ENOSPC', `no room for the last ${bytes.length - offset} bytes`);
    offset += bytesWritten;
  }
}

/** Writes `tempPath` in full and fsyncs it, then checks its size on disk (beside the close). */
async function writeTempFile(fsys: FileSystem, tempPath: string, bytes: Uint8Array): Promise<void> {
  const file = await fsys.open(tempPath, 'wx');
  let closed: Promise<void> | null = null;
  try {
    await writeAll(file, bytes);
    await file.sync();
    closed = file.close();
    const [closing, stats] = await Promise.allSettled([closed, fsys.stat(tempPath)]);
    if (closing.status === 'rejected') throw closing.reason;
    if (stats.status === 'rejected') throw stats.reason;
    if (stats.value.size !== bytes.length) {
      const name = path.basename(tempPath);
      throw ioError('EIO', `${name} has ${stats.value.size} of ${bytes.length} bytes after writing`);
    }
  } finally {
    if (closed === null) await file.close();
  }
}

/**
 * Replaces a whole file atomically and durably, or throws and leaves it as it was. The
 * folder's fsync after the rename is best effort: the data is already on disk, and reporting
 * a failure the rename cannot take back would leave the caller's memory behind the file.
 * `beforeReplace` (a backup of the file as it is) runs beside the temp file's write and fsync,
 * and the rename waits for it: it costs no time of its own on the way to the answer. So does
 * opening the folder: after the rename, one fsync is all that stands before the answer.
 */
export async function writeFileDurable(
  fsys: FileSystem,
  filePath: string,
  data: string | Uint8Array,
  beforeReplace?: () => Promise<void>,
): Promise<void> {
  await replaceFile(fsys, filePath, data, beforeReplace, true);
}

/**
 * writeFileDurable but for the folder's fsync: for many files written into one folder, whose
 * caller fsyncs the folder once after the last rename (fsyncDir) instead of once per file.
 */
export async function replaceFileInFolder(
  fsys: FileSystem,
  filePath: string,
  data: string | Uint8Array,
  beforeReplace?: () => Promise<void>,
): Promise<void> {
  await replaceFile(fsys, filePath, data, beforeReplace, false);
}

/** The temp file written and fsynced, renamed over `filePath`, then (if `syncFolder`) its folder fsynced. */
async function replaceFile(
  fsys: FileSystem,
  filePath: string,
  data: string | Uint8Array,
  beforeReplace: (() => Promise<void>) | undefined,
  syncFolder: boolean,
): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const temp = claimTempPath(filePath);
  const folder = syncFolder ? openFolderForSync(fsys, path.dirname(filePath)) : Promise.resolve(null);
  try {
    const [written, prepared] = await Promise.allSettled([
      writeTempFile(fsys, temp.path, bytes),
      beforeReplace?.(),
    ]);
    if (written.status === 'rejected') throw written.reason;
    if (prepared.status === 'rejected') throw prepared.reason;
    await fsys.rename(temp.path, filePath);
  } catch (error) {
    await fsys.unlink(temp.path).catch(() => undefined);
    closeFolder(await folder.catch(() => null));
    throw error;
  } finally {
    temp.release();
  }
  const opened = await folder;
  await opened?.sync().catch((error: unknown) => {
    if (!isNoFolderSync(error)) console.error(`Could not fsync the folder of ${filePath}`, error);
  });
  closeFolder(opened);
}

/** A text file's bytes as text, without a UTF-8 byte order mark. */
export function textOfFile(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** The file's text (without a UTF-8 byte order mark), or `null` when it does not exist. */
export async function readTextIfExists(fsys: FileSystem, filePath: string): Promise<string | null> {
  try {
    return textOfFile(await fsys.readFile(filePath));
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return null;
    throw error;
  }
}

/** Parses JSON text, turning a syntax error into a CorruptFileError. */
export function parseJsonOrCorrupt(filePath: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CorruptFileError(filePath, error instanceof Error ? error.message : 'invalid JSON');
  }
}

/** A write waiting for the one in flight. */
interface Queued<T> {
  data: T;
  beforeReplace: (() => Promise<void>) | undefined;
  promise: Promise<void>;
}

/**
 * A lowdb adapter for one JSON file. `decode` turns parsed JSON into T (validating,
 * migrating) and throws CorruptFileError for a bad shape. Writes are coalesced like steno:
 * at most one in flight, and while it runs only the latest requested state is kept; every
 * caller whose state was folded into a write learns that write's outcome.
 */
export class DurableJsonAdapter<T> implements Adapter<T> {
  private inFlight: Promise<void> | null = null;
  private pending: Queued<T> | null = null;

  constructor(
    private readonly fsys: FileSystem,
    readonly filePath: string,
    private readonly decode: (raw: unknown) => T,
  ) {}

  async read(): Promise<T | null> {
    const text = await readTextIfExists(this.fsys, this.filePath);
    if (text === null) return null;
    return this.decode(parseJsonOrCorrupt(this.filePath, text));
  }

  /** Writes `data`; `beforeReplace` as in writeFileDurable (a queued write keeps the newest). */
  write(data: T, beforeReplace?: () => Promise<void>): Promise<void> {
    if (this.pending !== null) {
      // The queued write has not started: it will serialise this newer state instead.
      this.pending.data = data;
      this.pending.beforeReplace = beforeReplace ?? this.pending.beforeReplace;
      return this.pending.promise;
    }
    if (this.inFlight === null) return this.start(data, beforeReplace);
    const queued: Queued<T> = { data, beforeReplace, promise: Promise.resolve() };
    queued.promise = this.inFlight.then(
      () => this.startPending(),
      () => this.startPending(),
    );
    this.pending = queued;
    return queued.promise;
  }

  /** Resolves when every requested write has reached the disk (or failed). */
  async flush(): Promise<void> {
    for (;;) {
      const waitFor = this.pending?.promise ?? this.inFlight;
      if (waitFor === null) return;
      await waitFor.catch(() => undefined);
    }
  }

  private startPending(): Promise<void> {
    const next = this.pending;
    this.pending = null;
    return next === null ? Promise.resolve() : this.start(next.data, next.beforeReplace);
  }

  private start(data: T, beforeReplace?: () => Promise<void>): Promise<void> {
    // Serialise now, at the start of the write, so the newest requested state is what lands.
    const text = `${JSON.stringify(data, null, 2)}\n`;
    const run = writeFileDurable(this.fsys, this.filePath, text, beforeReplace).finally(() => {
      if (this.inFlight === run) this.inFlight = null;
    });
    this.inFlight = run;
    return run;
  }
}
