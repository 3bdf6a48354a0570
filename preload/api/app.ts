/** The app domain of the contract: the library folder itself, its notices, and links out. */
import type { Result } from './common';

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

export interface AppApi {
  getLibraryInfo(): Promise<Result<LibraryInfo>>;
  /** Opens an http(s) or mailto link in the system browser, after URL checks. */
  openExternal(url: string): Promise<Result<null>>;
}

export const APP_METHODS = ['getLibraryInfo', 'openExternal'] as const satisfies readonly (keyof AppApi)[];
