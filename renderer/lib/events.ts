/**
 * The app's events between components: typed classes that bubble and cross shadow roots, each
 * with an `HTMLElementEventMap` entry so listeners need no casts. Components send changes up
 * as these; none calls another's methods.
 */
import type { DocumentId, Settings } from '../../preload/api';

const UP = { bubbles: true, composed: true } as const;

export type View = 'library' | 'trash' | 'tags' | 'notes' | 'broken-links' | 'workspace';

export interface ToastAction {
  label: string;
  run: () => void;
  /** Keep the toast after the action ran (Copy details); the default dismisses it. */
  keepOpen?: boolean;
  /** The key that does the same (shown, and announced with the message), e.g. "Ctrl+Z". */
  shortcut?: string;
}

export interface ToastInit {
  kind: 'success' | 'info' | 'error';
  message: string;
  action?: ToastAction;
  /** Lines shown under the message in an expandable list (every refused file of an import). */
  details?: readonly string[];
  /** The toast closes when this settles (its action was done some other way, e.g. Ctrl+Z). */
  closesWhen?: Promise<unknown>;
  /** Called when the user dismisses it with its close button (not when it fades or its action ran). */
  onDismiss?: () => void;
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

/** A view whose data failed to load asks for it again (its Retry button). */
export class RetryLoadEvent extends Event {
  static readonly eventName = 'retry-load';
  constructor() {
    super(RetryLoadEvent.eventName, UP);
  }
}

/** Tell the user something in the toast region. */
export class ToastEvent extends Event {
  static readonly eventName = 'toast';
  constructor(readonly toast: ToastInit) {
    super(ToastEvent.eventName, UP);
  }
}

/** A settings patch (typography, theme, sort, last colour): the shell persists it and passes settings down. */
export class SettingsChangeEvent extends Event {
  static readonly eventName = 'settings-change';
  constructor(readonly patch: Partial<Settings>) {
    super(SettingsChangeEvent.eventName, UP);
  }
}

/**
 * The reader wants to leave, its position saved by then: `back` to the view it was opened from
 * (Back, Alt+←), or to the `library` (the menu's Show Library).
 */
export class ReaderCloseEvent extends Event {
  static readonly eventName = 'reader-close';
  constructor(readonly to: 'back' | 'library' = 'back') {
    super(ReaderCloseEvent.eventName, UP);
  }
}

declare global {
  interface HTMLElementEventMap {
    'open-document': OpenDocumentEvent;
    navigate: NavigateEvent;
    'import-request': ImportRequestEvent;
    'library-edited': LibraryEditedEvent;
    'retry-load': RetryLoadEvent;
    toast: ToastEvent;
    'settings-change': SettingsChangeEvent;
    'reader-close': ReaderCloseEvent;
  }
}
