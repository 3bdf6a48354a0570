/**
 * Notices about a change to the user's files, kept in notices/<id>.json from before the change
 * commits until the user dismisses them: a kill between the change and its notice, or before a
 * window showed it, cannot lose it. An entry names the file the change replaces and a digest of
 * what that file held before: an entry whose file still holds that at the next open tells of a
 * change that never committed (it is dropped; the recovery runs again and keeps its own).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import type { LibraryNotice, ListedNotice } from '../../../preload/api';
import { fsyncDir, writeFileDurable } from '../storage/durable-file';
import { errnoOf } from '../storage/failures';
import type { FileSystem } from '../storage/file-system';
import { ENTRY_NAME, entryId } from '../storage/journal';

/** A kept notice's id: the name of its file without `.json` (storage/journal.ts's entry names). */
export const NOTICE_ID = /^\d{13}-[0-9a-f]{8}$/;

/** A path inside the library folder, relative to it, that does not climb out of it. */
const insidePath = z
  .string()
  .min(1)
  .max(1024)
  .refine((file) => !path.isAbsolute(file) && !file.split(/[\\/]/).includes('..'));

// Unknown fields are dropped, not refused: a notice a newer build kept still reads here.
const keptEntry = z.object({
  level: z.enum(['info', 'warning', 'error']),
  message: z.string().min(1).max(100_000),
  /** The file the change replaces, relative to the library folder. */
  file: insidePath,
  /** sha-256 of what the file held before the change; null when it was missing. */
  before: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  /** Kept by keepAround and not raised yet: what follows the change (reconciling the folder) may not have run. */
  unfinished: z.literal(true).optional(),
});

type KeptEntry = z.infer<typeof keptEntry>;

/** What is found in notices/ at open: the notices that stand, and the files that could not be read. */
export interface FoundNotices {
  standing: ListedNotice[];
  /** Of changes that committed, but whose follow-up a kill may have cut short: not raised yet. */
  unfinished: ListedNotice[];
  /** Entries whose file does not parse: the caller keeps them aside and says so. */
  unreadable: { file: string; reason: string }[];
  /**
   * Entries whose file could not be read now (busy, no permission, offline in a synced folder): not
   * proof of damage, so they stay in place, to be read at the next open; the caller says so.
   */
  unavailable: { file: string; reason: string }[];
}

/** sha-256 of a file's bytes, or null when there is no such file. */
export async function fileDigest(fsys: FileSystem, filePath: string): Promise<string | null> {
  try {
    return createHash('sha256')
      .update(await fsys.readFile(filePath))
      .digest('hex');
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return null;
    throw error;
  }
}

export class KeptNotices {
  constructor(
    private readonly fsys: FileSystem,
    private readonly root: string,
    private readonly dir: string,
    private readonly now: () => Date,
  ) {}

  /**
   * Durably keeps a notice about a change about to replace `replacedFile` (as it is now); returns
   * its id. Throws (keeping nothing) when it cannot be written: the change must then not commit.
   */
  async keep(notice: LibraryNotice, replacedFile: string, unfinished: boolean): Promise<string> {
    const id = entryId(this.now());
    const entry: KeptEntry = {
      level: notice.level,
      message: notice.message,
      // With `/` on every system: a library synced between machines reads it on each.
      file: path.relative(this.root, replacedFile).split(path.sep).join('/'),
      before: await fileDigest(this.fsys, replacedFile),
      ...(unfinished ? { unfinished } : {}),
    };
    await writeFileDurable(this.fsys, this.fileOf(id), `${JSON.stringify(entry)}\n`);
    return id;
  }

  /** Rewrites a kept notice's words, now final (what it says about the file it replaced stays). */
  async amend(id: string, notice: LibraryNotice): Promise<void> {
    const entry = keptEntry.parse(JSON.parse((await this.fsys.readFile(this.fileOf(id))).toString('utf8')));
    const { unfinished, ...finished } = entry;
    if (unfinished === undefined && entry.level === notice.level && entry.message === notice.message) return;
    const amended: KeptEntry = { ...finished, level: notice.level, message: notice.message };
    await writeFileDurable(this.fsys, this.fileOf(id), `${JSON.stringify(amended)}\n`);
  }

  /** Removes a kept notice (dismissed, or its change did not commit); the folder's fsync is best effort. */
  async drop(id: string): Promise<void> {
    try {
      await this.fsys.unlink(this.fileOf(id));
    } catch (error) {
      if (errnoOf(error) !== 'ENOENT') throw error;
    }
    await fsyncDir(this.fsys, this.dir).catch(() => undefined);
  }

  /** The kept notices whose change committed, oldest first; entries of changes that did not are dropped. */
  async find(): Promise<FoundNotices> {
    const names = (await this.fsys.readdir(this.dir).catch(() => [])).filter((name) => ENTRY_NAME.test(name));
    const found: FoundNotices = { standing: [], unfinished: [], unreadable: [], unavailable: [] };
    for (const name of names.toSorted()) {
      const file = path.join(this.dir, name);
      const id = name.slice(0, -'.json'.length);
      let text: string;
      try {
        text = (await this.fsys.readFile(file)).toString('utf8');
      } catch (error) {
        found.unavailable.push({ file, reason: errnoOf(error) ?? String(error) });
        continue;
      }
      let entry: KeptEntry;
      try {
        const parsed = keptEntry.safeParse(JSON.parse(text));
        if (!parsed.success) throw new Error('not a notice Lectern keeps');
        entry = parsed.data;
      } catch (error) {
        found.unreadable.push({ file, reason: error instanceof Error ? error.message : String(error) });
        continue;
      }
      const replaced = path.join(this.root, ...entry.file.split(/[\\/]/));
      // A file that cannot be read is not proof that nothing changed: the notice stands.
      const now = await fileDigest(this.fsys, replaced).catch(() => undefined);
      if (now === entry.before) await this.drop(id).catch(() => undefined);
      else
        (entry.unfinished ? found.unfinished : found.standing).push({
          id,
          level: entry.level,
          message: entry.message,
        });
    }
    return found;
  }

  private fileOf(id: string): string {
    return path.join(this.dir, `${id}.json`);
  }
}
