/**
 * The events the shell listens to. Components send data up as events (they bubble and cross
 * shadow roots); none calls another's methods. `settings-change` and `reader-close` are the
 * reader's events, shared with the library view.
 */
import type { DocumentId, Settings } from '../../preload/api';

const UP = { bubbles: true, composed: true } as const;

export type View = 'library' | 'trash';

export interface ToastAction {
  label: string;
  run: () => void;
}

export interface ToastInit {
  kind: 'success' | 'info' | 'error';
  message: string;
  action?: ToastAction;
}

export interface Toast extends ToastInit {
  id: number;
}

/** The user wants to read a document. */
export class OpenDocumentEvent extends Event {
  static readonly eventName = 'open-document';
  constructor(readonly documentId: DocumentId) {
    super(OpenDocumentEvent.eventName, UP);
  }
}

/** Switch between the library and the trash. */
export class NavigateEvent extends Event {
  static readonly eventName = 'navigate';
  constructor(readonly view: View) {
    super(NavigateEvent.eventName, UP);
  }
}

/** The user asked to pick files to import (button, empty state). */
export class ImportRequestEvent extends Event {
  static readonly eventName = 'import-request';
  constructor() {
    super(ImportRequestEvent.eventName, UP);
  }
}

/** A component changed the library (rename, delete, restore): the shell reloads the list. */
export class LibraryEditedEvent extends Event {
  static readonly eventName = 'library-edited';
  constructor() {
    super(LibraryEditedEvent.eventName, UP);
  }
}

/** Tell the user something in the toast region. */
export class ToastEvent extends Event {
  static readonly eventName = 'toast';
  constructor(readonly toast: ToastInit) {
    super(ToastEvent.eventName, UP);
  }
}

/** Same shape as the reader's: a settings patch the shell persists. */
export const settingsChange = (patch: Partial<Settings>): CustomEvent<Partial<Settings>> =>
  new CustomEvent('settings-change', { ...UP, detail: patch });
