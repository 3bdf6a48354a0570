/** What the export tests share: a platform whose folder picker answers a set folder, and a Result unwrapped. */
import type { Result } from '../../../preload/api';
import type { Platform } from '../handlers';

/** A platform whose export folder picker answers `folder` (null: the user cancelled). */
export class FolderPlatform implements Platform {
  constructor(public folder: string | null) {}
  async chooseFilesToImport() {
    return null;
  }
  async chooseFileToUpdate() {
    return null;
  }
  async chooseExportFolder() {
    return this.folder;
  }
  async openExternal() {}
}

/** The value of an answer that must have succeeded; a failure throws with its code and message. */
export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
}
