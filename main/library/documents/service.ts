/**
 * The documents domain: the library list, reading (positions), renaming, the trash, import
 * and update from a file. Records are read from and changed through the Catalog only; a
 * failed write answers a typed failure and leaves memory and files as they were.
 */
import type {
  DocumentId,
  DocumentSummary,
  FileToImport,
  ImportReport,
  OpenedDocument,
  ReadingPosition,
  Result,
  TrashedDocument,
} from '../../../preload/api';
import type { Catalog } from '../catalog/catalog';
import { sortSummaries, toSummary } from '../catalog/records';
import type { AnnotationFiles } from '../highlights/annotations';
import { attemptWrite } from '../storage/failures';
import type { FileSystem } from '../storage/file-system';
import type { LibraryPaths } from '../storage/paths';
import type { Converter } from '../import/conversion';
import type { ImportBatches } from './import-batches';
import { Importer } from './importer';
import type { DocumentJournal } from './intents';
import { documentNotFound } from './not-found';
import type { Trash } from './trash';
import { DocumentUpdater } from './updater';

export interface DocumentsParts {
  fsys: FileSystem;
  paths: LibraryPaths;
  catalog: Catalog;
  annotations: AnnotationFiles;
  trash: Trash;
  journal: DocumentJournal;
  now: () => Date;
  convert: Converter;
  /** Gets the converter ready when an import is near (the files are being picked or dragged). */
  warmConverter: () => Promise<void>;
  batches: ImportBatches;
}

export class DocumentsService {
  private readonly importer: Importer;
  private readonly updater: DocumentUpdater;

  constructor(private readonly parts: DocumentsParts) {
    this.importer = new Importer(parts);
    this.updater = new DocumentUpdater(parts);
  }

  /** Every document, in the order of the `librarySort` setting. Reads no files. */
  listDocuments(): DocumentSummary[] {
    const { catalog } = this.parts;
    return sortSummaries(catalog.list().map(toSummary), catalog.settings().librarySort);
  }

  /** One document's summary, or null; reads no files. */
  findDocument(id: DocumentId): DocumentSummary | null {
    const record = this.parts.catalog.get(id);
    return record === undefined ? null : toSummary(record);
  }

  async openDocument(id: DocumentId): Promise<OpenedDocument | null> {
    const { catalog, fsys, paths, annotations } = this.parts;
    if (!catalog.has(id)) return null;
    let markdown: string;
    try {
      markdown = (await fsys.readFile(paths.documentFile(id))).toString('utf8');
    } catch {
      return null;
    }
    const { position, highlights, documentNote } = await annotations.read(id);
    // Opening must not wait for a durable rewrite of library.json (an fsync): the time is metadata.
    catalog.noteMetadata(id, { openedAt: this.nowIso() });
    const record = catalog.get(id);
    return record === undefined ? null : { summary: toSummary(record), markdown, position, highlights, documentNote };
  }

  /** The position is durable in the annotations file before the progress reaches the list. */
  async saveReadingPosition(id: DocumentId, position: ReadingPosition): Promise<Result<null>> {
    const { catalog, annotations } = this.parts;
    if (!catalog.has(id)) return documentNotFound(id);
    const saved = await attemptWrite('save the reading position', () =>
      annotations.modify(id, (data) => ({ next: { ...data, position }, result: null })),
    );
    if (saved.ok) catalog.noteMetadata(id, { progress: position.progress, openedAt: this.nowIso() });
    return saved;
  }

  async renameDocument(id: DocumentId, title: string): Promise<Result<DocumentSummary>> {
    const renamed = await attemptWrite('rename the document', () =>
      this.parts.catalog.update(id, { title: title.trim() }),
    );
    if (!renamed.ok) return renamed;
    return renamed.value === null ? documentNotFound(id) : { ok: true, value: toSummary(renamed.value) };
  }

  /** Moves the files to the trash, then removes the record, under a journal entry (see intents.ts). */
  async deleteDocument(id: DocumentId): Promise<Result<null>> {
    const { catalog, annotations, trash, journal } = this.parts;
    const record = catalog.get(id);
    if (record === undefined) return documentNotFound(id);
    await annotations.release(id);
    const trashRecord = { ...record, deletedAt: this.nowIso() };
    return attemptWrite('move the document to the trash', () =>
      journal.run({ op: 'delete', record: trashRecord }, async () => {
        await trash.moveIn(trashRecord);
        await catalog.remove(id);
        return null;
      }),
    );
  }

  /** The trash, most recently deleted first (the contract's order; nobody needs to sort it again). */
  listTrash(): Promise<TrashedDocument[]> {
    return this.parts.trash.list();
  }

  /** Deletes a trashed document for good (see Trash.purge: renamed aside first, so never half-listed). */
  deleteForever(id: DocumentId): Promise<Result<null>> {
    return this.parts.trash.deleteForever(id);
  }

  emptyTrash(): Promise<Result<number>> {
    return this.parts.trash.empty();
  }

  /** Moves the files back, records the document, then empties its trash entry, under a journal entry. */
  async restoreDocument(id: DocumentId): Promise<Result<DocumentSummary>> {
    const { catalog, annotations, trash, journal } = this.parts;
    if (catalog.has(id)) {
      return { ok: false, code: 'duplicate', message: 'This document is already in the library.' };
    }
    const trashed = await trash.read(id);
    if (trashed === null) return { ok: false, code: 'not-found', message: `There is no document ${id} in the trash.` };
    const { deletedAt: _deletedAt, ...record } = trashed;
    return attemptWrite('restore the document', () =>
      journal.run({ op: 'restore', record: trashed }, async () => {
        await trash.moveOut(id);
        // What was read of the document while it was away (nothing, or half its files) is forgotten.
        await annotations.release(id);
        await catalog.restore(record);
        // The record is safe in library.json; a trash entry left behind is settled at the next open.
        await trash.purge(id).catch((error: unknown) => console.error('Could not empty a trash entry', error));
        return toSummary(record);
      }),
    );
  }

  /** Imports dropped files as one batch (progress events, cancellable). */
  importFiles(files: FileToImport[]): Promise<ImportReport> {
    return this.parts.batches.run(files.map((file) => this.importer.bytesItem(file.name, file.bytes)));
  }

  /** Imports files from disk; a missing or unreadable path is refused with 'unreadable'. */
  importPaths(filePaths: string[]): Promise<ImportReport> {
    return this.parts.batches.run(filePaths.map((filePath) => this.importer.pathItem(filePath)));
  }

  /**
   * An import is near (the open dialog is shown, files are dragged over the window): the converter
   * gets ready while the user picks. Answers at once; the warm-up runs in the background.
   */
  prepareImport(): void {
    void this.parts.warmConverter();
  }

  cancelImport(batchId: string): boolean {
    return this.parts.batches.cancel(batchId);
  }

  updateDocumentFromFile(id: DocumentId, file: FileToImport): Promise<Result<DocumentSummary>> {
    const record = this.parts.catalog.get(id);
    if (record === undefined) return Promise.resolve(documentNotFound(id));
    return this.updater.updateFromBytes(record, file.name, file.bytes);
  }

  /** Like updateDocumentFromFile, reading the file from disk with the importer's checks. */
  updateDocumentFromPath(id: DocumentId, filePath: string): Promise<Result<DocumentSummary>> {
    const record = this.parts.catalog.get(id);
    if (record === undefined) return Promise.resolve(documentNotFound(id));
    return this.updater.updateFromPath(record, filePath);
  }

  private nowIso(): string {
    return this.parts.now().toISOString();
  }
}
