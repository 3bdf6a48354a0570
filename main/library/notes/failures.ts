/** The notes domain's expected failures, with messages that say what to do. */
import { MAX_NOTE_LENGTH, type Failure } from '../../../preload/api';

/** A `too-large` failure for a note body past the cap, or null when it fits. */
export function checkNoteSize(markdown: string): Failure | null {
  if (markdown.length <= MAX_NOTE_LENGTH) return null;
  const megabytes = (markdown.length / 1_000_000).toFixed(1);
  return {
    ok: false,
    code: 'too-large',
    message: `This note is ${megabytes} million characters long; a note may have at most ${MAX_NOTE_LENGTH.toLocaleString('en')}. Your text is kept in the editor: split it into several notes.`,
  };
}

export function noteNotFound(id: string): Failure {
  return { ok: false, code: 'not-found', message: `There is no note ${id} (it may have been deleted).` };
}

/** The note's file was changed outside Lectern into something that is not this note: it is not overwritten. */
export function outsideEditRefusal(fileName: string, reason: string): Failure {
  return {
    ok: false,
    code: 'stale',
    message: `notes/${fileName} was changed outside Lectern and ${reason}, so Lectern did not overwrite it. Your text is kept in the editor; copy it, fix the file, and restart Lectern.`,
  };
}
