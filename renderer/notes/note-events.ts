/**
 * Events of the notes feature: opening one note (the Notes view's route by id), asking to edit a
 * highlight's note, and telling the reader a highlight or document note was saved.
 */
import type { Highlight } from '../../preload/api';

const UP = { bubbles: true, composed: true } as const;

/** The user wants to see a note: `noteId` opens it in the Notes view, `null` shows the list. */
export class OpenNoteEvent extends Event {
  static readonly eventName = 'open-note';
  constructor(readonly noteId: string | null) {
    super(OpenNoteEvent.eventName, UP);
  }
}

/** Edit the note of this highlight (popover's Note button or N, a margin marker): the panel opens on it. */
export class EditHighlightNoteEvent extends Event {
  static readonly eventName = 'edit-highlight-note';
  constructor(readonly highlightId: string) {
    super(EditHighlightNoteEvent.eventName, UP);
  }
}

/** A highlight's note was stored: the reader's copy of the highlight is now this one. */
export class HighlightNoteSavedEvent extends Event {
  static readonly eventName = 'highlight-note-saved';
  constructor(readonly highlight: Highlight) {
    super(HighlightNoteSavedEvent.eventName, UP);
  }
}

/** The document's note was stored. */
export class DocumentNoteSavedEvent extends Event {
  static readonly eventName = 'document-note-saved';
  constructor(
    readonly documentId: string,
    readonly markdown: string | null,
  ) {
    super(DocumentNoteSavedEvent.eventName, UP);
  }
}

declare global {
  interface HTMLElementEventMap {
    'open-note': OpenNoteEvent;
    'edit-highlight-note': EditHighlightNoteEvent;
    'highlight-note-saved': HighlightNoteSavedEvent;
    'document-note-saved': DocumentNoteSavedEvent;
  }
}
