/**
 * The one owner of the catalog (library.json and its shards): the only code that reads or changes
 * document records and settings. A change is built as the records and settings it replaces,
 * written durably, and only then applied in memory (a failed write changes nothing; nothing
 * copies the 100,000 records either); writes run one at a time. Every change is announced to
 * subscribers as a typed CatalogChange.
 */
import type { DocumentId, Settings } from '../../../preload/api';
import { DelayedWrite } from '../storage/delayed-write';
import type { CatalogState, CatalogWriter } from './catalog-files';
import { type CatalogData, type DocumentRecord, copySettings } from './records';

/** What a change replaced in memory, by id: the record before it (undefined: the id is new). */
export type ReplacedRecords = ReadonlyMap<DocumentId, Readonly<DocumentRecord> | undefined>;

export interface CatalogChange {
  kind: 'added' | 'updated' | 'removed' | 'restored' | 'counts-changed';
  ids: DocumentId[];
}

/** Fields derived from a document's annotations file, which is their durable home. */
export type RecordMetadata = Partial<Pick<DocumentRecord, 'progress' | 'openedAt' | 'highlightCount'>>;

/** How long metadata may lag in the catalog's files (a write: the changed shards and library.json). */
export const METADATA_WRITE_DELAY_MS = 3000;

/** What a change replaces: records by id (null: removed) and, when changed, the settings. */
interface Change {
  records: Map<DocumentId, DocumentRecord | null>;
  settings?: Settings;
}

const changeOf = (...records: [DocumentId, DocumentRecord | null][]): Change => ({
  records: new Map(records),
});

export class Catalog {
  private data: CatalogData;
  /** list()'s answer until the records change (made once, not per caller: start-up asks several times). */
  private listed: readonly Readonly<DocumentRecord>[] | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<(change: CatalogChange) => void>();
  private readonly recordListeners = new Set<(replaced: ReplacedRecords) => void>();
  /** Metadata applied in memory and not yet written; kept over other changes until written. */
  private readonly unwritten = new Map<DocumentId, RecordMetadata>();
  private readonly metadataWrite: DelayedWrite;

  constructor(
    private readonly files: CatalogWriter,
    data: CatalogData,
    metadataDelayMs = METADATA_WRITE_DELAY_MS,
  ) {
    this.data = data;
    this.metadataWrite = new DelayedWrite(() => this.writeMetadata(), metadataDelayMs);
  }

  get(id: DocumentId): Readonly<DocumentRecord> | undefined {
    return this.data.documents.get(id);
  }

  has(id: DocumentId): boolean {
    return this.data.documents.has(id);
  }

  list(): readonly Readonly<DocumentRecord>[] {
    this.listed ??= [...this.data.documents.values()];
    return this.listed;
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

  /**
   * Hears, synchronously, of every record that changed in memory (metadata included), with the
   * record each replaced: the document index moves it in its orders without a map of its own.
   */
  onRecordsChanged(listener: (replaced: ReplacedRecords) => void): () => void {
    this.recordListeners.add(listener);
    return () => void this.recordListeners.delete(listener);
  }

  add(record: DocumentRecord): Promise<void> {
    return this.commit(() => changeOf([record.id, record]), { kind: 'added', ids: [record.id] });
  }

  /** Puts back a record that was removed (from the trash). */
  restore(record: DocumentRecord): Promise<void> {
    return this.commit(() => changeOf([record.id, record]), { kind: 'restored', ids: [record.id] });
  }

  /** Changes a record; resolves to the new record, or null when there is none. */
  async update(id: DocumentId, patch: Partial<DocumentRecord>): Promise<Readonly<DocumentRecord> | null> {
    let updated: DocumentRecord | null = null;
    await this.commit(
      () => {
        const current = this.get(id);
        if (current === undefined) return null;
        updated = { ...current, ...patch, id };
        return changeOf([id, updated]);
      },
      { kind: 'updated', ids: [id] },
    );
    return updated;
  }

  remove(id: DocumentId): Promise<void> {
    return this.commit(() => (this.has(id) ? changeOf([id, null]) : null), { kind: 'removed', ids: [id] });
  }

  /** Adds and removes records in one write: the catalog brought in line with the folder. */
  async replaceDocuments(added: DocumentRecord[], removedIds: DocumentId[]): Promise<void> {
    await this.commit(
      () => {
        const change = changeOf();
        for (const id of removedIds) if (this.has(id)) change.records.set(id, null);
        for (const record of added) change.records.set(record.id, record);
        return change;
      },
      added.length > 0 ? { kind: 'added', ids: added.map((record) => record.id) } : null,
    );
    if (removedIds.length > 0) this.emit({ kind: 'removed', ids: [...removedIds] });
  }

  async updateSettings(patch: Partial<Settings>): Promise<Settings> {
    const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    await this.commit(
      () => ({ records: new Map(), settings: copySettings({ ...this.data.settings, ...defined }) }),
      null,
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
    this.data.documents.set(id, { ...current, ...metadata });
    this.listed = null;
    this.announceRecords(new Map([[id, current]]));
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
    return this.commit(() => changeOf(), null).then(() => {
      if (counted.length > 0) this.emit({ kind: 'counts-changed', ids: counted });
      const others = ids.filter((id) => !counted.includes(id));
      if (others.length > 0) this.emit({ kind: 'updated', ids: others });
    });
  }

  /** Builds a change from the current state, writes it, then applies it in memory and announces it. */
  private commit(build: () => Change | null, announced: CatalogChange | null): Promise<void> {
    const run = this.queue.then(async () => {
      const change = build();
      if (change === null) return;
      const included = new Map(this.unwritten);
      // Metadata noted since the last write rides along: its shards are written too.
      await this.files.write(this.stateWith(change), [...change.records.keys(), ...included.keys()]);
      for (const [id, metadata] of included)
        if (this.unwritten.get(id) === metadata) this.unwritten.delete(id);
      this.announceRecords(this.apply(change));
      if (announced !== null) this.emit(announced);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The state the change leads to, as the writer reads it (the current records where unchanged). */
  private stateWith(change: Change): CatalogState {
    const { documents } = this.data;
    return {
      settings: change.settings ?? this.data.settings,
      record: (id) => (change.records.has(id) ? (change.records.get(id) ?? undefined) : documents.get(id)),
    };
  }

  /** Applies a written change (metadata noted while it was written is kept over its records); returns what it replaced. */
  private apply(change: Change): ReplacedRecords {
    const { documents } = this.data;
    const replaced = new Map<DocumentId, Readonly<DocumentRecord> | undefined>();
    for (const [id, record] of change.records) {
      replaced.set(id, documents.get(id));
      if (record === null) {
        documents.delete(id);
        continue;
      }
      const metadata = this.unwritten.get(id);
      documents.set(id, metadata === undefined ? record : { ...record, ...metadata });
    }
    this.listed = null;
    if (change.settings !== undefined) this.data = { ...this.data, settings: change.settings };
    return replaced;
  }

  /** Every record that changed in memory (a removal too, announced or not), to the record listeners. */
  private announceRecords(replaced: ReplacedRecords): void {
    if (replaced.size === 0) return;
    for (const listener of this.recordListeners) listener(replaced);
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
