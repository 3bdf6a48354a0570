/**
 * The library's trash: a deleted document's record, body and annotations move together into
 * trash/<id>/ so that restoring it is a move back, not a re-import. Each move undoes itself
 * when a step fails, so a document is whole in one place. The order of `list` is the
 * contract's: most recently deleted first.
 */
import path from 'node:path';
import type { LibraryNotice, TrashedDocument } from '../../../preload/api';
import { type DocumentRecord, type TrashRecord, trashRecordSchema } from '../catalog/records';
import { fsyncDir, readTextIfExists, writeFileDurable } from '../storage/durable-file';
import { errnoOf } from '../storage/failures';
import type { FileSystem } from '../storage/file-system';
import type { LibraryPaths } from '../storage/paths';
import { documentFolder, isDocumentFolder, trashedDocumentFolder } from './assets';

const RECORD_FILE = 'record.json';

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

  /** Moves a document's files into trash/<id>/ beside a record.json; on failure, nothing moved. */
  async moveIn(record: DocumentRecord, deletedAt: string): Promise<void> {
    const entryDir = this.paths.trashEntryDir(record.id);
    await this.fsys.mkdir(entryDir);
    try {
      const trashRecord: TrashRecord = { ...record, deletedAt };
      await writeFileDurable(this.fsys, path.join(entryDir, RECORD_FILE), `${JSON.stringify(trashRecord, null, 2)}\n`);
      await this.moveAll(this.filesOf(record.id));
    } catch (error) {
      await this.fsys.removeTree(entryDir).catch(() => undefined);
      throw error;
    }
    // Best effort, as after any rename: the moves are done and cannot be reported as failed.
    await Promise.all(
      [entryDir, this.paths.documentsDir, this.paths.annotationsDir].map((dir) =>
        fsyncDir(this.fsys, dir).catch((error: unknown) => console.error(`Could not fsync ${dir}`, error)),
      ),
    );
  }

  /** Moves a trashed document's files back into the library (the entry stays until `purge`). */
  async moveOut(id: string): Promise<void> {
    await this.moveAll(this.filesOf(id).map(([live, trashed]) => [trashed, live]));
  }

  /** Undoes `moveOut` (when recording the restored document failed). */
  async moveBackIn(id: string): Promise<void> {
    await this.moveAll(this.filesOf(id));
  }

  /** Renames each pair; when one fails, the ones done are renamed back and the error is thrown. */
  private async moveAll(moves: [string, string][]): Promise<void> {
    const done: [string, string][] = [];
    try {
      for (const [from, to] of moves) if (await this.moveIfExists(from, to)) done.push([from, to]);
    } catch (error) {
      for (const [from, to] of done.toReversed()) await this.fsys.rename(to, from).catch(() => undefined);
      throw error;
    }
  }

  private async moveIfExists(from: string, to: string): Promise<boolean> {
    try {
      await this.fsys.rename(from, to);
      return true;
    } catch (error) {
      // A missing annotations file is normal; a missing body is tolerated only when deleting.
      const optional =
        from.endsWith('.json') || from.startsWith(this.paths.documentsDir) || isDocumentFolder(this.paths, from);
      if (errnoOf(error) === 'ENOENT' && optional) return false;
      throw error;
    }
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
    const records = await Promise.all(names.map((name) => this.read(name)));
    return records
      .filter((record): record is TrashRecord => record !== null)
      .map(({ id, title, deletedAt }) => ({ id, title, deletedAt }))
      .toSorted((a, b) => b.deletedAt.localeCompare(a.deletedAt));
  }

  async purge(id: string): Promise<void> {
    await this.fsys.removeTree(this.paths.trashEntryDir(id));
    await fsyncDir(this.fsys, this.paths.trashDir).catch((error: unknown) => console.error('Could not fsync trash/', error));
  }
}
