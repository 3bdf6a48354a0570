/**
 * The library's trash: a deleted document's record, body and annotations move together into
 * trash/<id>/ so that restoring it is a move back, not a re-import. The moves are journaled
 * by their callers, which settle a half-done move (`gather`) so a document is whole in one
 * place. The order of `list` is the contract's: most recently deleted first.
 */
import path from 'node:path';
import type { LibraryNotice, Result, TrashedDocument } from '../../../preload/api';
import { type TrashRecord, trashRecordSchema } from '../catalog/records';
import { fsyncDir, readTextIfExists, writeFileDurable } from '../storage/durable-file';
import { attemptWrite, errnoOf } from '../storage/failures';
import type { FileSystem } from '../storage/file-system';
import type { LibraryPaths } from '../storage/paths';
import { documentFolder, isDocumentFolder, trashedDocumentFolder } from './assets';

const RECORD_FILE = 'record.json';
/**
 * An entry being deleted forever is first renamed to this prefix + id (one atomic step): a crash
 * while its files are removed leaves a folder no listing shows, removed at the next purge or start.
 */
const PURGING = '.purging-';

export class Trash {
  /** Entries already reported as unreadable, so each is reported once per session. */
  private readonly reported = new Set<string>();

  constructor(
    private readonly fsys: FileSystem,
    private readonly paths: LibraryPaths,
    private readonly notify: (notice: LibraryNotice) => void,
  ) {}

  /** The (live, trashed) paths of a document's files; the annotations file may be missing. */
  private filesOf(id: string): [string, string][] {
    const entryDir = this.paths.trashEntryDir(id);
    return [
      [this.paths.documentFile(id), path.join(entryDir, `${id}.md`)],
      [this.paths.annotationsFile(id), path.join(entryDir, `${id}.json`)],
      // The annotations' changes since their file was last written whole (highlights/annotation-log.ts).
      [this.paths.annotationsLogFile(id), path.join(entryDir, `${id}.log`)],
      // Pictures (documents/<id>/assets/): most documents have none.
      [documentFolder(this.paths, id), trashedDocumentFolder(this.paths, id)],
    ];
  }

  /** True when trash/<id>/ exists (an id a new document must not take). */
  async has(id: string): Promise<boolean> {
    return this.fsys.stat(this.paths.trashEntryDir(id)).then(
      () => true,
      () => false,
    );
  }

  /**
   * Moves a document's files into trash/<id>/ beside a record.json. It does not undo itself
   * when a step fails: the journal entry of the delete settles the files (see intents.ts).
   */
  async moveIn(record: TrashRecord): Promise<void> {
    await this.writeRecord(record);
    for (const [live, trashed] of this.filesOf(record.id)) await this.move(live, trashed);
    await this.fsyncFolders(record.id);
  }

  /** Moves a trashed document's files back into the library (the entry stays until `purge`). */
  async moveOut(id: string): Promise<void> {
    for (const [live, trashed] of this.filesOf(id)) await this.move(trashed, live);
    await this.fsyncFolders(id);
  }

  /** Writes trash/<id>/record.json (durably), creating the entry's folder. */
  async writeRecord(trashRecord: TrashRecord): Promise<void> {
    const entryDir = this.paths.trashEntryDir(trashRecord.id);
    await this.fsys.mkdir(entryDir);
    await writeFileDurable(this.fsys, path.join(entryDir, RECORD_FILE), `${JSON.stringify(trashRecord, null, 2)}\n`);
  }

  /**
   * Puts each of a document's files on one side (the library or its trash entry), wherever a
   * crash left it: a file already there, or on neither side, is left alone.
   */
  async gather(id: string, side: 'library' | 'trash'): Promise<void> {
    for (const [live, trashed] of this.filesOf(id)) {
      const [from, to] = side === 'library' ? [trashed, live] : [live, trashed];
      if (await this.exists(from)) {
        if (side === 'trash') await this.fsys.mkdir(this.paths.trashEntryDir(id));
        await this.fsys.rename(from, to);
      }
    }
    await this.fsyncFolders(id);
  }

  private exists(filePath: string): Promise<boolean> {
    return this.fsys.stat(filePath).then(
      () => true,
      (error: unknown) => {
        if (errnoOf(error) === 'ENOENT') return false;
        throw error;
      },
    );
  }

  /**
   * A missing annotations file or log is normal (a document never annotated); a missing body is
   * tolerated only when deleting (so that a broken document can still be thrown away).
   */
  private async move(from: string, to: string): Promise<void> {
    try {
      await this.fsys.rename(from, to);
    } catch (error) {
      const optional =
        /\.(json|log)$/.test(from) || from.startsWith(this.paths.documentsDir) || isDocumentFolder(this.paths, from);
      if (errnoOf(error) === 'ENOENT' && optional) return;
      throw error;
    }
  }

  /** Best effort, as after any rename: the moves are done and cannot be reported as failed. */
  private async fsyncFolders(id: string): Promise<void> {
    const dirs = [this.paths.trashEntryDir(id), this.paths.documentsDir, this.paths.annotationsDir];
    for (const dir of dirs) await fsyncDir(this.fsys, dir).catch(() => undefined);
  }

  /** One entry's record, or null when there is none; an unreadable one raises a notice. */
  async read(id: string): Promise<TrashRecord | null> {
    const recordPath = path.join(this.paths.trashEntryDir(id), RECORD_FILE);
    let text: string | null;
    try {
      text = await readTextIfExists(this.fsys, recordPath);
    } catch (error) {
      return this.unreadable(id, String(error));
    }
    if (text === null) return null;
    try {
      const parsed = trashRecordSchema.safeParse(JSON.parse(text));
      if (parsed.success && parsed.data.id === id) return parsed.data;
      return this.unreadable(id, 'it does not describe this document');
    } catch (error) {
      return this.unreadable(id, String(error));
    }
  }

  private unreadable(id: string, reason: string): null {
    if (!this.reported.has(id)) {
      this.reported.add(id);
      this.notify({
        level: 'warning',
        message: `A document in the trash (trash/${id}) cannot be listed: its record.json is unreadable (${reason}). Its files were left in place.`,
      });
    }
    return null;
  }

  /** Every restorable document, most recently deleted first (the contract's order). */
  async list(): Promise<TrashedDocument[]> {
    let names: string[];
    try {
      names = await this.fsys.readdir(this.paths.trashDir);
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') return [];
      throw error;
    }
    const entries = names.filter((name) => !name.startsWith('.'));
    const records = await Promise.all(entries.map((name) => this.read(name)));
    return records
      .filter((record): record is TrashRecord => record !== null)
      .map(({ id, title, deletedAt }) => ({ id, title, deletedAt }))
      .toSorted((a, b) => b.deletedAt.localeCompare(a.deletedAt));
  }

  /**
   * Removes trash/<id>/ for good: renamed aside (atomic, then the folder fsynced), then removed.
   * Once the rename is durable the document is gone from the trash, whatever happens next.
   */
  async purge(id: string): Promise<void> {
    const aside = path.join(this.paths.trashDir, `${PURGING}${id}`);
    await this.fsys.removeTree(aside);
    try {
      await this.fsys.rename(this.paths.trashEntryDir(id), aside);
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') return;
      throw error;
    }
    await fsyncDir(this.fsys, this.paths.trashDir).catch((error: unknown) => console.error('Could not fsync trash/', error));
    await this.fsys.removeTree(aside);
  }

  /** Removes what a crash in the middle of a purge left (folders renamed aside); returns how many. */
  async removeLeftoverPurges(): Promise<number> {
    const names = await this.fsys.readdir(this.paths.trashDir).catch(() => []);
    const leftovers = names.filter((name) => name.startsWith(PURGING));
    for (const name of leftovers) await this.fsys.removeTree(path.join(this.paths.trashDir, name));
    return leftovers.length;
  }

  /** Deletes one trashed document forever: 'not-found' when it is not in the trash. */
  async deleteForever(id: string): Promise<Result<null>> {
    if ((await this.read(id)) === null) {
      return { ok: false, code: 'not-found', message: `There is no document ${id} in the trash.` };
    }
    return attemptWrite('delete the document forever', async () => {
      await this.purge(id);
      return null;
    });
  }

  /** Deletes every trashed document forever; answers how many. A failure stops at that entry (the rest stay). */
  async empty(): Promise<Result<number>> {
    const entries = await this.list();
    return attemptWrite('empty the trash', async () => {
      await this.removeLeftoverPurges();
      for (const entry of entries) await this.purge(entry.id);
      return entries.length;
    });
  }
}
