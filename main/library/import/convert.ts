/**
 * The one dispatch from a file to a document ready to store, by format: markdown and text through
 * prepareDocument, saved web pages and EPUB books through their converters (with pictures as assets).
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Refusal, formatOf } from './decode';
import { convertEpub } from './epub/convert-epub';
import { prepareDocument } from './prepare';
import { type ReadSibling, convertWebArchive, convertWebPage } from './web/convert-web-page';
import { type ConvertedDocument, EMPTY_METADATA } from './web/converted-document';

/** A picture in a page's `_files` folder larger than this is left out (its alt text stays). */
export const MAX_SIBLING_BYTES = 20 * 1024 * 1024;

/** Converts one file by its format; `readSibling` reads the `_files` folder of a saved page. */
export function convertFile(
  fileName: string,
  bytes: Uint8Array,
  readSibling?: ReadSibling,
): ConvertedDocument | Refusal {
  const format = formatOf(fileName);
  if (!format.ok) return format;
  if (format.format === 'web') return convertWebPage(fileName, bytes, readSibling);
  if (format.format === 'web-archive') return convertWebArchive(fileName, bytes);
  if (format.format === 'epub') return convertEpub(fileName, bytes);
  const prepared = prepareDocument(fileName, bytes);
  if (!('id' in prepared)) return prepared;
  return { ...prepared, assets: [], metadata: EMPTY_METADATA, toc: [] };
}

/**
 * Reads files of a saved page's `<name>_files` folder (what "Web page, complete" writes beside the
 * page), by the path the page uses. Anything else beside the page (another folder, the page's own
 * folder, a symlink out of the `_files` folder, a folder, a huge file) reads as missing.
 */
export function siblingFilesReader(pagePath: string): ReadSibling {
  const pageDir = path.dirname(path.resolve(pagePath));
  return (relativePath) => {
    const [folder, ...rest] = relativePath.split('/');
    if (folder === undefined || !folder.endsWith('_files') || rest.length === 0) return null;
    try {
      const realFolder = realpathSync(path.join(pageDir, folder));
      const realFile = realpathSync(path.join(realFolder, ...rest));
      if (!realFile.startsWith(realFolder + path.sep)) return null;
      const stats = statSync(realFile);
      if (!stats.isFile() || stats.size > MAX_SIBLING_BYTES) return null;
      return new Uint8Array(readFileSync(realFile));
    } catch {
      return null;
    }
  };
}

/** What a document record keeps of a source's metadata: only what the source said, checked. */
export interface RecordedMetadata {
  language?: string;
  dir?: 'ltr' | 'rtl';
  siteName?: string;
  publishedTime?: string;
  sourceUrl?: string;
  /** Where a new document opens (a book's bodymatter): a section index, never 0. */
  startSection?: number;
}

const LANGUAGE_TAG = /^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8}){0,6}$/;
const MAX_METADATA_CHARS = 500;

/** A short text field: trimmed, cut at 500 characters, absent when blank. */
function shortText(value: string | null): string | undefined {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? undefined : trimmed.slice(0, MAX_METADATA_CHARS);
}

/** The metadata worth recording: a language that is a tag, short texts, an http(s) source URL. */
export function recordedMetadata(metadata: ConvertedDocument['metadata']): RecordedMetadata {
  const language = metadata.language?.trim() ?? '';
  const url = metadata.sourceUrl ?? '';
  const fields: RecordedMetadata = {
    language: LANGUAGE_TAG.test(language) ? language.replaceAll('_', '-') : undefined,
    dir: metadata.dir ?? undefined,
    siteName: shortText(metadata.siteName ?? metadata.publisher),
    publishedTime: shortText(metadata.publishedTime),
    sourceUrl: /^https?:\/\//i.test(url) && url.length <= 4096 ? url : undefined,
    startSection:
      Number.isSafeInteger(metadata.startSection) && (metadata.startSection ?? 0) > 0
        ? metadata.startSection
        : undefined,
  };
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as RecordedMetadata;
}
