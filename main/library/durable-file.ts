/**
 * Durable file writes (temp file, fsync, rename, fsync the folder) and a lowdb adapter on
 * top of them. lowdb's own JSONFile does no fsync, and its presets go in-memory under tests.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { Adapter } from 'lowdb';

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

/** fsyncs a folder so a rename inside it survives power loss (a no-op where unsupported). */
export async function fsyncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    // Windows cannot open or fsync a directory; the rename is as durable as it gets there.
    if (!isErrno(error, 'EISDIR') && !isErrno(error, 'EPERM') && !isErrno(error, 'EINVAL')) throw error;
  } finally {
    await handle?.close();
  }
}

/** Writes a whole file atomically and durably. */
export async function writeFileDurable(filePath: string, data: string | Buffer): Promise<void> {
  await writeFileAtomic(filePath, data, { fsync: true });
  await fsyncDir(path.dirname(filePath));
}

/** The file's text, or `null` when it does not exist. */
export async function readTextIfExists(filePath: string): Promise<string | null> {
  try {
    return await fs.readFile(filePath, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return null;
    throw error;
  }
}

export function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

/** Parses JSON text, turning a syntax error into a CorruptFileError. */
export function parseJsonOrCorrupt(filePath: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CorruptFileError(filePath, error instanceof Error ? error.message : 'invalid JSON');
  }
}

/**
 * A lowdb adapter for one JSON file. `decode` turns parsed JSON into T (validating,
 * migrating) and throws CorruptFileError for a bad shape. Writes are coalesced like steno:
 * at most one in flight, and while it runs only the latest requested state is kept.
 */
export class DurableJsonAdapter<T> implements Adapter<T> {
  private inFlight: Promise<void> | null = null;
  private pending: { data: T; promise: Promise<void> } | null = null;

  constructor(
    readonly filePath: string,
    private readonly decode: (raw: unknown) => T,
  ) {}

  async read(): Promise<T | null> {
    const text = await readTextIfExists(this.filePath);
    if (text === null) return null;
    return this.decode(parseJsonOrCorrupt(this.filePath, text));
  }

  write(data: T): Promise<void> {
    if (this.pending !== null) {
      // The queued write has not started: it will serialise this newer state instead.
      this.pending.data = data;
      return this.pending.promise;
    }
    if (this.inFlight === null) return this.start(data);
    const queued = { data, promise: Promise.resolve() };
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
    return next === null ? Promise.resolve() : this.start(next.data);
  }

  private start(data: T): Promise<void> {
    // Serialise now, at the start of the write, so the newest in-memory state is what lands.
    const text = `${JSON.stringify(data, null, 2)}\n`;
    const run = writeFileDurable(this.filePath, text).finally(() => {
      if (this.inFlight === run) this.inFlight = null;
    });
    this.inFlight = run;
    return run;
  }
}

/** Renames a bad file to `<name>.corrupt-<timestamp>` beside it; returns the new path. */
export async function moveAside(filePath: string, timestamp: string): Promise<string> {
  const asidePath = `${filePath}.corrupt-${timestamp}`;
  await fs.rename(filePath, asidePath);
  await fsyncDir(path.dirname(filePath));
  return asidePath;
}

/** Copies a file and makes the copy durable. */
export async function copyFileDurable(source: string, target: string): Promise<void> {
  await fs.copyFile(source, target);
  const handle = await fs.open(target, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fsyncDir(path.dirname(target));
}
