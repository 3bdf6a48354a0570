/**
 * Converting a file is the one import step that can take long (Readability over a big page, an
 * EPUB of 300 chapters) or be made to: a `Converter` runs it, in this process (tests, the
 * default) or in worker threads (worker-converter.ts, what the app uses) so that the main
 * process's event loop keeps answering the UI while a batch imports.
 */
import { type StoredOutline, buildOutline } from '../documents/outline';
import { convertFile, siblingFilesReader } from './convert';
import type { Refusal } from './decode';
import type { ConvertedDocument } from './web/converted-document';

/** One file to convert: its name, its bytes, and its path when it came from disk (a saved page's `_files`). */
export interface ConversionJob {
  fileName: string;
  bytes: Uint8Array;
  /** Where the file is on disk, so a saved page's `_files` folder can be read; null for dropped bytes. */
  pagePath: string | null;
  /**
   * The caller is done with `bytes`: a worker converter moves them to its thread instead of copying
   * them (30 MB copied is ~25-140 ms of the main thread), leaving the caller's view empty.
   */
  handOver?: boolean;
}

/**
 * A converted document as the importer stores it: the markdown already encoded as the document
 * file's UTF-8 bytes, with its outline. Both are made where the conversion runs, so a 30 MB book's
 * text is never a string on the main thread (receiving, measuring and encoding one there took
 * ~100 ms of its event loop); the bytes move between threads without a copy.
 */
export type StorableDocument = Omit<ConvertedDocument, 'markdown'> & {
  body: Uint8Array;
  outline: StoredOutline;
};

export type ConversionResult = StorableDocument | Refusal;

export type Converter = (job: ConversionJob) => Promise<ConversionResult>;

/** Converts in the calling thread: what the worker runs, and the converter of tests. */
export function convertJob(job: ConversionJob): ConversionResult {
  const readSibling = job.pagePath === null ? undefined : siblingFilesReader(job.pagePath);
  const converted = convertFile(job.fileName, job.bytes, readSibling);
  if (!('id' in converted)) return converted;
  const { markdown, ...rest } = converted;
  // Buffer.from is how the document file was always written: the same bytes.
  return {
    ...rest,
    body: Buffer.from(markdown, 'utf8'),
    outline: buildOutline(markdown, converted.contentHash),
  };
}

export const inProcessConverter: Converter = (job) => Promise.resolve(convertJob(job));

/**
 * The buffers under `views` that can move to another thread (postMessage's transfer list) instead
 * of being copied: each only when the view spans a whole ArrayBuffer of its own. A small Buffer is
 * cut from Node's shared pool, which must not move (a transfer would empty every Buffer cut from it).
 */
export function transferableBuffers(views: readonly Uint8Array[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const view of views) {
    const { buffer } = view;
    if (!(buffer instanceof ArrayBuffer) || view.byteLength === 0) continue;
    if (view.byteOffset === 0 && view.byteLength === buffer.byteLength) buffers.add(buffer);
  }
  return [...buffers];
}

/** What a converted document moves to the thread that stores it: its body and pictures. */
export function resultTransfers(result: ConversionResult): ArrayBuffer[] {
  if (!('id' in result)) return [];
  return transferableBuffers([result.body, ...result.assets.map((asset) => asset.bytes)]);
}
