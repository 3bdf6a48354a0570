/**
 * The one owner of the catalog (library.json and its shards): the only code that reads or changes
 * document records and settings. A change is built as a new state, written durably, and only then becomes the
 * state in memory (a failed write changes nothing); writes run one at a time. Every change
 * is announced to subscribers as a typed CatalogChange.
 */
import type { DocumentId, Settings } from '../../../preload/api';
import { DelayedWrite } from '../storage/delayed-write';
import type { CatalogWriter } from './catalog-files';
import { type DocumentRecord, type LibraryData, copySettings } from './records';

export interface CatalogChange {
  kind: 'added' | 'updated' | 'removed' | 'restored' | 'counts-changed';
  ids: DocumentId[];
}

/** Fields derived from a document's annotations file, which is their durable home. */
export type RecordMetadata = Partial<Pick<DocumentRecord, 'progress' | 'openedAt' | 'highlightCount'>>;

/** How long metadata may lag in the catalog's files (a write: the changed shards and library.json). */
export const METADATA_WRITE_DELAY_MS = 3000;

export class Catalog {
  private data: LibraryData;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<(change: CatalogChange) => void>();
  private readonly recordListeners = new Set<(ids: DocumentId[]) => void>();
  /** Metadata applied in memory and not yet written; kept over other changes until written. */
  private readonly unwritten = new Map<DocumentId, RecordMetadata>();
  private readonly metadataWrite: DelayedWrite;

  constructor(
    private readonly files: CatalogWriter,
    data: LibraryData,
    metadataDelayMs = METADATA_WRITE_DELAY_MS,
  ) {
    this.data = data;
    this.metadataWrite = new DelayedWrite(() => this.writeMetadata(), metadataDelayMs);
  }

  get(id: DocumentId): Readonly<DocumentRecord> | undefined {
    return Object.hasOwn(this.data.documents, id) ? this.data.documents[id] : undefined;
  }

  has(id: DocumentId): boolean {
    return this.get(id) !== undefined;
  }

  list(): readonly Readonly<DocumentRecord>[] {
    return Object.values(this.data.documents);
  }

  /** The document that holds exactly this text, if any. */
  findByContentHash(contentHash: string): Readonly<DocumentRecord> | undefined {
    return this.list().find((record) => record.contentHash === contentHash);
  }

  settings(): Settings {
    return copySettings(this.data.settings);
  }

  /** Subscribes to changes; returns the unsubscribe function. */
  subscribe(listener: (change: CatalogChange) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Hears, synchronously, of every record that changed in memory, metadata included (the document index). */
  onRecordsChanged(listener: (ids: DocumentId[]) => void): () => void {
    this.recordListeners.add(listener);
    return () => void this.recordListeners.delete(listener);
  }

  add(record: DocumentRecord): Promise<void> {
    return this.commit((data) => withDocument(data, record), { kind: 'added', ids: [record.id] }, [
      record.id,
    ]);
  }

  /** Puts back a record that was removed (from the trash). */
  restore(record: DocumentRecord): Promise<void> {
    return this.commit((data) => withDocument(data, record), { kind: 'restored', ids: [record.id] }, [
      record.id,
    ]);
  }

  /** Changes a record; resolves to the new record, or null when there is none. */
  async update(id: DocumentId, patch: Partial<DocumentRecord>): Promise<Readonly<DocumentRecord> | null> {
    let updated: DocumentRecord | null = null;
    await this.commit(
      (data) => {
        const current = Object.hasOwn(data.documents, id) ? data.documents[id] : undefined;
        if (current === undefined) return null;
        updated = { ...current, ...patch, id };
        return withDocument(data, updated);
      },
      { kind: 'updated', ids: [id] },
      [id],
    );
    return updated;
  }

  remove(id: DocumentId): Promise<void> {
    return this.commit(
      (data) => {
        if (!Object.hasOwn(data.documents, id)) return null;
        const { [id]: _removed, ...documents } = data.documents;
        return { ...data, documents };
      },
      { kind: 'removed', ids: [id] },
      [id],
    );
  }

  /** Adds and removes records in one write: library.json brought in line with the folder. */
  async replaceDocuments(added: DocumentRecord[], removedIds: DocumentId[]): Promise<void> {
    const removed = new Set(removedIds);
    await this.commit(
      (data) => {
        const kept = Object.entries(data.documents).filter(([id]) => !removed.has(id));
        return { ...data, documents: Object.fromEntries([...kept, ...added.map((r) => [r.id, r] as const)]) };
      },
      added.length > 0 ? { kind: 'added', ids: added.map((record) => record.id) } : null,
      [...added.map((record) => record.id), ...removedIds],
    );
    if (removedIds.length > 0) this.emit({ kind: 'removed', ids: [...removedIds] });
  }

  async updateSettings(patch: Partial<Settings>): Promise<Settings> {
    const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    await this.commit(
      (data) => ({ ...data, settings: copySettings({ ...data.settings, ...defined }) }),
      null,
      [],
    );
    return this.settings();
  }

  /**
   * Metadata changes reach memory at once and library.json within METADATA_WRITE_DELAY_MS:
   * their durable home is the document's annotations file, from which they are corrected at open.
   */
  noteMetadata(id: DocumentId, metadata: RecordMetadata): void {
    const current = this.get(id);
    if (current === undefined) return;
    this.unwritten.set(id, { ...this.unwritten.get(id), ...metadata });
    this.data.documents[id] = { ...current, ...metadata };
    for (const listener of this.recordListeners) listener([id]);
    this.metadataWrite.soon();
  }

  /** Writes pending metadata now and waits for every queued write. */
  async flush(): Promise<void> {
    await this.metadataWrite.now();
    await this.queue.catch(() => undefined);
    await this.files.flush();
  }

  private writeMetadata(): Promise<void> {
    const ids = [...this.unwritten.keys()];
    const counted = ids.filter((id) => this.unwritten.get(id)?.highlightCount !== undefined);
    return this.commit((data) => data, null, ids).then(() => {
      if (counted.length > 0) this.emit({ kind: 'counts-changed', ids: counted });
      const others = ids.filter((id) => !counted.includes(id));
      if (others.length > 0) this.emit({ kind: 'updated', ids: others });
    });
  }

  /** Builds the next state from the current one, writes it, then makes it current and announces it. */
  private commit(
    build: (data: LibraryData) => LibraryData | null,
    change: CatalogChange | null,
    changedIds: readonly DocumentId[],
  ): Promise<void> {
    const run = this.queue.then(async () => {
      const next = build(this.data);
      if (next === null) return;
      const included = new Map(this.unwritten);
      // Metadata noted since the last write rides along: its shards are written too.
      await this.files.write(next, [...changedIds, ...included.keys()]);
      for (const [id, metadata] of included)
        if (this.unwritten.get(id) === metadata) this.unwritten.delete(id);
      this.data = this.withUnwrittenMetadata(next);
      if (change !== null) for (const listener of this.recordListeners) listener(change.ids);
      if (change !== null) this.emit(change);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Metadata noted while a write was in flight is not lost when its result becomes current. */
  private withUnwrittenMetadata(data: LibraryData): LibraryData {
    for (const [id, metadata] of this.unwritten) {
      const record = Object.hasOwn(data.documents, id) ? data.documents[id] : undefined;
      if (record !== undefined) data.documents[id] = { ...record, ...metadata };
    }
    return data;
  }

  private emit(change: CatalogChange): void {
    for (const listener of Array.from(this.listeners)) {
      try {
        listener(change);
      } catch (error) {
        console.error('A library change listener failed', error);
      }
    }
  }
}

function withDocument(data: LibraryData, record: DocumentRecord): LibraryData {
  return { ...data, documents: { ...data.documents, [record.id]: record } };
}
