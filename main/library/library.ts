/**
 * Lectern's library: a folder of markdown bodies, per-document annotations and one
 * library.json of metadata. `openLibrary` locks, reads (recovering from corruption) and
 * seeds it; `Library`'s methods mirror the contract in preload/api.ts.
 */
import fs from 'node:fs/promises';
import type {
  AnchorUpdate,
  DocumentId,
  DocumentSummary,
  FileToImport,
  Highlight,
  HighlightPatch,
  ImportReport,
  LibraryInfo,
  LibraryNotice,
  NewHighlight,
  OpenedDocument,
  ReadingPosition,
  Result,
  Settings,
  TrashedDocument,
} from '../../preload/api';
import { AnnotationFiles } from './annotations';
import type { DurableJsonAdapter } from './durable-file';
import { Highlights } from './highlights';
import { Importer, filesToSeed } from './importer';
import { lockLibrary } from './lock';
import type { MigrationTable } from './migrations';
import { type LibraryPaths, libraryPaths } from './paths';
import { type DocumentRecord, type LibraryData, copySettings, sortSummaries, toSummary } from './records';
import { DelayedWrite, openStore } from './store';
import { listTrash, moveToTrash, restoreFromTrash } from './trash';
import { DocumentUpdater } from './updater';
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

/** Opens (or creates) the library at `options.root`; throws LibraryLockedError if another process has it. */
export async function openLibrary(options: OpenLibraryOptions): Promise<Library> {
  const paths = libraryPaths(options.root);
  const now = options.now ?? (() => new Date());
  await fs.mkdir(paths.root, { recursive: true });
  const unlock = await lockLibrary(paths);
  try {
    const folders = [
      paths.documentsDir,
      paths.annotationsDir,
      paths.trashDir,
      paths.backupsDir,
      paths.historyDir,
    ];
    await Promise.all(folders.map((folder) => fs.mkdir(folder, { recursive: true })));
    const notices: LibraryNotice[] = [];
    const store = await openStore(paths, { now, notices, migrations: options.migrations });
    const library = new Library({ paths, db: store.db, adapter: store.adapter, now, notices, unlock });
    if (store.created && options.seedDir !== undefined)
      await library.importPaths(await filesToSeed(options.seedDir));
    return library;
  } catch (error) {
    await unlock();
    throw error;
  }
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
  private readonly highlights: Highlights;
  private readonly updater: DocumentUpdater;
  private closed = false;
  /**
   * Reading saves positions every few hundred ms, and highlights change counts. The position
   * and highlights are durable at once (in the document's small annotations file); the
   * progress, last-opened time and counts in library.json are written at most every few
   * seconds, since that file grows with the library (10,000 documents: ~50 ms a write).
   */
  private readonly metadata: DelayedWrite;

  constructor(parts: LibraryParts) {
    this.parts = parts;
    this.paths = parts.paths;
    this.db = parts.db;
    this.metadata = new DelayedWrite(() => this.db.write(), METADATA_WRITE_DELAY_MS);
    this.annotations = new AnnotationFiles(parts.paths, parts.now, parts.notices);
    this.importer = new Importer(parts.paths, parts.db, parts.now);
    this.updater = new DocumentUpdater(parts.paths, parts.db);
    this.highlights = new Highlights(this.annotations, parts.now, (id, count) => {
      const record = this.db.data.documents[id];
      if (record === undefined || record.highlightCount === count) return;
      record.highlightCount = count;
      this.metadata.soon();
    });
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
    this.metadata.soon();
    return {
      summary: toSummary(record),
      markdown,
      position: annotations.position,
      highlights: annotations.highlights,
    };
  }

  async saveReadingPosition(id: DocumentId, position: ReadingPosition): Promise<Result<null>> {
    const record = this.record(id);
    if (record === undefined) return notFound(id);
    record.progress = position.progress;
    record.openedAt = this.nowIso();
    await this.annotations.modify(id, (annotations) => ({
      next: { ...annotations, position },
      result: null,
    }));
    this.metadata.soon();
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
    return restoreFromTrash(this.paths, this.db, id);
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
    return copySettings(this.db.data.settings);
  }

  async updateSettings(patch: Partial<Settings>): Promise<Settings> {
    const defined = Object.entries(patch).filter(([, value]) => value !== undefined);
    this.db.data.settings = copySettings({
      ...this.db.data.settings,
      ...(Object.fromEntries(defined) as Partial<Settings>),
    });
    await this.db.write();
    return copySettings(this.db.data.settings);
  }

  addHighlight(id: DocumentId, highlight: NewHighlight): Promise<Result<Highlight>> {
    return this.withDocument(id, () => this.highlights.add(id, highlight));
  }

  updateHighlight(id: DocumentId, highlightId: string, patch: HighlightPatch): Promise<Result<Highlight>> {
    return this.withDocument(id, () => this.highlights.update(id, highlightId, patch));
  }

  deleteHighlight(id: DocumentId, highlightId: string): Promise<Result<Highlight>> {
    return this.withDocument(id, () => this.highlights.delete(id, highlightId));
  }

  restoreHighlight(id: DocumentId, highlight: Highlight): Promise<Result<Highlight>> {
    return this.withDocument(id, () => this.highlights.restore(id, highlight));
  }

  saveAnchors(id: DocumentId, updates: AnchorUpdate[]): Promise<Result<null>> {
    return this.withDocument(id, () => this.highlights.saveAnchors(id, updates));
  }

  updateDocumentFromFile(id: DocumentId, file: FileToImport): Promise<Result<DocumentSummary>> {
    return this.withDocument(id, (record) => this.updater.updateFromBytes(record, file.name, file.bytes));
  }

  /** Like updateDocumentFromFile, reading the file from disk with the importer's checks. */
  updateDocumentFromPath(id: DocumentId, filePath: string): Promise<Result<DocumentSummary>> {
    return this.withDocument(id, (record) => this.updater.updateFromPath(record, filePath));
  }

  /** One document's summary, or null; reads no files. */
  async findDocument(id: DocumentId): Promise<DocumentSummary | null> {
    const record = this.record(id);
    return record === undefined ? null : toSummary(record);
  }

  /** Waits for pending writes and releases the lock. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.metadata.now();
    try {
      await Promise.all([this.parts.adapter.flush(), this.annotations.flushAll()]);
    } finally {
      await this.parts.unlock();
    }
  }

  private async withDocument<T>(
    id: DocumentId,
    action: (record: DocumentRecord) => Promise<Result<T>>,
  ): Promise<Result<T>> {
    const record = this.record(id);
    return record === undefined ? notFound(id) : action(record);
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
