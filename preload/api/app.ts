/** The app domain of the contract: the library folder itself, its notices, and links out. */
import type { DocumentId, Result } from './common';

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
}

export const APP_METHODS = [
  'getLibraryInfo',
  'openExternal',
  'takeOpenRequest',
] as const satisfies readonly (keyof AppApi)[];
