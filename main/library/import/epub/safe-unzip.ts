/**
 * Unzips a book without trusting it: caps on entries, on what it unpacks to and on any one
 * entry's compression ratio (zip bombs), and no entry named outside the book (zip slip,
 * absolute paths, backslashes, drive letters). Sizes are checked from the directory before
 * anything is inflated, and again after, since a directory can lie.
 */
import { type UnzipFileInfo, unzipSync } from 'fflate';

export interface UnzipLimits {
  maxEntries: number;
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed, for entries big enough for it to matter. */
  maxRatio: number;
}

export const BOOK_LIMITS: UnzipLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 512 * 1024 * 1024,
  maxRatio: 200,
};
/** Small entries (a repetitive stylesheet, an empty chapter) may compress very well; it costs nothing. */
const RATIO_FREE_BYTES = 1024 * 1024;

export type Unzipped = { ok: true; entries: Map<string, Uint8Array> } | { ok: false; reason: string };

/** The book's files by their path inside the zip, or why the zip is refused. */
export function unzipBook(bytes: Uint8Array, limits: UnzipLimits = BOOK_LIMITS): Unzipped {
  let entries = 0;
  let declaredTotal = 0;
  let refusal: string | null = null;
  const filter = (file: UnzipFileInfo): boolean => {
    if (refusal !== null || file.name.endsWith('/')) return false;
    refusal = entryRefusal(file, ++entries, (declaredTotal += file.originalSize), limits);
    return refusal === null;
  };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter });
  } catch (error) {
    return { ok: false, reason: refusal ?? `it is not a readable zip archive (${(error as Error).message})` };
  }
  if (refusal !== null) return { ok: false, reason: refusal };
  const actualTotal = Object.values(files).reduce((sum, file) => sum + file.byteLength, 0);
  if (actualTotal > declaredTotal) return { ok: false, reason: 'its zip directory misstates its sizes' };
  return { ok: true, entries: new Map(Object.entries(files)) };
}

function entryRefusal(file: UnzipFileInfo, count: number, total: number, limits: UnzipLimits): string | null {
  if (count > limits.maxEntries) return `it holds more than ${limits.maxEntries} files`;
  if (!isSafeEntryName(file.name)) return `it names a file outside the book (“${file.name.slice(0, 80)}”)`;
  if (total > limits.maxTotalBytes) {
    return `it would unpack to more than ${Math.round(limits.maxTotalBytes / 1024 / 1024)} MB`;
  }
  const ratio = file.originalSize / Math.max(1, file.size);
  if (file.originalSize > RATIO_FREE_BYTES && ratio > limits.maxRatio) {
    return `“${file.name.slice(0, 80)}” is compressed ${Math.round(ratio)}:1, as zip bombs are`;
  }
  return null;
}

/** A relative path that stays inside the book: no `..`, no root, no drive, no backslash, no NUL. */
export function isSafeEntryName(name: string): boolean {
  if (name === '' || name.startsWith('/') || /[\\\0]/.test(name) || /^[a-z]:/i.test(name)) return false;
  return name.split('/').every((segment) => segment !== '..');
}
