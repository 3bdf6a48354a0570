/**
 * Lectern's library: a folder of markdown bodies, per-document annotations and one
 * library.json of metadata. `openLibrary` locks, reads (recovering from corruption) and
 * seeds it; `Library`'s methods mirror the contract in preload/api.ts.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type {
  DocumentId,
  DocumentSummary,
  FileToImport,
  ImportReport,
  LibraryInfo,
  LibraryNotice,
  OpenedDocument,
  ReadingPosition,
  Result,
  Settings,
  TrashedDocument,
} from '../../preload/api';
import { AnnotationFiles } from './annotations';
import type { DurableJsonAdapter } from './durable-file';
import { Importer } from './importer';
import { lockLibrary } from './lock';
import type { MigrationTable } from './migrations';
import { type LibraryPaths, libraryPaths } from './paths';
import { type DocumentRecord, type LibraryData, toSummary } from './records';
import { openStore } from './store';
import { listTrash, moveOutOfTrash, moveToTrash, purgeTrashEntry, readTrashRecord } from './trash';
import type { Low } from 'lowdb';

export { LibraryLockedError } from './lock';
export { LibraryTooNewError, type MigrationTable } from './migrations';
export { CorruptFileError } from './durable-file';

export interface OpenLibraryOptions {
  /** The library folder; created when missing. */
  root: string;
  /** Sample documents imported into a new library (first run only). */
  seedDir?: string;
  now?: () => Date;
  /** Replaces the schema migrations table (tests). */
  migrations?: MigrationTable;
}

const METADATA_WRITE_DELAY_MS = 3000;
const SEED_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);

/** Opens (or creates) the library at `options.root`; throws LibraryLockedError if another process has it. */
export async function openLibrary(options: OpenLibraryOptions): Promise<Library> {
  const paths = libraryPaths(options.root);
  const now = options.now ?? (() => new Date());
  await fs.mkdir(paths.root, { recursive: true });
  const unlock = await lockLibrary(paths);
  try {
    const folders = [paths.documentsDir, paths.annotationsDir, paths.trashDir, paths.backupsDir];
    await Promise.all(folders.map((folder) => fs.mkdir(folder, { recursive: true })));
    const notices: LibraryNotice[] = [];
    const store = await openStore(paths, { now, notices, migrations: options.migrations });
    const library = new Library({ paths, db: store.db, adapter: store.adapter, now, notices, unlock });
    if (store.created && options.seedDir !== undefined) await library.importPaths(await seedFiles(options.seedDir));
    return library;
  } catch (error) {
    await unlock();
    throw error;
  }
}

async function seedFiles(seedDir: string): Promise<string[]> {
  const names = await fs.readdir(seedDir).catch(() => [] as string[]);
  return names
    .filter((name) => SEED_EXTENSIONS.has(path.extname(name).toLowerCase()))
    .toSorted()
    .map((name) => path.join(seedDir, name));
}

interface LibraryParts {
  paths: LibraryPaths;
  db: Low<LibraryData>;
  adapter: DurableJsonAdapter<LibraryData>;
  now: () => Date;
  notices: LibraryNotice[];
  unlock: () => Promise<void>;
}

export class Library {
  private readonly paths: LibraryPaths;
  private readonly db: Low<LibraryData>;
  private readonly parts: LibraryParts;
  private readonly annotations: AnnotationFiles;
  private readonly importer: Importer;
  private closed = false;
  private metadataTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(parts: LibraryParts) {
    this.parts = parts;
    this.paths = parts.paths;
    this.db = parts.db;
    this.annotations = new AnnotationFiles(parts.paths, parts.now, parts.notices);
    this.importer = new Importer(parts.paths, parts.db, parts.now);
  }

  async getLibraryInfo(): Promise<LibraryInfo> {
    return { path: this.paths.root, notices: [...this.parts.notices] };
  }

  /** Every document, in the order of the `librarySort` setting. Reads no files. */
  async listDocuments(): Promise<DocumentSummary[]> {
    const summaries = Object.values(this.db.data.documents).map(toSummary);
    return sortSummaries(summaries, this.db.data.settings.librarySort);
  }

  async openDocument(id: DocumentId): Promise<OpenedDocument | null> {
    const record = this.record(id);
    if (record === undefined) return null;
    let markdown: string;
    try {
      markdown = await fs.readFile(this.paths.documentFile(id), 'utf8');
    } catch {
      return null;
    }
    const annotations = await this.annotations.read(id);
    record.openedAt = this.nowIso();
    // Opening must not wait for a durable rewrite of library.json (an fsync): the time is metadata.
    this.writeMetadataSoon();
    return { summary: toSummary(record), markdown, position: annotations.position };
  }

  async saveReadingPosition(id: DocumentId, position: ReadingPosition): Promise<Result<null>> {
    const record = this.record(id);
    if (record === undefined) return notFound(id);
    const annotations = await this.annotations.read(id);
    record.progress = position.progress;
    record.openedAt = this.nowIso();
    await this.annotations.write(id, { ...annotations, position });
    this.writeMetadataSoon();
    return { ok: true, value: null };
  }

  async renameDocument(id: DocumentId, title: string): Promise<Result<DocumentSummary>> {
    const record = this.record(id);
    if (record === undefined) return notFound(id);
    record.title = title.trim();
    await this.db.write();
    return { ok: true, value: toSummary(record) };
  }

  async deleteDocument(id: DocumentId): Promise<Result<null>> {
    const record = this.record(id);
    if (record === undefined) return notFound(id);
    await this.annotations.release(id);
    await moveToTrash(this.paths, record, this.nowIso());
    delete this.db.data.documents[id];
    await this.db.write();
    return { ok: true, value: null };
  }

  async listTrash(): Promise<TrashedDocument[]> {
    return listTrash(this.paths);
  }

  async restoreDocument(id: DocumentId): Promise<Result<DocumentSummary>> {
    if (this.record(id) !== undefined) {
      return { ok: false, code: 'duplicate', message: 'This document is already in the library.' };
    }
    const trashed = await readTrashRecord(this.paths, id);
    if (trashed === null) return notFound(id);
    try {
      await moveOutOfTrash(this.paths, id);
    } catch (error) {
      return { ok: false, code: 'io', message: `The document could not be restored (${String(error)}).` };
    }
    const { deletedAt: _deletedAt, ...record } = trashed;
    this.db.data.documents[id] = record;
    await this.db.write();
    await purgeTrashEntry(this.paths, id);
    return { ok: true, value: toSummary(record) };
  }

  async importFiles(files: FileToImport[]): Promise<ImportReport> {
    const outcomes = [];
    for (const file of files) outcomes.push(await this.importer.importBytes(file.name, file.bytes));
    return { outcomes };
  }

  /** Imports files from disk; a missing or unreadable path is refused with 'unreadable'. */
  async importPaths(filePaths: string[]): Promise<ImportReport> {
    const outcomes = [];
    for (const filePath of filePaths) outcomes.push(await this.importer.importPath(filePath));
    return { outcomes };
  }

  async getSettings(): Promise<Settings> {
    return { ...this.db.data.settings };
  }

  async updateSettings(patch: Partial<Settings>): Promise<Settings> {
    const defined = Object.entries(patch).filter(([, value]) => value !== undefined);
    this.db.data.settings = { ...this.db.data.settings, ...(Object.fromEntries(defined) as Partial<Settings>) };
    await this.db.write();
    return { ...this.db.data.settings };
  }

  /** Waits for pending writes and releases the lock. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.flushMetadataNow();
    try {
      await Promise.all([this.parts.adapter.flush(), this.annotations.flushAll()]);
    } finally {
      await this.parts.unlock();
    }
  }

  /**
   * Reading saves positions every few hundred ms. The position itself is durable at once
   * (in the document's small annotations file); the progress and last-opened time it also
   * changes in library.json are written at most every few seconds, since that file grows
   * with the library (10,000 documents: ~50 ms a write). close() flushes them.
   */
  private writeMetadataSoon(): void {
    this.metadataTimer ??= setTimeout(() => this.flushMetadataNow(), METADATA_WRITE_DELAY_MS);
  }

  private flushMetadataNow(): void {
    if (this.metadataTimer === null) return;
    clearTimeout(this.metadataTimer);
    this.metadataTimer = null;
    this.db.write().catch((error: unknown) => console.error('Could not write library.json', error));
  }

  private record(id: DocumentId): DocumentRecord | undefined {
    if (this.closed) throw new Error('The library is closed.');
    return Object.hasOwn(this.db.data.documents, id) ? this.db.data.documents[id] : undefined;
  }

  private nowIso(): string {
    return this.parts.now().toISOString();
  }
}

function notFound(id: DocumentId): { ok: false; code: 'not-found'; message: string } {
  return { ok: false, code: 'not-found', message: `There is no document ${id} in the library.` };
}

const titleCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function sortSummaries(summaries: DocumentSummary[], sort: Settings['librarySort']): DocumentSummary[] {
  if (sort === 'title') return summaries.toSorted((a, b) => titleCollator.compare(a.title, b.title));
  const key = sort === 'recent' ? (s: DocumentSummary) => s.openedAt ?? s.addedAt : (s: DocumentSummary) => s.addedAt;
  return summaries.toSorted((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? 1 : ka > kb ? -1 : 0;
  });
}
