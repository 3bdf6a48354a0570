/**
 * Per-document annotation files (annotations/<id>.json): the reading position and the
 * highlights. A change is written durably before it becomes what `read` answers; changes to
 * one document run one at a time. The version before each change of highlights is kept in
 * backups/annotations/; a corrupt file is moved aside and that backup restored, with a notice.
 */
import path from 'node:path';
import type { LibraryNotice } from '../../../preload/api';
import {
  CorruptFileError,
  DurableJsonAdapter,
  moveAside,
  parseJsonOrCorrupt,
  readTextIfExists,
  claimTempPath,
} from '../storage/durable-file';
import { errnoOf } from '../storage/failures';
import type { FileSystem } from '../storage/file-system';
import { type LibraryPaths, fileTimestamp } from '../storage/paths';
import { type AnnotationsData, decodeAnnotations, emptyAnnotations } from './annotation-format';

export interface AnnotationFilesOptions {
  fsys: FileSystem;
  paths: LibraryPaths;
  now: () => Date;
  notify: (notice: LibraryNotice) => void;
  /** Told what a corrupt file was replaced with (its backup, or nothing), so the list's counts follow. */
  onRecovered?: (id: string, data: AnnotationsData) => void;
}

export class AnnotationFiles {
  private readonly adapters = new Map<string, DurableJsonAdapter<AnnotationsData>>();
  /** What was last read or written per document, so saving a position does not read the file. */
  private readonly cache = new Map<string, AnnotationsData>();
  /** Per document, the end of the last queued `modify`: changes apply one at a time, in call order. */
  private readonly turns = new Map<string, Promise<unknown>>();
  /** Told of each written change to a document's highlights or note (the search index follows). */
  private readonly annotationListeners = new Set<(id: string) => void>();

  constructor(private readonly options: AnnotationFilesOptions) {}

  /** Hears of every durable change to a document's highlights or note; returns the unsubscribe function. */
  onAnnotationsChanged(listener: (id: string) => void): () => void {
    this.annotationListeners.add(listener);
    return () => void this.annotationListeners.delete(listener);
  }

  async read(id: string): Promise<AnnotationsData> {
    const cached = this.cache.get(id);
    if (cached !== undefined) return cached;
    const data = await this.readFile(id);
    this.cache.set(id, data);
    return data;
  }

  private async readFile(id: string): Promise<AnnotationsData> {
    const adapter = this.adapterFor(id);
    try {
      return (await adapter.read()) ?? emptyAnnotations();
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
      return this.recover(id, adapter);
    }
  }

  /** Moves a corrupt file aside and puts its newest good backup in its place (or starts empty). */
  private async recover(id: string, adapter: DurableJsonAdapter<AnnotationsData>): Promise<AnnotationsData> {
    const { fsys, now, notify, onRecovered } = this.options;
    const aside = path.basename(await moveAside(fsys, adapter.filePath, fileTimestamp(now())));
    const backup = await this.readBackup(id);
    const intro = `The annotations of document ${id} could not be read; the file was moved to ${aside}`;
    if (backup !== null) await adapter.write(backup);
    const data = backup ?? emptyAnnotations();
    notify({
      level: 'warning',
      message:
        backup === null
          ? `${intro} and no backup of it was found, so the document starts without annotations.`
          : `${intro} and its previous version was restored from backups/annotations (${backup.highlights.length} highlight${backup.highlights.length === 1 ? '' : 's'}); the latest change may be missing.`,
    });
    onRecovered?.(id, data);
    return data;
  }

  private async readBackup(id: string): Promise<AnnotationsData | null> {
    const backupPath = this.options.paths.annotationsBackupFile(id);
    try {
      const text = await readTextIfExists(this.options.fsys, backupPath);
      return text === null ? null : decodeAnnotations(parseJsonOrCorrupt(backupPath, text), backupPath).data;
    } catch (error) {
      if (error instanceof CorruptFileError) return null;
      throw error;
    }
  }

  /**
   * Keeps the current (known good) version before its highlights change, so that a file found
   * corrupt later loses at most the last change. The file on disk is that version (a change
   * reaches memory only with its write), already durable: a hard link keeps it under the backup's
   * name when the next write renames a new file over it, at the cost of no copy and no fsync.
   * It runs beside the new version's write and fsync (the rename waits for it). Best effort:
   * the change itself matters more.
   */
  private async backUp(id: string): Promise<void> {
    const { fsys, paths } = this.options;
    const backupPath = paths.annotationsBackupFile(id);
    const temp = claimTempPath(backupPath);
    const link = () => fsys.link(paths.annotationsFile(id), temp.path);
    try {
      // The folder is made only when missing (once per library): one step less beside each write.
      await link().catch(async (error: unknown) => {
        if (errnoOf(error) !== 'ENOENT') throw error;
        await fsys.mkdir(path.dirname(backupPath));
        await link();
      });
      await fsys.rename(temp.path, backupPath);
    } catch (error) {
      await fsys.unlink(temp.path).catch(() => undefined);
      if (errnoOf(error) === null) throw error;
      console.error(`Could not back up the annotations of ${id}`, error);
    } finally {
      temp.release();
    }
  }

  /**
   * Reads, changes and writes one document's annotations without racing other changes to it.
   * `change` returns the new data (or null to write nothing) and a result; the promise
   * settles once the new data is on disk, and rejects (changing nothing) when the write fails.
   */
  async modify<T>(
    id: string,
    change: (data: AnnotationsData) => { next: AnnotationsData | null; result: T },
  ): Promise<T> {
    const previous = this.turns.get(id) ?? Promise.resolve();
    const turn = previous.then(async () => {
      const current = await this.read(id);
      const { next, result } = change(current);
      if (next !== null) {
        // Reading positions change often and are cheap to lose: only highlight changes are backed up.
        const backUp = next.highlights !== current.highlights && current.highlights.length > 0;
        await this.adapterFor(id).write(next, backUp ? () => this.backUp(id) : undefined);
        this.cache.set(id, next);
        if (next.highlights !== current.highlights || next.documentNote !== current.documentNote)
          this.announce(id);
      }
      return result;
    });
    const settled = turn.catch(() => undefined);
    this.turns.set(id, settled);
    void settled.then(() => {
      if (this.turns.get(id) === settled) this.turns.delete(id);
    });
    return turn;
  }

  /**
   * Tells the listeners (the search and workspace indexes) of a written change. They only queue
   * their work, which runs after the answer; one that throws is logged, never the change's failure
   * (the change is on disk: answering "not saved" would make a retry store it twice).
   */
  private announce(id: string): void {
    for (const listener of this.annotationListeners) {
      try {
        listener(id);
      } catch (error) {
        console.error(`An index could not follow the change to the annotations of ${id}`, error);
      }
    }
  }

  /** Forgets a document's adapter (before its file moves to the trash), once its writes landed. */
  async release(id: string): Promise<void> {
    await this.turns.get(id);
    await this.adapters.get(id)?.flush();
    this.adapters.delete(id);
    this.cache.delete(id);
  }

  async flushAll(): Promise<void> {
    await Promise.all(this.turns.values());
    await Promise.all([...this.adapters.values()].map((adapter) => adapter.flush()));
  }

  private adapterFor(id: string): DurableJsonAdapter<AnnotationsData> {
    let adapter = this.adapters.get(id);
    if (adapter === undefined) {
      const filePath = this.options.paths.annotationsFile(id);
      adapter = new DurableJsonAdapter(
        this.options.fsys,
        filePath,
        (raw) => decodeAnnotations(raw, filePath).data,
      );
      this.adapters.set(id, adapter);
    }
    return adapter;
  }
}
