/**
 * "Update from file": replaces a document's body with a changed version of its file, keeping
 * its id, title, reading position and highlights (which the renderer re-anchors, seeing that
 * their anchoredVersion is no longer the document's textVersion). The previous body is kept
 * in history/<id>/<old textVersion>.md.
 */
import path from 'node:path';
import type { DocumentId, DocumentSummary, Failure, Result } from '../../../preload/api';
import type { Catalog } from '../catalog/catalog';
import { type DocumentRecord, toSummary } from '../catalog/records';
import type { Converter } from '../import/conversion';
import { recordedMetadata } from '../import/convert';
import { fsyncDir, writeFileDurable } from '../storage/durable-file';
import { errnoOf, writeFailure } from '../storage/failures';
import type { FileSystem } from '../storage/file-system';
import type { LibraryPaths } from '../storage/paths';
import { DocumentAssets } from './assets';
import { readFileToImport } from './importer';
import type { DocumentJournal } from './intents';
import { documentNotFound } from './not-found';

export interface UpdaterParts {
  fsys: FileSystem;
  paths: LibraryPaths;
  catalog: Catalog;
  journal: DocumentJournal;
  convert: Converter;
}

export class DocumentUpdater {
  constructor(private readonly parts: UpdaterParts) {}

  /** Reads the file with the importer's checks, then updates the document from it. */
  async updateFromPath(record: Readonly<DocumentRecord>, filePath: string): Promise<Result<DocumentSummary>> {
    const file = await readFileToImport(filePath);
    if (!file.ok) return { ok: false, code: file.code, message: file.message };
    return this.updateFromBytes(record, file.name, file.bytes, filePath);
  }

  /**
   * Writes under a journal entry, in an order that a crash anywhere leaves a readable
   * document: the old body's history copy first, then the new body (an atomic rename over the
   * old), then the record. Until the record is written, the history copy can undo the body.
   */
  async updateFromBytes(
    record: Readonly<DocumentRecord>,
    fileName: string,
    bytes: Uint8Array,
    /** The file on disk, when it came from there (a saved page's `_files` folder is read). */
    pagePath: string | null = null,
  ): Promise<Result<DocumentSummary>> {
    // The bytes were read (or received) for this update alone: the converter may take them.
    const prepared = await this.parts.convert({ fileName, bytes, pagePath, handOver: true });
    if (!('id' in prepared)) return prepared;
    const refusal = this.duplicateOf(record, fileName, prepared.contentHash);
    if (refusal !== null) return refusal;
    const { fsys, paths, catalog, journal } = this.parts;
    const { id, contentHash: oldHash } = record;
    // New pictures are added; old ones stay, as the history's earlier bodies still reference them.
    const assets = new DocumentAssets(fsys, paths);
    let addedAssets: string[] = [];
    let updated: Readonly<DocumentRecord> | null;
    try {
      const historyExisted = await this.exists(paths.historyFile(id, oldHash));
      const intent = { op: 'update' as const, id, oldHash, newHash: prepared.contentHash, historyExisted };
      updated = await journal.run(intent, async () => {
        const oldBody = await fsys.readFile(paths.documentFile(record.id));
        if (!historyExisted) await this.keepInHistory(record.id, record.contentHash, oldBody);
        addedAssets = await assets.store(record.id, prepared.assets);
        await writeFileDurable(fsys, paths.documentFile(record.id), prepared.body);
        return catalog.update(record.id, {
          contentHash: prepared.contentHash,
          excerpt: prepared.excerpt,
          wordCount: prepared.wordCount,
          readingMinutes: prepared.readingMinutes,
          bodyBytes: prepared.body.byteLength,
          ...recordedMetadata(prepared.metadata),
        });
      });
    } catch (error) {
      await assets.removeNames(record.id, addedAssets);
      return writeFailure(error, `save “${fileName}”`);
    }
    if (updated === null) return documentNotFound(record.id);
    return { ok: true, value: toSummary(updated) };
  }

  private duplicateOf(record: Readonly<DocumentRecord>, fileName: string, contentHash: string): Failure | null {
    if (contentHash === record.contentHash) {
      return {
        ok: false,
        code: 'duplicate',
        message: `“${fileName}” is the same as the version in your library.`,
      };
    }
    const other = this.parts.catalog.findByContentHash(contentHash);
    if (other === undefined) return null;
    return {
      ok: false,
      code: 'duplicate',
      message: `“${fileName}” has the same text as “${other.title}”, already in your library.`,
    };
  }

  private async exists(filePath: string): Promise<boolean> {
    try {
      await this.parts.fsys.stat(filePath);
      return true;
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') return false;
      throw error;
    }
  }

  /** Durably copies the current body to history/<id>/<textVersion>.md. */
  private async keepInHistory(id: DocumentId, textVersion: string, body: Buffer): Promise<void> {
    const historyPath = this.parts.paths.historyFile(id, textVersion);
    await this.parts.fsys.mkdir(path.dirname(historyPath));
    await fsyncDir(this.parts.fsys, this.parts.paths.historyDir);
    await writeFileDurable(this.parts.fsys, historyPath, body);
  }
}
