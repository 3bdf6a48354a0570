/**
 * Per-document annotation files (annotations/<id>.json): the reading position and the
 * highlights. A change is written durably before it becomes what `read` answers; changes to
 * one document run one at a time. A corrupt file is moved aside, with a notice.
 */
import path from 'node:path';
import type { LibraryNotice } from '../../../preload/api';
import { CorruptFileError, DurableJsonAdapter, moveAside } from '../storage/durable-file';
import type { FileSystem } from '../storage/file-system';
import { type LibraryPaths, fileTimestamp } from '../storage/paths';
import { type AnnotationsData, decodeAnnotations, emptyAnnotations } from './annotation-format';

export interface AnnotationFilesOptions {
  fsys: FileSystem;
  paths: LibraryPaths;
  now: () => Date;
  notify: (notice: LibraryNotice) => void;
}

export class AnnotationFiles {
  private readonly adapters = new Map<string, DurableJsonAdapter<AnnotationsData>>();
  /** What was last read or written per document, so saving a position does not read the file. */
  private readonly cache = new Map<string, AnnotationsData>();
  /** Per document, the end of the last queued `modify`: changes apply one at a time, in call order. */
  private readonly turns = new Map<string, Promise<unknown>>();

  constructor(private readonly options: AnnotationFilesOptions) {}

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
      const aside = await moveAside(this.options.fsys, adapter.filePath, fileTimestamp(this.options.now()));
      this.options.notify({
        level: 'warning',
        message: `The annotations of document ${id} could not be read; the file was moved to ${path.basename(aside)} and the document starts without annotations.`,
      });
      return emptyAnnotations();
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
      const { next, result } = change(await this.read(id));
      if (next !== null) {
        await this.adapterFor(id).write(next);
        this.cache.set(id, next);
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
