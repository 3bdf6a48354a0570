/**
 * "Update from file": replaces a document's body with a changed version of its file, keeping
 * its id, title, reading position and highlights (which the renderer re-anchors, seeing that
 * their anchoredVersion is no longer the document's textVersion). The previous body is kept
 * in history/<id>/<old textVersion>.md.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Low } from 'lowdb';
import type { DocumentId, DocumentSummary, Result } from '../../preload/api';
import { fsyncDir, isErrno, writeFileDurable } from './durable-file';
import { prepareDocument } from './import/prepare';
import { messageOf, readFileToImport } from './importer';
import type { LibraryPaths } from './paths';
import { type DocumentRecord, type LibraryData, findByContentHash, toSummary } from './records';

type Failure = { ok: false; code: 'io' | 'duplicate'; message: string };

export class DocumentUpdater {
  constructor(
    private readonly paths: LibraryPaths,
    private readonly db: Low<LibraryData>,
  ) {}

  /** Reads the file with the importer's checks, then updates the document from it. */
  async updateFromPath(record: DocumentRecord, filePath: string): Promise<Result<DocumentSummary>> {
    const file = await readFileToImport(filePath);
    if (!file.ok) return { ok: false, code: file.code, message: file.message };
    return this.updateFromBytes(record, file.name, file.bytes);
  }

  /**
   * Writes in an order that a crash anywhere leaves a readable document: the old body's
   * history copy first, then the new body (an atomic rename over the old), then the record.
   * The record never names a body that is missing; at worst it still describes the old text.
   */
  async updateFromBytes(
    record: DocumentRecord,
    fileName: string,
    bytes: Uint8Array,
  ): Promise<Result<DocumentSummary>> {
    const prepared = prepareDocument(fileName, bytes);
    if (!('id' in prepared)) return prepared;
    const refusal = this.duplicateOf(record, fileName, prepared.contentHash);
    if (refusal !== null) return refusal;
    const bodyPath = this.paths.documentFile(record.id);
    let oldBody: string;
    try {
      oldBody = await fs.readFile(bodyPath, 'utf8');
      await this.keepInHistory(record.id, record.contentHash, oldBody);
      await writeFileDurable(bodyPath, prepared.markdown);
    } catch (error) {
      return ioFailure(`“${fileName}” could not be saved (${messageOf(error)}).`);
    }
    const previous = { ...record };
    Object.assign(record, {
      contentHash: prepared.contentHash,
      excerpt: prepared.excerpt,
      wordCount: prepared.wordCount,
      readingMinutes: prepared.readingMinutes,
      bodyBytes: Buffer.byteLength(prepared.markdown),
    } satisfies Partial<DocumentRecord>);
    try {
      await this.db.write();
    } catch (error) {
      Object.assign(record, previous);
      await writeFileDurable(bodyPath, oldBody).catch(() => undefined);
      return ioFailure(`“${fileName}” could not be recorded in the library (${messageOf(error)}).`);
    }
    return { ok: true, value: toSummary(record) };
  }

  private duplicateOf(record: DocumentRecord, fileName: string, contentHash: string): Failure | null {
    if (contentHash === record.contentHash) {
      return {
        ok: false,
        code: 'duplicate',
        message: `“${fileName}” is the same as the version in your library.`,
      };
    }
    const other = findByContentHash(this.db.data.documents, contentHash);
    if (other === undefined) return null;
    return {
      ok: false,
      code: 'duplicate',
      message: `“${fileName}” has the same text as “${other.title}”, already in your library.`,
    };
  }

  /**
   * Durably copies the current body to history/<id>/<textVersion>.md. An existing copy is
   * kept: after a crash between writing a new body and recording it, the body file already
   * holds the new text, and must not overwrite the true old version.
   */
  private async keepInHistory(id: DocumentId, textVersion: string, body: string): Promise<void> {
    const historyPath = this.paths.historyFile(id, textVersion);
    try {
      await fs.access(historyPath);
      return;
    } catch (error) {
      if (!isErrno(error, 'ENOENT')) throw error;
    }
    await fs.mkdir(path.dirname(historyPath), { recursive: true });
    await fsyncDir(this.paths.historyDir);
    await writeFileDurable(historyPath, body);
  }
}

function ioFailure(message: string): Failure {
  return { ok: false, code: 'io', message };
}
