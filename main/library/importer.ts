/**
 * Stores imported files, each on its own: one refusal never stops the others, and nothing
 * partial is kept (body first, record last; the body is removed if recording fails).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Low } from 'lowdb';
import type { ImportOutcome } from '../../preload/api';
import { writeFileDurable } from './durable-file';
import { formatOf, tooLarge } from './import/decode';
import { type PreparedDocument, prepareDocument } from './import/prepare';
import type { LibraryPaths } from './paths';
import { type DocumentRecord, type LibraryData, toSummary } from './records';

export class Importer {
  constructor(
    private readonly paths: LibraryPaths,
    private readonly db: Low<LibraryData>,
    private readonly now: () => Date,
  ) {}

  /** Imports bytes the caller already holds. */
  async importBytes(fileName: string, bytes: Uint8Array): Promise<ImportOutcome> {
    try {
      return await this.store(fileName, prepareDocument(fileName, bytes));
    } catch (error) {
      return refused(fileName, 'internal', `“${fileName}” could not be imported: ${messageOf(error)}`);
    }
  }

  /** Reads a file from disk (checking type and size before reading it) and imports it. */
  async importPath(filePath: string): Promise<ImportOutcome> {
    const fileName = path.basename(filePath);
    const format = formatOf(fileName);
    if (!format.ok) return refused(fileName, format.code, format.message);
    let bytes: Buffer;
    try {
      const stats = await fs.stat(filePath);
      if (!stats.isFile()) return refused(fileName, 'unreadable', `“${fileName}” is not a file.`);
      const sizeRefusal = tooLarge(fileName, stats.size);
      if (sizeRefusal) return refused(fileName, sizeRefusal.code, sizeRefusal.message);
      bytes = await fs.readFile(filePath);
    } catch (error) {
      return refused(fileName, 'unreadable', `“${fileName}” could not be read (${messageOf(error)}).`);
    }
    return this.importBytes(fileName, bytes);
  }

  private async store(fileName: string, prepared: ReturnType<typeof prepareDocument>): Promise<ImportOutcome> {
    if (!('id' in prepared)) return refused(fileName, prepared.code, prepared.message);
    const existing = this.db.data.documents[prepared.id];
    if (existing !== undefined) {
      if (existing.contentHash === prepared.contentHash) {
        return { file: fileName, status: 'duplicate', document: toSummary(existing) };
      }
      return refused(fileName, 'internal', `“${fileName}” has an id that collides with another document.`);
    }
    const bodyPath = this.paths.documentFile(prepared.id);
    try {
      await writeFileDurable(bodyPath, prepared.markdown);
    } catch (error) {
      return refused(fileName, 'io', `“${fileName}” could not be saved (${messageOf(error)}).`);
    }
    const record = this.recordFor(fileName, prepared);
    this.db.data.documents[record.id] = record;
    try {
      await this.db.write();
    } catch (error) {
      delete this.db.data.documents[record.id];
      await fs.rm(bodyPath, { force: true });
      return refused(fileName, 'io', `“${fileName}” could not be recorded in the library (${messageOf(error)}).`);
    }
    return { file: fileName, status: 'imported', document: toSummary(record) };
  }

  private recordFor(fileName: string, prepared: PreparedDocument): DocumentRecord {
    return {
      id: prepared.id,
      title: prepared.title,
      author: prepared.author,
      source: fileName,
      excerpt: prepared.excerpt,
      wordCount: prepared.wordCount,
      readingMinutes: prepared.readingMinutes,
      progress: 0,
      addedAt: this.now().toISOString(),
      openedAt: null,
      contentHash: prepared.contentHash,
      bodyBytes: Buffer.byteLength(prepared.markdown),
    };
  }
}

function refused(file: string, code: Extract<ImportOutcome, { status: 'refused' }>['code'], message: string): ImportOutcome {
  return { file, status: 'refused', code, message };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
