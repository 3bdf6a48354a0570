/**
 * Per-document annotation files (annotations/<id>.json): the reading position and the
 * highlights. A corrupt file is moved aside and the document starts empty, with a notice.
 */
import path from 'node:path';
import type { LibraryNotice } from '../../preload/api';
import { CorruptFileError, DurableJsonAdapter, moveAside } from './durable-file';
import { type LibraryPaths, fileTimestamp } from './paths';
import { type AnnotationsData, annotationsSchema, emptyAnnotations } from './records';

export class AnnotationFiles {
  /** One adapter per file, so that frequent position saves coalesce. */
  private readonly adapters = new Map<string, DurableJsonAdapter<AnnotationsData>>();
  /** What was last read or written per document, so saving a position does not read the file. */
  private readonly cache = new Map<string, AnnotationsData>();
  /** Per document, the end of the last queued `modify`: changes apply one at a time, in call order. */
  private readonly turns = new Map<string, Promise<unknown>>();

  constructor(
    private readonly paths: LibraryPaths,
    private readonly now: () => Date,
    private readonly notices: LibraryNotice[],
  ) {}

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
      const aside = await moveAside(adapter.filePath, fileTimestamp(this.now()));
      this.notices.push({
        level: 'warning',
        message: `The annotations of document ${id} could not be read; the file was moved to ${path.basename(aside)} and the document starts without annotations.`,
      });
      return emptyAnnotations();
    }
  }

  /**
   * Reads, changes and writes one document's annotations without racing other changes to it.
   * `change` returns the new data (or null to write nothing) and a result; the returned
   * promise settles once the new data is on disk. The next change starts as soon as this
   * one is queued for writing, so bursts coalesce in the adapter.
   */
  async modify<T>(
    id: string,
    change: (data: AnnotationsData) => { next: AnnotationsData | null; result: T },
  ): Promise<T> {
    const previous = this.turns.get(id) ?? Promise.resolve();
    const turn = previous.then(async () => {
      const { next, result } = change(await this.read(id));
      return { result, written: next === null ? Promise.resolve() : this.write(id, next) };
    });
    const settled = turn.catch(() => undefined);
    this.turns.set(id, settled);
    void settled.then(() => {
      if (this.turns.get(id) === settled) this.turns.delete(id);
    });
    const { result, written } = await turn;
    await written;
    return result;
  }

  write(id: string, data: AnnotationsData): Promise<void> {
    this.cache.set(id, data);
    return this.adapterFor(id).write(data);
  }

  /** Forgets a document's adapter (after its file moved to the trash), once its writes landed. */
  async release(id: string): Promise<void> {
    await this.turns.get(id);
    await this.adapters.get(id)?.flush();
    this.adapters.delete(id);
    this.cache.delete(id);
  }

  async flushAll(): Promise<void> {
    await Promise.all([...this.adapters.values()].map((adapter) => adapter.flush()));
  }

  private adapterFor(id: string): DurableJsonAdapter<AnnotationsData> {
    let adapter = this.adapters.get(id);
    if (adapter === undefined) {
      const filePath = this.paths.annotationsFile(id);
      adapter = new DurableJsonAdapter(filePath, (raw) => {
        const parsed = annotationsSchema.safeParse(raw);
        if (!parsed.success)
          throw new CorruptFileError(filePath, parsed.error.issues[0]?.message ?? 'unexpected shape');
        return parsed.data;
      });
      this.adapters.set(id, adapter);
    }
    return adapter;
  }
}
