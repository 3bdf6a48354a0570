/**
 * Intent records for operations that touch several files (journal/<op-id>.json): written
 * durably before the first file moves and removed after the last, so that the next open can
 * finish or undo an operation a crash cut short. What an entry holds is the operation's business.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fsyncDir, readTextIfExists, writeFileDurable } from './durable-file';
import type { FileSystem } from './file-system';

export interface JournalEntry<T> {
  opId: string;
  /** When the operation began, so that entries replay in the order they were written. */
  startedAt: string;
  intent: T;
}

/** The name of an entry's file: its id (entryId) and `.json`. */
export const ENTRY_NAME = /^\d{13}-[0-9a-f]{8}\.json$/;

/** A new entry's id: names sort in the order they were made (a millisecond clock, then randomness). */
export const entryId = (made: Date): string =>
  `${String(made.getTime()).padStart(13, '0')}-${randomBytes(4).toString('hex')}`;

export class Journal<T> {
  constructor(
    private readonly fsys: FileSystem,
    private readonly dir: string,
    private readonly now: () => Date,
  ) {}

  /** Durably records an intent; the operation may start touching files once this resolves. */
  async begin(intent: T): Promise<JournalEntry<T>> {
    const started = this.now();
    const opId = entryId(started);
    const entry: JournalEntry<T> = { opId, startedAt: started.toISOString(), intent };
    await this.fsys.mkdir(this.dir);
    await writeFileDurable(this.fsys, this.fileOf(opId), `${JSON.stringify(entry)}\n`);
    return entry;
  }

  /** Removes a finished (or undone) operation's entry; the folder's fsync is best effort. */
  async end(entry: JournalEntry<T>): Promise<void> {
    await this.fsys.unlink(this.fileOf(entry.opId));
    await fsyncDir(this.fsys, this.dir).catch(() => undefined);
  }

  /**
   * Every entry left by a crash, oldest first. An entry that does not parse was cut short
   * while being written, before its operation touched any file: it is removed.
   */
  async pending(isIntent: (value: unknown) => value is T): Promise<JournalEntry<T>[]> {
    const names = (await this.fsys.readdir(this.dir).catch(() => [])).filter((name) => ENTRY_NAME.test(name));
    const entries: JournalEntry<T>[] = [];
    for (const name of names.toSorted()) {
      const filePath = path.join(this.dir, name);
      const entry = parseEntry(await readTextIfExists(this.fsys, filePath), isIntent);
      if (entry === null) await this.fsys.unlink(filePath).catch(() => undefined);
      else entries.push(entry);
    }
    return entries;
  }

  private fileOf(opId: string): string {
    return path.join(this.dir, `${opId}.json`);
  }
}

function parseEntry<T>(
  text: string | null,
  isIntent: (value: unknown) => value is T,
): JournalEntry<T> | null {
  if (text === null) return null;
  try {
    const raw = JSON.parse(text) as Partial<JournalEntry<unknown>>;
    if (typeof raw.opId !== 'string' || typeof raw.startedAt !== 'string' || !isIntent(raw.intent))
      return null;
    return { opId: raw.opId, startedAt: raw.startedAt, intent: raw.intent };
  } catch {
    return null;
  }
}
