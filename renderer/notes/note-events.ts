/** Events of the notes feature: opening one note (the Notes view's route by id). */

/** The user wants to see a note: `noteId` opens it in the Notes view, `null` shows the list. */
export class OpenNoteEvent extends Event {
  static readonly eventName = 'open-note';
  constructor(readonly noteId: string | null) {
    super(OpenNoteEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'open-note': OpenNoteEvent;
  }
}
