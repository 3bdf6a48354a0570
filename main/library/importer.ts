/**
 * Stores imported files, each on its own: one refusal never stops the others, and nothing
 * partial is kept (body first, record last; the body is removed if recording fails).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Low } from 'lowdb';
import type { ErrorCode, ImportOutcome } from '../../preload/api';
import { importFormatOf } from '../../common/formats';
import { writeFileDurable } from './durable-file';
import { formatOf, tooLarge } from './import/decode';
import { type PreparedDocument, prepareDocument } from './import/prepare';
import type { LibraryPaths } from './paths';
import { type DocumentRecord, type LibraryData, findByContentHash, toSummary } from './records';

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
    const file = await readFileToImport(filePath);
    if (!file.ok) return refused(file.name, file.code, file.message);
    return this.importBytes(file.name, file.bytes);
  }

  private async store(
    fileName: string,
    preparedOrRefusal: ReturnType<typeof prepareDocument>,
  ): Promise<ImportOutcome> {
    if (!('id' in preparedOrRefusal))
      return refused(fileName, preparedOrRefusal.code, preparedOrRefusal.message);
    let prepared = preparedOrRefusal;
    const existing = findByContentHash(this.db.data.documents, prepared.contentHash);
    if (existing !== undefined) return { file: fileName, status: 'duplicate', document: toSummary(existing) };
    // A document updated from a file keeps its first id, which another text may now hash to.
    const id = [prepared.id, prepared.contentHash.slice(16, 32)].find(
      (candidate) => !Object.hasOwn(this.db.data.documents, candidate),
    );
    if (id === undefined)
      return refused(fileName, 'internal', `“${fileName}” has an id that collides with another document.`);
    prepared = { ...prepared, id };
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
      return refused(
        fileName,
        'io',
        `“${fileName}” could not be recorded in the library (${messageOf(error)}).`,
      );
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
      highlightCount: 0,
    };
  }
}

/** The sample documents in `seedDir` (none when it is missing), in name order. */
export async function filesToSeed(seedDir: string): Promise<string[]> {
  const names = await fs.readdir(seedDir).catch(() => [] as string[]);
  return names
    .filter((name) => importFormatOf(name) !== null)
    .toSorted()
    .map((name) => path.join(seedDir, name));
}

export type FileRead =
  | { ok: true; name: string; bytes: Uint8Array }
  | { ok: false; name: string; code: ErrorCode; message: string };

/** Reads a file from disk for importing, refusing a wrong type or size before reading it. */
export async function readFileToImport(filePath: string): Promise<FileRead> {
  const name = path.basename(filePath);
  const format = formatOf(name);
  if (!format.ok) return { ...format, name };
  try {
    const stats = await fs.stat(filePath);
    if (!stats.isFile()) return { ok: false, name, code: 'unreadable', message: `“${name}” is not a file.` };
    const sizeRefusal = tooLarge(name, stats.size);
    if (sizeRefusal) return { ...sizeRefusal, name };
    return { ok: true, name, bytes: await fs.readFile(filePath) };
  } catch (error) {
    return {
      ok: false,
      name,
      code: 'unreadable',
      message: `“${name}” could not be read (${messageOf(error)}).`,
    };
  }
}

function refused(
  file: string,
  code: Extract<ImportOutcome, { status: 'refused' }>['code'],
  message: string,
): ImportOutcome {
  return { file, status: 'refused', code, message };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
