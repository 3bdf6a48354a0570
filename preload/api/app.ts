/** The app domain of the contract: the library folder itself, its notices, and links out. */
import type { DocumentId, Result } from './common';

/** A message for the user about the library itself (a file restored from backup, ...). */
export interface LibraryNotice {
  level: 'info' | 'warning' | 'error';
  message: string;
}

/**
 * A notice as the library lists and announces it, until the user dismisses it
 * (`acknowledgeNotice`). One about a change to the user's files (a corrupt file replaced by its
 * backup) is kept on disk until then: it is listed again at every start until dismissed.
 */
export interface ListedNotice extends LibraryNotice {
  id: string;
}

export interface LibraryInfo {
  /** Absolute path of the library folder. */
  path: string;
  /** The notices not yet dismissed (corrupt files moved aside, ...), oldest first. */
  notices: ListedNotice[];
}

/** A deep link clicked outside the app (`lectern://open?doc=…&highlight=…`), checked and waiting to open. */
export interface OpenRequest {
  documentId: DocumentId;
  /** The passage to show, or null to open the document at its reading position. */
  highlightId: string | null;
}

export interface AppApi {
  getLibraryInfo(): Promise<Result<LibraryInfo>>;
  /** Opens an http(s) or mailto link in the system browser, after URL checks. */
  openExternal(url: string): Promise<Result<null>>;
  /**
   * The deep link waiting to be opened (null when none), taken so it opens once. Asked at start and on
   * `openRequested`. `not-found` when it names a document this library does not have (or has trashed).
   */
  takeOpenRequest(): Promise<Result<OpenRequest | null>>;
  /**
   * The user dismissed this notice: it is no longer listed, nor shown at the next start. An id
   * no longer listed (dismissed in another window) is fine; `disk-full`/`io` when its kept copy
   * could not be removed (it is then listed again at the next start).
   */
  acknowledgeNotice(id: string): Promise<Result<null>>;
}

export const APP_METHODS = [
  'getLibraryInfo',
  'openExternal',
  'takeOpenRequest',
  'acknowledgeNotice',
] as const satisfies readonly (keyof AppApi)[];
