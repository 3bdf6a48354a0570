/**
 * Stores imported files, each on its own: one refusal never stops the others, and nothing
 * partial is kept (body first, record last in the catalog, under a journal entry that removes
 * the body if recording fails or a crash comes between). A new document never takes the id of
 * one in the trash, whose entry it could overwrite.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ErrorCode, ImportOutcome } from '../../../preload/api';
import { importFormatOf } from '../../../common/formats';
import type { Catalog } from '../catalog/catalog';
import { type DocumentRecord, toSummary } from '../catalog/records';
import type { ConversionResult, Converter, StorableDocument } from '../import/conversion';
import { recordedMetadata } from '../import/convert';
import { formatOf, refuse, tooLarge } from '../import/decode';
import type { PreparedDocument } from '../import/prepare';
import { writeFileDurable } from '../storage/durable-file';
import { writeFailure } from '../storage/failures';
import type { FileSystem } from '../storage/file-system';
import type { LibraryPaths } from '../storage/paths';
import { DocumentAssets } from './assets';
import { OutlineCache } from './outline';
import type { BatchItem } from './import-batches';
import type { DocumentJournal } from './intents';
import type { Trash } from './trash';

export interface ImporterParts {
  fsys: FileSystem;
  paths: LibraryPaths;
  catalog: Catalog;
  trash: Trash;
  journal: DocumentJournal;
  now: () => Date;
  /** Runs the conversion of each file (in worker threads in the app). */
  convert: Converter;
}

export class Importer {
  private readonly assets: DocumentAssets;
  private readonly outlines: OutlineCache;

  constructor(private readonly parts: ImporterParts) {
    this.assets = new DocumentAssets(parts.fsys, parts.paths);
    this.outlines = new OutlineCache(parts.fsys, (id) => parts.paths.outlineFile(id));
  }

  /** Imports bytes the caller holds (dropped files). */
  importBytes(fileName: string, bytes: Uint8Array): Promise<ImportOutcome> {
    const item = this.bytesItem(fileName, bytes);
    return item.prepare().then((converted) => item.store(converted));
  }

  /** Reads a file from disk (checking type and size before reading it) and imports it. */
  importPath(filePath: string): Promise<ImportOutcome> {
    const item = this.pathItem(filePath);
    return item.prepare().then((converted) => item.store(converted));
  }

  /** A dropped file as a batch item: converted ahead, stored in turn. */
  bytesItem(fileName: string, bytes: Uint8Array): BatchItem<ConversionResult> {
    return {
      name: fileName,
      prepare: () => this.convert(fileName, () => Promise.resolve({ bytes, pagePath: null })),
      store: (converted) => this.storeSafely(fileName, converted),
    };
  }

  /** A file on disk as a batch item (its `_files` folder read by the converter). */
  pathItem(filePath: string): BatchItem<ConversionResult> {
    const name = path.basename(filePath);
    return {
      name,
      prepare: () =>
        this.convert(name, async () => {
          const file = await readFileToImport(filePath);
          return file.ok ? { bytes: file.bytes, pagePath: filePath } : file;
        }),
      store: (converted) => this.storeSafely(name, converted),
    };
  }

  /** Reads and converts; never rejects (an unexpected error is the file's refusal). */
  private async convert(
    fileName: string,
    read: () => Promise<{ bytes: Uint8Array; pagePath: string | null } | { ok: false; code: ErrorCode; message: string }>,
  ): Promise<ConversionResult> {
    try {
      const file = await read();
      if ('ok' in file) return file;
      // The bytes were read (or received) for this import alone: the converter may take them.
      return await this.parts.convert({ fileName, bytes: file.bytes, pagePath: file.pagePath, handOver: true });
    } catch (error) {
      return refuse('internal', `“${fileName}” could not be imported: ${messageOf(error)}`);
    }
  }

  private async storeSafely(fileName: string, converted: ConversionResult): Promise<ImportOutcome> {
    try {
      return await this.store(fileName, converted);
    } catch (error) {
      return refused(fileName, 'internal', `“${fileName}” could not be imported: ${messageOf(error)}`);
    }
  }

  private async store(fileName: string, preparedOrRefusal: ConversionResult): Promise<ImportOutcome> {
    if (!('id' in preparedOrRefusal))
      return refused(fileName, preparedOrRefusal.code, preparedOrRefusal.message);
    const { catalog, fsys, paths, journal } = this.parts;
    const existing = catalog.findByContentHash(preparedOrRefusal.contentHash);
    if (existing !== undefined) return { file: fileName, status: 'duplicate', document: toSummary(existing) };
    const id = await this.freeIdFor(preparedOrRefusal);
    if (id === undefined)
      return refused(fileName, 'internal', `“${fileName}” has an id that collides with another document.`);
    const prepared = { ...preparedOrRefusal, id };
    const record = this.recordFor(fileName, prepared);
    try {
      await journal.run({ op: 'import', record }, async () => {
        // Pictures first: a record never references a picture that is not on disk.
        await this.assets.store(id, prepared.assets);
        await writeFileDurable(fsys, paths.documentFile(id), prepared.body);
        await catalog.add(record);
      });
    } catch (error) {
      // The journal removed the body; the pictures go with it.
      await this.assets.removeAll(id);
      return refusedWrite(fileName, error, `save “${fileName}”`);
    }
    // The outline was built by the converter for the id the content hash gave; a cache, written after.
    await this.outlines.write(id, preparedOrRefusal.outline);
    const note = prepared.note === null ? {} : { note: prepared.note };
    return { file: fileName, status: 'imported', document: toSummary(record), ...note };
  }

  /**
   * The first candidate id (from the content hash) that no document holds and no trash entry
   * uses: a document updated from a file keeps its first id, which another text may now hash
   * to, and re-importing a trashed text must not share the trash entry's id.
   */
  private async freeIdFor(prepared: Pick<PreparedDocument, 'id' | 'contentHash'>): Promise<string | undefined> {
    const hash = prepared.contentHash;
    for (const candidate of [prepared.id, hash.slice(16, 32), hash.slice(32, 48), hash.slice(48, 64)]) {
      if (!this.parts.catalog.has(candidate) && !(await this.parts.trash.has(candidate))) return candidate;
    }
    return undefined;
  }

  private recordFor(fileName: string, prepared: StorableDocument): DocumentRecord {
    return {
      id: prepared.id,
      title: prepared.title,
      author: prepared.author,
      source: fileName,
      excerpt: prepared.excerpt,
      wordCount: prepared.wordCount,
      readingMinutes: prepared.readingMinutes,
      progress: 0,
      addedAt: this.parts.now().toISOString(),
      openedAt: null,
      contentHash: prepared.contentHash,
      bodyBytes: prepared.body.byteLength,
      highlightCount: 0,
      ...recordedMetadata(prepared.metadata),
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

function refusedWrite(file: string, error: unknown, doing: string): ImportOutcome {
  const failure = writeFailure(error, doing);
  return refused(file, failure.code, failure.message);
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
