/** The documents domain of the contract: the library list, reading, import, trash. */
import type { DocumentId, ErrorCode, Result } from './common';
import type { Highlight } from './highlights';
import type { LibrarySort } from './settings';

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
  /**
   * The section (common/sections.ts) where the text proper starts, where the source says and it
   * is not the first (a book's bodymatter landmark): with no saved position, the reader opens there.
   */
  startSection?: number;
  /** The document's tags (not its highlights'), in the order given. */
  tags: string[];
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
  /** The note on the whole document (markdown), or null. */
  documentNote: string | null;
}

/** What one row of the library list shows: a summary without what only the reader needs. */
export type DocumentRow = Omit<DocumentSummary, 'textVersion'>;

/** A windowed query of the library list: the rows [offset, offset + limit) of the sorted, filtered list. */
export interface DocumentQuery {
  sort: LibrarySort;
  /** Whitespace-separated terms, each matched (case- and accent-insensitively) in title, author, source or excerpt. */
  filter: string;
  offset: number;
  /** At most MAX_QUERY_LIMIT. */
  limit: number;
  /** Only documents tagged with this tag or one nested in it (`politics` includes `politics/armenia`). */
  tag?: string;
}

/** The answer to a DocumentQuery. An offset past the end answers no rows and the true totals. */
export interface DocumentWindow {
  offset: number;
  rows: DocumentRow[];
  /** Documents matching the filter. */
  total: number;
  /** Documents in the library. */
  libraryTotal: number;
}

export const MAX_QUERY_LIMIT = 1000;

/** Rows of a DocumentRowIndex page at most: big pages, fetched in the background. */
export const MAX_ROW_INDEX_LIMIT = 10_000;

/** A query of the row index: a page (offset, limit), or with `since` what changed after that version. */
export interface RowIndexQuery extends DocumentQuery {
  /**
   * An index's version (DocumentRowIndex.version): answers, instead of a page, the rows of every
   * document changed since then that is in the list (`changed`, `positions`), so the index is
   * patched in place. Changes no longer known answer a plain page without `changed`: rebuild.
   */
  since?: number;
}

/**
 * What rows [offset, offset + n) of the sorted, filtered list show, but their excerpts, as columns
 * (entry i of each array is row offset + i): compact, so the renderer can hold the whole list's and
 * paint a jump anywhere without a round trip. `version` changes with every change to the catalog:
 * pages of different versions do not belong together.
 */
export interface DocumentRowIndex {
  offset: number;
  total: number;
  libraryTotal: number;
  version: number;
  ids: DocumentId[];
  titles: string[];
  authors: (string | null)[];
  sources: (string | null)[];
  /** The rows with tags (`row` counts from `offset`): most have none. */
  tagged: { row: number; tags: string[] }[];
  wordCounts: number[];
  readingMinutes: number[];
  progress: number[];
  /** ms since the epoch; NaN (null in JSON) when a date of the row cannot be read: ask queryDocuments. */
  addedAt: (number | null)[];
  /** ms since the epoch, or null: never opened. */
  openedAt: (number | null)[];
  highlightCounts: number[];
  /** With `since`: every document changed since that version, in the list or not (any row of theirs is out of date). */
  changed?: DocumentId[];
  /** With `since`: the place of each row of the answer in the list at `version` (offset is 0). */
  positions?: number[];
}

/**
 * A document's heading sections as the outline knows them (their text may not be loaded yet), as
 * columns: entry i of each array describes section i. Compact, so a book of thousands of chapters
 * costs a few bytes a section to send and to parse, not an object each.
 */
export interface DocumentOutline {
  /** Characters of each section in the whole markdown; section i starts at the sum of those before it. */
  lengths: number[];
  /** Each section's heading level, or 0 for none (section 0, the text before the first heading). */
  levels: (0 | 1 | 2 | 3)[];
  /** Each section's heading text ('' for none). */
  titles: string[];
}

/**
 * The first part of an opened document: enough to paint the screen at the saved position.
 * `outline` splits the markdown exactly as renderer/reader/sections.ts does (common/sections.ts).
 */
export interface OpenedDocumentStart {
  summary: DocumentSummary;
  position: ReadingPosition | null;
  highlights: Highlight[];
  /** The note on the whole document (markdown), or null. */
  documentNote: string | null;
  outline: DocumentOutline;
  /** The markdown of sections [firstSection, firstSection + n): the saved place and some 64 KB after it. */
  firstSection: number;
  firstText: string;
  /** Characters in the whole markdown. */
  totalLength: number;
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
  | { file: string; status: 'refused'; code: ErrorCode; message: string }
  /** The batch was cancelled before this file was stored: nothing of it was kept. */
  | { file: string; status: 'cancelled' };

export interface ImportReport {
  outcomes: ImportOutcome[];
}

/** How far an import of several files has got (the `importProgress` event, after every file). */
export interface ImportProgress {
  /** Names the batch for cancelImport. */
  batchId: string;
  total: number;
  /** Files settled (imported, duplicate, refused or cancelled). */
  done: number;
  /** The file being imported now; null when finished. */
  current: string | null;
  finished: boolean;
}

export interface DocumentsApi {
  listDocuments(): Promise<Result<DocumentSummary[]>>;
  /**
   * The library list in windows (sort, filter, offset, limit); the core keeps the orders and the
   * filter, so a window costs the same at 100 or 100,000 documents.
   */
  queryDocuments(query: DocumentQuery): Promise<Result<DocumentWindow>>;
  /**
   * The same list as queryDocuments, without excerpts, in columns (limit up to MAX_ROW_INDEX_LIMIT):
   * the renderer's index of what every row shows, so a jump anywhere paints rows at once.
   */
  queryRowIndex(query: RowIndexQuery): Promise<Result<DocumentRowIndex>>;
  /** Opens a document for reading and records the time; `null` when there is no such document. */
  openDocument(id: DocumentId): Promise<Result<OpenedDocument | null>>;
  /**
   * Opening in two steps, step one: metadata, position, highlights, the section outline and the
   * text around the saved position; records the time like openDocument. `null` when there is no such document.
   */
  openDocumentStart(id: DocumentId): Promise<Result<OpenedDocumentStart | null>>;
  /**
   * Step two: the whole normalised markdown of the document at `textVersion` (the summary's).
   * 'not-found' when the document is gone or its text changed since step one (open it again).
   */
  readDocumentText(id: DocumentId, textVersion: string): Promise<Result<string>>;
  /**
   * Step two in pieces: the markdown of sections [fromSection, toSection) of the text at
   * `textVersion`, so the rest of a long document arrives in parts that never block a frame.
   * 'not-found' when the document is gone or its text changed (open it again); 'invalid-argument' for a bad range.
   */
  readDocumentSections(
    id: DocumentId,
    textVersion: string,
    fromSection: number,
    toSection: number,
  ): Promise<Result<string>>;
  saveReadingPosition(id: DocumentId, position: ReadingPosition): Promise<Result<null>>;
  renameDocument(id: DocumentId, title: string): Promise<Result<DocumentSummary>>;
  /** Moves a document's files to the library's trash. */
  deleteDocument(id: DocumentId): Promise<Result<null>>;
  listTrash(): Promise<Result<TrashedDocument[]>>;
  /** Deletes a trashed document's files for good ('not-found' when it is not in the trash). */
  deleteForever(id: DocumentId): Promise<Result<null>>;
  /** Deletes every trashed document for good; answers how many were deleted. */
  emptyTrash(): Promise<Result<number>>;
  restoreDocument(id: DocumentId): Promise<Result<DocumentSummary>>;
  /** Imports files the renderer holds (dropped on the window). */
  importFiles(files: FileToImport[]): Promise<Result<ImportReport>>;
  /** Shows the native open dialog and imports what the user picks; `null` if cancelled. */
  chooseAndImportFiles(): Promise<Result<ImportReport | null>>;
  /**
   * Files are about to be imported (dragged over the window): the core gets its converter ready,
   * so that the first file does not convert cold. Answers at once.
   */
  prepareImport(): Promise<Result<null>>;
  /**
   * Stops a running import before its next file (the file being stored finishes); the rest are
   * reported `cancelled`. `false` when the batch had already finished.
   */
  cancelImport(batchId: string): Promise<Result<boolean>>;
  /** Replaces a document's text with a changed version of its file; highlights are kept for re-anchoring. */
  updateDocumentFromFile(documentId: DocumentId, file: FileToImport): Promise<Result<DocumentSummary>>;
  /** Shows the open dialog for one file, then updateDocumentFromFile; `null` if cancelled. */
  chooseAndUpdateDocument(documentId: DocumentId): Promise<Result<DocumentSummary | null>>;
}

export const DOCUMENT_METHODS = [
  'listDocuments',
  'queryDocuments',
  'queryRowIndex',
  'openDocument',
  'openDocumentStart',
  'readDocumentText',
  'readDocumentSections',
  'saveReadingPosition',
  'renameDocument',
  'deleteDocument',
  'listTrash',
  'deleteForever',
  'emptyTrash',
  'restoreDocument',
  'importFiles',
  'chooseAndImportFiles',
  'prepareImport',
  'cancelImport',
  'updateDocumentFromFile',
  'chooseAndUpdateDocument',
] as const satisfies readonly (keyof DocumentsApi)[];
