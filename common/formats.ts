/**
 * The one list of what Lectern imports: each format's extensions, the label the open dialog
 * and the drop zone show, and the size limit. The decoder, importer, native dialog, drop zone
 * and messages all read this list, so a new format is added here once.
 */

/**
 * `web` is a saved HTML page (with its `_files` folder, if any); `web-archive` a page saved as one
 * MHTML file with its pictures inside; `epub` an EPUB 2 or 3 book.
 */
export type DocumentFormat = 'markdown' | 'text' | 'web' | 'web-archive' | 'epub';

export interface ImportFormat {
  format: DocumentFormat;
  /** Lower-case, with the dot. */
  extensions: readonly string[];
  /** What a person calls it, for dialogs and messages. */
  label: string;
  /** The largest file of this format Lectern imports, in bytes. */
  maxBytes: number;
}

const MEGABYTE = 1024 * 1024;

export const IMPORT_FORMATS: readonly ImportFormat[] = [
  { format: 'markdown', extensions: ['.md', '.markdown'], label: 'Markdown', maxBytes: 50 * MEGABYTE },
  { format: 'text', extensions: ['.txt'], label: 'Plain text', maxBytes: 50 * MEGABYTE },
  // Saved pages carry their pictures inline as data: URLs, so they get the same room as a book.
  { format: 'web', extensions: ['.html', '.htm', '.xhtml'], label: 'Web page', maxBytes: 50 * MEGABYTE },
  {
    format: 'web-archive',
    extensions: ['.mhtml', '.mht'],
    label: 'Web archive',
    maxBytes: 50 * MEGABYTE,
  },
  // A zipped book with its pictures; what it may unpack to is capped separately (epub/safe-unzip).
  { format: 'epub', extensions: ['.epub'], label: 'EPUB book', maxBytes: 100 * MEGABYTE },
];

/** Every extension Lectern imports, lower-case, with the dot. */
export const IMPORT_EXTENSIONS: readonly string[] = IMPORT_FORMATS.flatMap((format) => format.extensions);

/** The largest markdown or text file Lectern imports, in bytes (the decoder's limit). */
export const MAX_IMPORT_BYTES = 50 * MEGABYTE;
export const MAX_IMPORT_MEGABYTES = MAX_IMPORT_BYTES / MEGABYTE;

/** The largest file of any format, for checks made before the format is known. */
export const LARGEST_IMPORT_BYTES = Math.max(...IMPORT_FORMATS.map((format) => format.maxBytes));

/** The most files one import call carries; the renderer sends a bigger drop in several calls. */
export const MAX_FILES_PER_IMPORT = 100;

/** The most bytes one import call carries (the renderer splits a drop to stay under it). */
export const MAX_BYTES_PER_IMPORT_CALL = 256 * MEGABYTE;

/** The name the native open dialog gives its filter. */
export const IMPORT_DIALOG_FILTER_NAME = 'Markdown, text, web pages, web archives and EPUB books';

/** `.md, .markdown, .txt, …`: for messages that say what is accepted. */
export const IMPORT_EXTENSIONS_TEXT = IMPORT_EXTENSIONS.join(', ');

/** The lower-case extension of a file name, with the dot ('' when it has none). No node:path here. */
export function extensionOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

/** The format entry a file name implies, or null when Lectern does not import it. */
export function importFormatEntryOf(fileName: string): ImportFormat | null {
  const extension = extensionOf(fileName);
  return IMPORT_FORMATS.find((format) => format.extensions.includes(extension)) ?? null;
}

/** The format a file name implies, or null when Lectern does not import it. */
export function importFormatOf(fileName: string): DocumentFormat | null {
  return importFormatEntryOf(fileName)?.format ?? null;
}

/** The size limit for a file of this name, in bytes (the largest of all for an unknown type). */
export function maxImportBytesOf(fileName: string): number {
  return importFormatEntryOf(fileName)?.maxBytes ?? LARGEST_IMPORT_BYTES;
}

export const unsupportedTypeMessage = (fileName: string): string =>
  `“${fileName}” is not a file Lectern imports (${IMPORT_EXTENSIONS_TEXT}).`;

/** Names the file, its size and the limit; the limit is the file's own format's unless given. */
export function tooLargeMessage(fileName: string, size: number, limit = maxImportBytesOf(fileName)): string {
  const megabytes = (size / MEGABYTE).toFixed(1);
  return `“${fileName}” is ${megabytes} MB; the limit is ${Math.round(limit / MEGABYTE)} MB.`;
}
