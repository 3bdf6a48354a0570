/**
 * The notes domain of the contract: standalone markdown notes (files of their own in the library
 * folder), the note on a highlight and the note on a whole document.
 */
import type { DocumentId, Result } from './common';
import type { Highlight } from './highlights';

/** A note's id: 16 lowercase hex characters. */
export type NoteId = string;

/** What the Notes list shows of a standalone note. */
export interface NoteSummary {
  id: NoteId;
  title: string;
  /** Normalised tag names (common/tags.ts), first spelling kept. */
  tags: string[];
  createdAt: string;
  updatedAt: string;
  /** The start of the body as plain-ish text, for the list. */
  excerpt: string;
}

/** A whole standalone note. */
export interface Note extends NoteSummary {
  /** Markdown. */
  body: string;
}

export interface NewNote {
  title: string;
  body?: string;
  tags?: string[];
}

export interface NotePatch {
  title?: string;
  body?: string;
  tags?: string[];
}

/** A note in the notes trash, restorable. */
export interface TrashedNote {
  id: NoteId;
  title: string;
  deletedAt: string;
}

/**
 * A file in notes/ that could not be read as a note (invalid front matter, no id): left
 * untouched on disk, never overwritten, and listed so the user can fix it outside the app.
 */
export interface UnreadableNoteFile {
  fileName: string;
  reason: string;
}

/** The longest note body (and highlight or document note), in characters. */
export const MAX_NOTE_LENGTH = 2_000_000;
/** The longest note title, in characters. */
export const MAX_NOTE_TITLE_LENGTH = 500;

export interface NotesApi {
  /** Sorted by `updatedAt`, newest first. */
  listNotes(): Promise<Result<NoteSummary[]>>;
  /** Files in notes/ that could not be read as notes (kept aside, untouched). */
  listUnreadableNotes(): Promise<Result<UnreadableNoteFile[]>>;
  getNote(id: NoteId): Promise<Result<Note>>;
  createNote(note: NewNote): Promise<Result<Note>>;
  /** Writes the note file durably before answering; a failure changes nothing. */
  saveNote(id: NoteId, patch: NotePatch): Promise<Result<Note>>;
  /** Moves the note to the notes trash (restorable). */
  deleteNote(id: NoteId): Promise<Result<null>>;
  listTrashedNotes(): Promise<Result<TrashedNote[]>>;
  restoreNote(id: NoteId): Promise<Result<Note>>;
  /** Sets (or with `null` removes) the note on a highlight. */
  setHighlightNote(
    documentId: DocumentId,
    highlightId: string,
    markdown: string | null,
  ): Promise<Result<Highlight>>;
  /** Sets (or with `null` removes) the note on a whole document. */
  setDocumentNote(documentId: DocumentId, markdown: string | null): Promise<Result<null>>;
}

export const NOTE_METHODS = [
  'listNotes',
  'listUnreadableNotes',
  'getNote',
  'createNote',
  'saveNote',
  'deleteNote',
  'listTrashedNotes',
  'restoreNote',
  'setHighlightNote',
  'setDocumentNote',
] as const satisfies readonly (keyof NotesApi)[];

/** Standalone notes were created, changed, moved to the trash or restored. */
export interface NotesChange {
  kind: 'added' | 'updated' | 'removed' | 'restored';
  ids: NoteId[];
}
