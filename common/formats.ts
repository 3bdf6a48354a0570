/**
 * The one list of what Lectern imports: each format's extensions, the label the open dialog
 * and the drop zone show, and the size limit. The decoder, importer, native dialog, drop zone
 * and messages all read this list, so a new format is added here once.
 */

export type DocumentFormat = 'markdown' | 'text';

export interface ImportFormat {
  format: DocumentFormat;
  /** Lower-case, with the dot. */
  extensions: readonly string[];
  /** What a person calls it, for dialogs and messages. */
  label: string;
}

export const IMPORT_FORMATS: readonly ImportFormat[] = [
  { format: 'markdown', extensions: ['.md', '.markdown'], label: 'Markdown' },
  { format: 'text', extensions: ['.txt'], label: 'Plain text' },
];

/** Every extension Lectern imports, lower-case, with the dot. */
export const IMPORT_EXTENSIONS: readonly string[] = IMPORT_FORMATS.flatMap((format) => format.extensions);

/** The largest file Lectern imports, in bytes. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const MAX_IMPORT_MEGABYTES = MAX_IMPORT_BYTES / 1024 / 1024;

/** The name the native open dialog gives its filter. */
export const IMPORT_DIALOG_FILTER_NAME = 'Markdown and text';

/** `.md, .markdown, .txt`: for messages that say what is accepted. */
export const IMPORT_EXTENSIONS_TEXT = IMPORT_EXTENSIONS.join(', ');

/** The lower-case extension of a file name, with the dot ('' when it has none). No node:path here. */
export function extensionOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

/** The format a file name implies, or null when Lectern does not import it. */
export function importFormatOf(fileName: string): DocumentFormat | null {
  const extension = extensionOf(fileName);
  return IMPORT_FORMATS.find((format) => format.extensions.includes(extension))?.format ?? null;
}

export const unsupportedTypeMessage = (fileName: string): string =>
  `“${fileName}” is not a markdown or text file (${IMPORT_EXTENSIONS_TEXT}).`;

export function tooLargeMessage(fileName: string, size: number): string {
  const megabytes = (size / 1024 / 1024).toFixed(1);
  return `“${fileName}” is ${megabytes} MB; the limit is ${MAX_IMPORT_MEGABYTES} MB.`;
}
