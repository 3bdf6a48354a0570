/** The documents domain of the contract: the library list, reading, import, trash. */
import type { DocumentId, ErrorCode, Result } from './common';
import type { Highlight } from './highlights';

/** What the library view shows for one document. */
export interface DocumentSummary {
  id: DocumentId;
  title: string;
  /** Author or byline, where the file says. */
  author: string | null;
  /** Where it came from: the imported file's name (or a URL in later versions). */
  source: string | null;
  /** Plain text, about 240 characters, for a two-line excerpt. */
  excerpt: string;
  wordCount: number;
  /** At 238 words a minute, rounded up; at least 1. */
  readingMinutes: number;
  /** 0..1: how far the reader has got. */
  progress: number;
  /** ISO 8601 times. */
  addedAt: string;
  openedAt: string | null;
  /** Highlights on this document. */
  highlightCount: number;
  /** Identifies the current text (the sha256 of the normalised body); changes on "Update from file". */
  textVersion: string;
  /** The text's language as a BCP 47 tag, where the source says (web pages, books). */
  language?: string;
  /** The text's direction, where the source says; the reader sets it on the page. */
  dir?: 'ltr' | 'rtl';
}

/**
 * A reading position as a place in the text, not a pixel offset, so it survives font-size
 * and window-size changes. `section` indexes the document's heading sections (see
 * renderer/reader/sections.ts), `offset` is a character offset into that section's
 * rendered text, `quote` the ~32 characters that start there (for re-finding it after an edit).
 */
export interface ReadingPosition {
  section: number;
  offset: number;
  quote: string;
  /** 0..1 of the whole document, for the progress bar. */
  progress: number;
}

/** A document opened for reading. */
export interface OpenedDocument {
  summary: DocumentSummary;
  /** The normalised markdown body. */
  markdown: string;
  position: ReadingPosition | null;
  /** Every highlight of the document (placed or not), in no particular order. */
  highlights: Highlight[];
}

/** A document in the library's trash, restorable. */
export interface TrashedDocument {
  id: DocumentId;
  title: string;
  deletedAt: string;
}

/** One file handed to the importer by the renderer (drag and drop). */
export interface FileToImport {
  name: string;
  bytes: Uint8Array;
}

/** What happened to each file of an import, in the order given. */
export type ImportOutcome =
  | {
      file: string;
      status: 'imported';
      document: DocumentSummary;
      /** What the import assumed that the user should know (e.g. the file's encoding). */
      note?: string;
    }
  | { file: string; status: 'duplicate'; document: DocumentSummary }
  | { file: string; status: 'refused'; code: ErrorCode; message: string };

export interface ImportReport {
  outcomes: ImportOutcome[];
}

export interface DocumentsApi {
  listDocuments(): Promise<Result<DocumentSummary[]>>;
  /** Opens a document for reading and records the time; `null` when there is no such document. */
  openDocument(id: DocumentId): Promise<Result<OpenedDocument | null>>;
  saveReadingPosition(id: DocumentId, position: ReadingPosition): Promise<Result<null>>;
  renameDocument(id: DocumentId, title: string): Promise<Result<DocumentSummary>>;
  /** Moves a document's files to the library's trash. */
  deleteDocument(id: DocumentId): Promise<Result<null>>;
  listTrash(): Promise<Result<TrashedDocument[]>>;
  restoreDocument(id: DocumentId): Promise<Result<DocumentSummary>>;
  /** Imports files the renderer holds (dropped on the window). */
  importFiles(files: FileToImport[]): Promise<Result<ImportReport>>;
  /** Shows the native open dialog and imports what the user picks; `null` if cancelled. */
  chooseAndImportFiles(): Promise<Result<ImportReport | null>>;
  /** Replaces a document's text with a changed version of its file; highlights are kept for re-anchoring. */
  updateDocumentFromFile(documentId: DocumentId, file: FileToImport): Promise<Result<DocumentSummary>>;
  /** Shows the open dialog for one file, then updateDocumentFromFile; `null` if cancelled. */
  chooseAndUpdateDocument(documentId: DocumentId): Promise<Result<DocumentSummary | null>>;
}

export const DOCUMENT_METHODS = [
  'listDocuments',
  'openDocument',
  'saveReadingPosition',
  'renameDocument',
  'deleteDocument',
  'listTrash',
  'restoreDocument',
  'importFiles',
  'chooseAndImportFiles',
  'updateDocumentFromFile',
  'chooseAndUpdateDocument',
] as const satisfies readonly (keyof DocumentsApi)[];
