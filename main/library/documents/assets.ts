/**
 * A document's pictures on disk: `documents/<id>/assets/<name>`, written durably before the record
 * that references them, removed when an import fails, and moved whole with the document to
 * `trash/<id>/<id>/` and back.
 */
import path from 'node:path';
import type { DocumentAsset } from '../import/web/converted-document';
import { fsyncDir, writeFileDurable } from '../storage/durable-file';
import { errnoOf } from '../storage/failures';
import type { FileSystem } from '../storage/file-system';
import type { LibraryPaths } from '../storage/paths';

export const ASSETS_FOLDER = 'assets';

/** `documents/<id>/`: the folder of everything a document keeps beside its body. */
export function documentFolder(paths: LibraryPaths, id: string): string {
  return path.join(paths.documentsDir, id);
}

/** Where a trashed document's folder waits: `trash/<id>/<id>/`, beside `<id>.md` and `<id>.json`. */
export function trashedDocumentFolder(paths: LibraryPaths, id: string): string {
  return path.join(paths.trashEntryDir(id), id);
}

/** `documents/<id>/assets/<name>`. */
export function assetFile(paths: LibraryPaths, id: string, name: string): string {
  return path.join(documentFolder(paths, id), ASSETS_FOLDER, name);
}

/** True for a document folder, live or trashed: most documents have none, so moving one is optional. */
export function isDocumentFolder(paths: LibraryPaths, candidate: string): boolean {
  const id = path.basename(candidate);
  return candidate === documentFolder(paths, id) || candidate === trashedDocumentFolder(paths, id);
}

export class DocumentAssets {
  constructor(
    private readonly fsys: FileSystem,
    private readonly paths: LibraryPaths,
  ) {}

  /**
   * Writes the assets a document does not have yet (names are content hashes: one already there
   * holds these bytes) and returns the names it wrote, for `removeNames` to undo. On failure the
   * ones written are removed and the error is thrown.
   */
  async store(id: string, assets: readonly DocumentAsset[]): Promise<string[]> {
    if (assets.length === 0) return [];
    const folder = path.join(documentFolder(this.paths, id), ASSETS_FOLDER);
    const written: string[] = [];
    try {
      await this.fsys.mkdir(folder);
      for (const asset of assets) {
        if (await this.exists(path.join(folder, asset.name))) continue;
        await writeFileDurable(this.fsys, path.join(folder, asset.name), asset.bytes);
        written.push(asset.name);
      }
      await fsyncDir(this.fsys, this.paths.documentsDir);
    } catch (error) {
      await this.removeNames(id, written);
      throw error;
    }
    return written;
  }

  /** Best effort: removes the named assets of a document (an update that did not land). */
  async removeNames(id: string, names: readonly string[]): Promise<void> {
    for (const name of names) await this.fsys.unlink(assetFile(this.paths, id, name)).catch(() => undefined);
  }

  /** Best effort: removes a document's whole folder (an import that did not land). */
  async removeAll(id: string): Promise<void> {
    await this.fsys.removeTree(documentFolder(this.paths, id)).catch(() => undefined);
  }

  private async exists(filePath: string): Promise<boolean> {
    try {
      await this.fsys.stat(filePath);
      return true;
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') return false;
      throw error;
    }
  }
}
