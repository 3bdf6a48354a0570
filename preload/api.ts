/**
 * THE contract between Lectern's renderer and its main process: the data types that cross
 * the boundary and the list of methods the preload exposes as `window.lectern`.
 * Types only (plus two const lists); the renderer imports nothing else from outside renderer/.
 */

/** A document's id: 16 lowercase hex characters (a prefix of its first content hash). */
export type DocumentId = string;

export type ErrorCode =
  | 'invalid-argument'
  | 'not-found'
  | 'empty'
  | 'binary'
  | 'too-large'
  | 'bad-encoding'
  | 'unsupported-type'
  | 'unreadable'
  | 'duplicate'
  | 'disallowed-url'
  | 'io'
  | 'internal';

/** Expected failures are values, never thrown errors (Electron would keep only `message`). */
export type Failure = { ok: false; code: ErrorCode; message: string };
export type Result<T> = { ok: true; value: T } | Failure;

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

/** The six highlight colours; what each means is the user's (Settings.highlightLabels). */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** W3C Web Annotation selectors over the rendered document's text (see renderer/anchoring). */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  /** Up to 32 characters before and after the quote. */
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  /** UTF-16 offsets into the document's rendered text. */
  start: number;
  end: number;
}

/** A highlighted passage of one document. */
export interface Highlight {
  /** 16 lowercase hex characters. */
  id: string;
  documentId: DocumentId;
  color: HighlightColor;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  /**
   * The document text version (DocumentSummary.textVersion) the selectors were last placed
   * on. When it differs from the document's, the reader re-anchors and saves the result.
   */
  anchoredVersion: string;
  /** True when re-anchoring after an update could not place it: listed, never dropped. */
  unplaced: boolean;
  /** Room for the tags and note of later issues. */
  tags: string[];
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewHighlight {
  color: HighlightColor;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  anchoredVersion: string;
}

/** A change to a highlight; `quote`+`position`+`anchoredVersion` together re-attach it. */
export interface HighlightPatch {
  color?: HighlightColor;
  quote?: TextQuoteSelector;
  position?: TextPositionSelector;
  anchoredVersion?: string;
  unplaced?: boolean;
}

/** The result of re-anchoring one highlight on a new version of its document's text. */
export interface AnchorUpdate {
  id: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  anchoredVersion: string;
  unplaced: boolean;
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
  | { file: string; status: 'imported'; document: DocumentSummary }
  | { file: string; status: 'duplicate'; document: DocumentSummary }
  | { file: string; status: 'refused'; code: ErrorCode; message: string };

export interface ImportReport {
  outcomes: ImportOutcome[];
}

export type ThemeSetting = 'system' | 'light' | 'dark' | 'sepia';
export type FontSetting = 'serif' | 'sans';
export type LibrarySort = 'recent' | 'added' | 'title';

export interface Settings {
  theme: ThemeSetting;
  font: FontSetting;
  /** CSS pixels, 14..28. */
  fontSize: number;
  /** Measure of the reading column in `ch`, 45..90. */
  lineWidth: number;
  /** Unitless line height, 1.3..2.0. */
  lineHeight: number;
  librarySort: LibrarySort;
  /** What each highlight colour means to this reader ("Key idea", "Question", ...). */
  highlightLabels: Record<HighlightColor, string>;
  /** The colour H applies. */
  lastHighlightColor: HighlightColor;
}

export const SETTINGS_LIMITS = {
  fontSize: { min: 14, max: 28 },
  lineWidth: { min: 45, max: 90 },
  lineHeight: { min: 1.3, max: 2.0 },
} as const;

/** A message for the user about the library itself (a file restored from backup, ...). */
export interface LibraryNotice {
  level: 'info' | 'warning' | 'error';
  message: string;
}

export interface LibraryInfo {
  /** Absolute path of the library folder. */
  path: string;
  /** Notices raised while opening the library (corrupt files moved aside, ...). */
  notices: LibraryNotice[];
}

/** Every method is async; arguments and results are plain structured-cloneable data. */
export interface LecternApi {
  getLibraryInfo(): Promise<LibraryInfo>;
  listDocuments(): Promise<DocumentSummary[]>;
  /** Opens a document for reading and records the time; `null` when there is no such document. */
  openDocument(id: DocumentId): Promise<OpenedDocument | null>;
  saveReadingPosition(id: DocumentId, position: ReadingPosition): Promise<Result<null>>;
  renameDocument(id: DocumentId, title: string): Promise<Result<DocumentSummary>>;
  /** Moves a document's files to the library's trash. */
  deleteDocument(id: DocumentId): Promise<Result<null>>;
  listTrash(): Promise<TrashedDocument[]>;
  restoreDocument(id: DocumentId): Promise<Result<DocumentSummary>>;
  /** Imports files the renderer holds (dropped on the window). */
  importFiles(files: FileToImport[]): Promise<ImportReport>;
  /** Shows the native open dialog and imports what the user picks; `null` if cancelled. */
  chooseAndImportFiles(): Promise<ImportReport | null>;
  getSettings(): Promise<Settings>;
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  /** Opens an http(s) or mailto link in the system browser, after URL checks. */
  openExternal(url: string): Promise<Result<null>>;
  addHighlight(documentId: DocumentId, highlight: NewHighlight): Promise<Result<Highlight>>;
  updateHighlight(
    documentId: DocumentId,
    highlightId: string,
    patch: HighlightPatch,
  ): Promise<Result<Highlight>>;
  /** Deletes a highlight and returns it, so the renderer can offer undo. */
  deleteHighlight(documentId: DocumentId, highlightId: string): Promise<Result<Highlight>>;
  /** Undo of deleteHighlight: puts the returned highlight back as it was. */
  restoreHighlight(documentId: DocumentId, highlight: Highlight): Promise<Result<Highlight>>;
  /** Stores the outcome of re-anchoring highlights on the document's current text. */
  saveAnchors(documentId: DocumentId, updates: AnchorUpdate[]): Promise<Result<null>>;
  /** Replaces a document's text with a changed version of its file; highlights are kept for re-anchoring. */
  updateDocumentFromFile(documentId: DocumentId, file: FileToImport): Promise<Result<DocumentSummary>>;
  /** Shows the open dialog for one file, then updateDocumentFromFile; `null` if cancelled. */
  chooseAndUpdateDocument(documentId: DocumentId): Promise<Result<DocumentSummary> | null>;
}

export type ApiMethod = keyof LecternApi;

export const API_METHODS = [
  'getLibraryInfo',
  'listDocuments',
  'openDocument',
  'saveReadingPosition',
  'renameDocument',
  'deleteDocument',
  'listTrash',
  'restoreDocument',
  'importFiles',
  'chooseAndImportFiles',
  'getSettings',
  'updateSettings',
  'openExternal',
  'addHighlight',
  'updateHighlight',
  'deleteHighlight',
  'restoreHighlight',
  'saveAnchors',
  'updateDocumentFromFile',
  'chooseAndUpdateDocument',
] as const satisfies readonly ApiMethod[];

/** Events from main to renderer, and their payloads. */
export interface LecternEvents {
  /** Documents were added, removed or changed (from another window, the menu, ...). */
  libraryChanged: null;
  /** An import started from the application menu (Ctrl/Cmd+O) finished. */
  importFinished: ImportReport;
  /** The menu asked the renderer to do something. */
  menuCommand: MenuCommand;
}

export type MenuCommand = 'show-library' | 'toggle-toc';

export type EventName = keyof LecternEvents;

export const EVENT_NAMES = [
  'libraryChanged',
  'importFinished',
  'menuCommand',
] as const satisfies readonly EventName[];

/** `window.lectern`: the contract's methods plus one subscribe function. */
export type LecternBridge = LecternApi & {
  /** Subscribes to an event; returns the unsubscribe function. */
  subscribe<E extends EventName>(event: E, listener: (payload: LecternEvents[E]) => void): () => void;
};

export const channelFor = (method: ApiMethod | EventName): string => `lectern:${method}`;

// Compile-time proof that API_METHODS lists every method of LecternApi.
type MissingMethods = Exclude<ApiMethod, (typeof API_METHODS)[number]>;
export const API_METHODS_COMPLETE: MissingMethods extends never ? true : MissingMethods = true;
