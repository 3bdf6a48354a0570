/**
 * Writes the catalog's files: the shards a change touched (each under a new name), then
 * library.json naming them (the commit point), then removes the versions they replaced. A kill
 * at any moment leaves library.json naming complete files only; what it does not name is removed
 * at the next open.
 */
import path from 'node:path';
import type { DocumentId, Settings } from '../../../preload/api';
import { writeFileDurable } from '../storage/durable-file';
import type { FileSystem } from '../storage/file-system';
import type { LibraryPaths } from '../storage/paths';
import { type CatalogManifest, MANIFEST_VERSION, type ShardEntry, serializeManifest } from './manifest';
import type { CatalogData, DocumentRecord } from './records';
import { SHARD_CAPACITY, newShardFileName, serializeShard } from './shards';

/** A state of the catalog as the writer reads it: the settings, and each record by id. */
export interface CatalogState {
  settings: Settings;
  record(id: DocumentId): DocumentRecord | undefined;
}

/** How the Catalog has its states written: `changedIds` are the records that differ from the last write. */
export interface CatalogWriter {
  write(state: CatalogState, changedIds: readonly DocumentId[]): Promise<void>;
  /** Resolves when every requested write has reached the disk (or failed). */
  flush(): Promise<void>;
}

/** The writer of library.json and catalog/: one commit at a time, each durable before it resolves. */
export class CatalogFiles implements CatalogWriter {
  private queue: Promise<unknown> = Promise.resolve();
  private index: { members: Set<DocumentId>[]; placed: Map<DocumentId, number> } | null = null;

  /**
   * @param shards the manifest's entries as on disk.
   * @param shardIds the ids each shard holds, in order.
   * @param onDisk the schema version of library.json as found (null when there is none yet).
   */
  constructor(
    private readonly fsys: FileSystem,
    private readonly paths: LibraryPaths,
    private shards: ShardEntry[],
    private readonly shardIds: readonly (readonly DocumentId[])[],
    private onDisk: number | null = null,
  ) {}

  /**
   * Whether library.json on disk is this version's, which a build that does not know the
   * annotation log refuses: until it is, annotations are written whole, not logged.
   */
  get currentOnDisk(): boolean {
    return this.onDisk === MANIFEST_VERSION;
  }

  /**
   * The ids each shard holds (ids whose record is gone are skipped when it is written), and the
   * shard each id was placed in, where it stays until its record is gone from disk. Made at the
   * first write, not at open (200,000 entries that the first list window does not need).
   */
  private get members(): Set<DocumentId>[] {
    return this.lookup().members;
  }

  private get placed(): Map<DocumentId, number> {
    return this.lookup().placed;
  }

  private lookup(): { members: Set<DocumentId>[]; placed: Map<DocumentId, number> } {
    if (this.index === null) {
      const members = this.shardIds.map((ids) => new Set(ids));
      const placed = new Map<DocumentId, number>();
      members.forEach((ids, shard) => ids.forEach((id) => placed.set(id, shard)));
      this.index = { members, placed };
    }
    return this.index;
  }

  /** A writer for a catalog with no files yet (a new library, a split, a restore). */
  static empty(fsys: FileSystem, paths: LibraryPaths): CatalogFiles {
    return new CatalogFiles(fsys, paths, [], []);
  }

  /** The shard files library.json names now. */
  currentFiles(): string[] {
    return this.shards.flatMap((entry) => (entry.file === null ? [] : [entry.file]));
  }

  /** Writes the whole catalog (shards filled in the records' order), then library.json. */
  writeAll(data: CatalogData): Promise<void> {
    return this.writeSome(data, [...data.documents.keys()]);
  }

  /** Writes the shards of `ids` (and library.json) from plain data. */
  writeSome(data: CatalogData, ids: readonly DocumentId[]): Promise<void> {
    const { documents, settings } = data;
    return this.write({ settings, record: (id) => documents.get(id) }, ids);
  }

  /** Puts records restored from a backup into shard `index` (before the write that stores them). */
  placeIn(index: number, ids: readonly DocumentId[]): void {
    for (const id of ids) {
      this.members[index]?.add(id);
      this.placed.set(id, index);
    }
  }

  /** Writes these shards as they are (to bring their files to this version's format), and library.json. */
  rewriteShards(data: CatalogData, indices: readonly number[]): Promise<void> {
    const { documents, settings } = data;
    return this.enqueue(() => this.commit({ settings, record: (id) => documents.get(id) }, new Set(indices)));
  }

  write(state: CatalogState, changedIds: readonly DocumentId[]): Promise<void> {
    const dirty = new Set<number>();
    for (const id of changedIds) {
      const index = this.placed.get(id) ?? (state.record(id) === undefined ? null : this.place(id));
      if (index !== null) dirty.add(index);
    }
    return this.enqueue(() => this.commit(state, dirty));
  }

  /** A new record goes into the last shard, or a new one when that is full. */
  private place(id: DocumentId): number {
    let index = this.shards.length - 1;
    if (index < 0 || (this.members[index]?.size ?? 0) >= SHARD_CAPACITY) {
      this.shards = [...this.shards, { file: null, count: 0 }];
      this.members.push(new Set());
      index = this.shards.length - 1;
    }
    this.placeIn(index, [id]);
    return index;
  }

  async flush(): Promise<void> {
    await this.queue;
  }

  /**
   * Writes the dirty shards and library.json naming them. library.json's new version is written
   * and fsynced beside the shards (it names them before they exist, but only its rename makes it
   * current, and that waits until every shard is durable): one fsync less on the way to the answer.
   * Returns the files the write replaced, for removal after the answer.
   */
  private async commit(state: CatalogState, dirty: ReadonlySet<number>): Promise<string[]> {
    const next = [...this.shards];
    const pending: [string, string][] = [];
    const gone: [number, DocumentId[]][] = [];
    for (const index of dirty) {
      const { records, absent } = this.recordsOf(index, state);
      gone.push([index, absent]);
      const file = records.length === 0 ? null : newShardFileName(index);
      next[index] = { file, count: file === null ? 0 : records.length };
      if (file !== null) pending.push([file, serializeShard(index, records)]);
    }
    const manifest: CatalogManifest = {
      schemaVersion: MANIFEST_VERSION,
      settings: state.settings,
      shards: next,
    };
    // Every shard write settles before a failure is thrown, so the cleanup below finds them all.
    const writeShards = async (): Promise<void> => {
      const writes = pending.map(([file, text]) => writeFileDurable(this.fsys, this.shardPath(file), text));
      const failed = (await Promise.allSettled(writes)).find((write) => write.status === 'rejected');
      if (failed !== undefined) throw failed.reason;
    };
    try {
      await writeFileDurable(this.fsys, this.paths.libraryJson, serializeManifest(manifest), writeShards);
    } catch (error) {
      // library.json still names the previous files: the new ones are removed (or at the next open).
      await this.removeFiles(pending.map(([file]) => file));
      throw error;
    }
    this.onDisk = MANIFEST_VERSION;
    const replaced = [...dirty].flatMap((index) => {
      const file = this.shards[index]?.file ?? null;
      return file !== null && next[index]?.file !== file ? [file] : [];
    });
    // Shards placed while this write ran (empty yet) are kept: only the written ones change.
    const shards = [...this.shards];
    for (const index of dirty) shards[index] = next[index] ?? { file: null, count: 0 };
    this.shards = shards;
    // Only now: had the write failed, the records of removed ids would still be current.
    for (const [index, absent] of gone) {
      for (const id of absent) {
        this.members[index]?.delete(id);
        this.placed.delete(id);
      }
    }
    return replaced;
  }

  /** Removes shard files library.json no longer names (best effort: the next open removes leftovers). */
  private async removeFiles(files: readonly string[]): Promise<void> {
    await Promise.all(files.map((file) => this.fsys.unlink(this.shardPath(file)).catch(() => undefined)));
  }

  /**
   * Queues a commit; it answers once library.json is durable, and the files it replaced are
   * removed after the answer (the next commit and flush() wait for that).
   */
  private enqueue(commit: () => Promise<string[]>): Promise<void> {
    const run = this.queue.then(commit);
    this.queue = run.then((replaced) => this.removeFiles(replaced)).catch(() => undefined);
    return run.then(() => undefined);
  }

  private recordsOf(index: number, state: CatalogState): { records: DocumentRecord[]; absent: DocumentId[] } {
    const records: DocumentRecord[] = [];
    const absent: DocumentId[] = [];
    for (const id of this.members[index] ?? []) {
      const record = state.record(id);
      if (record === undefined) absent.push(id);
      else records.push(record);
    }
    return { records, absent };
  }

  private shardPath(file: string): string {
    return path.join(this.paths.catalogDir, file);
  }
}
