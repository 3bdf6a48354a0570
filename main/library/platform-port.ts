import type { OpenRequest } from '../../preload/api';

/** What the core needs from the platform (Electron dialogs and shell, or a test stub). */
export interface Platform {
  /** Shows an open dialog; `null` when the user cancels. */
  chooseFilesToImport(): Promise<string[] | null>;
  /** Shows an open dialog for one file to update the document titled `title` from; `null` when cancelled. */
  chooseFileToUpdate(title: string): Promise<string | null>;
  /** Shows a folder dialog to export the notes of the document titled `title` into; `null` when cancelled. */
  chooseExportFolder(title: string): Promise<string | null>;
  /**
   * Shows an open dialog for one annotation file (Kindle clippings, Hypothesis or W3C JSON); `null`
   * when cancelled. Optional so that platforms written before it (test stubs) need not change.
   */
  chooseAnnotationFile?(): Promise<string | null>;
  openExternal(url: string): Promise<void>;
  /**
   * The deep link clicked outside the app that has not been opened yet, taken (null when none).
   * Absent where there are no deep links (tests that stand in for the OS).
   */
  takeOpenRequest?(): OpenRequest | null;
}
