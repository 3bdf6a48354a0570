/** The notes domain's part of the contract's handlers. */
import type { NOTE_METHODS } from '../../../preload/api';
import { type ApiHandlers, defineHandler } from '../define-handler';
import { type ErrorLog, ok } from '../handler-factory';
import type { AnnotationNotes } from './annotation-notes';
import type { NotesService } from './service';

export function createNoteHandlers(
  notes: NotesService,
  annotationNotes: AnnotationNotes,
  log: ErrorLog,
): Pick<ApiHandlers, (typeof NOTE_METHODS)[number]> {
  return {
    listNotes: defineHandler('listNotes', async () => ok(notes.listNotes()), log),
    listUnreadableNotes: defineHandler('listUnreadableNotes', async () => ok(notes.listUnreadable()), log),
    getNote: defineHandler('getNote', async (id) => notes.getNote(id), log),
    createNote: defineHandler('createNote', (note) => notes.createNote(note), log),
    saveNote: defineHandler('saveNote', (id, patch) => notes.saveNote(id, patch), log),
    deleteNote: defineHandler('deleteNote', (id) => notes.deleteNote(id), log),
    listTrashedNotes: defineHandler('listTrashedNotes', async () => ok(notes.listTrashed()), log),
    restoreNote: defineHandler('restoreNote', (id) => notes.restoreNote(id), log),
    setHighlightNote: defineHandler(
      'setHighlightNote',
      (documentId, highlightId, markdown) =>
        annotationNotes.setHighlightNote(documentId, highlightId, markdown),
      log,
    ),
    setDocumentNote: defineHandler(
      'setDocumentNote',
      (documentId, markdown) => annotationNotes.setDocumentNote(documentId, markdown),
      log,
    ),
  };
}
