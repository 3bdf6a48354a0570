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
}

/** A converted document with its outline (built where the conversion runs, off the main thread). */
export type ConversionResult = (ConvertedDocument & { outline?: StoredOutline }) | Refusal;

export type Converter = (job: ConversionJob) => Promise<ConversionResult>;

/** Converts in the calling thread: what the worker runs, and the converter of tests. */
export function convertJob(job: ConversionJob): ConversionResult {
  const readSibling = job.pagePath === null ? undefined : siblingFilesReader(job.pagePath);
  const converted = convertFile(job.fileName, job.bytes, readSibling);
  if (!('id' in converted)) return converted;
  return { ...converted, outline: buildOutline(converted.markdown, converted.contentHash) };
}

export const inProcessConverter: Converter = (job) => Promise.resolve(convertJob(job));
