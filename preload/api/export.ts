/**
 * The export domain of the contract: a document's notes as a markdown file other tools read
 * (Obsidian, Logseq, a plain folder), re-exported in place without clobbering the user's text;
 * many documents (and the standalone notes) at once into a folder, with progress and cancel.
 */
import type { DocumentId, Result } from './common';
import type { HighlightColor } from './highlights';

/**
 * What an export did to its file. `unchanged`: nothing but the time would change, nothing was
 * written. `conflicted`: the user had edited the part Lectern manages; their file was kept as a
 * copy (`keptCopyPath`) before the export replaced that part.
 */
export type ExportOutcome = 'created' | 'updated' | 'unchanged' | 'conflicted';

export interface ExportReport {
  /** The exported file. */
  filePath: string;
  outcome: ExportOutcome;
  /** Where the user's edited file was copied to, when `conflicted`. */
  keptCopyPath: string | null;
  /** The user had changed the front matter: it was left as they wrote it (not refreshed). */
  frontMatterKept: boolean;
}

/** How exported files are laid out: the built-in presets, or the user's Mustache template. */
export type ExportPreset = 'obsidian' | 'logseq' | 'plain' | 'custom';
export const EXPORT_PRESETS = ['obsidian', 'logseq', 'plain', 'custom'] as const satisfies ExportPreset[];

/** The template choice an export (or a preview) uses. `template` is the custom Mustache source. */
export interface ExportTemplateChoice {
  preset: ExportPreset;
  template: string;
}

/** The longest custom template, in characters. */
export const MAX_EXPORT_TEMPLATE_LENGTH = 100_000;

/** Which documents an export of many writes. */
export type ExportScope =
  | { kind: 'all' }
  | { kind: 'documents'; documentIds: DocumentId[] }
  /** Documents with this tag (or a child of it), on the document or on one of its highlights. */
  | { kind: 'tag'; tag: string }
  /** Documents with at least one highlight in this colour. */
  | { kind: 'color'; color: HighlightColor };

export interface ExportManyRequest {
  scope: ExportScope;
  /** Also export every standalone note, as its own file beside the documents. */
  includeNotes: boolean;
  /**
   * Export again into a folder chosen with the dialog earlier in this session (no dialog); any
   * other folder is refused: the renderer cannot name a place to write.
   */
  folder?: string;
}

/** One file of an export of many. */
export interface ExportFileReport extends ExportReport {
  kind: 'document' | 'note';
  /** The document's or note's title. */
  title: string;
}

export interface ExportManyReport {
  folder: string;
  files: ExportFileReport[];
  /** What could not be written (the export went on with the others). */
  failures: { title: string; message: string }[];
  /** The export was cancelled: the files listed were written whole, the rest not at all. */
  cancelled: boolean;
}

/** An export of many advanced by one file (or finished, or was cancelled). */
export interface ExportProgress {
  /** Names the export for cancelExport. */
  exportId: string;
  total: number;
  done: number;
  /** The title being exported now; null when finished. */
  current: string | null;
  finished: boolean;
}

/** What the export dialog previews: the markdown, or where the template is wrong. */
export type ExportPreview =
  { kind: 'markdown'; markdown: string } | { kind: 'template-error'; line: number; message: string };

/** What the Export dialog previews of an export of many: its files, and one of them shown. */
export interface ExportManyPreviewRequest {
  scope: ExportScope;
  includeNotes: boolean;
  choice: ExportTemplateChoice;
  /** Which file to show, 0-based in the files' order (past the end: the last). */
  index: number;
  /**
   * The folder the export will write into, chosen with the dialog earlier in this session (any
   * other is refused): files are named as that folder's earlier exports named them. Without it,
   * as in a folder exported into for the first time.
   */
  folder?: string;
}

/** One file an export of many would write, named as the export will name it. */
export interface ExportPreviewFile {
  kind: 'document' | 'note';
  title: string;
  fileName: string;
}

export interface ExportManyPreview {
  /** Every file, in the order the export writes them. */
  files: ExportPreviewFile[];
  /** The file shown (0 when there are none). */
  index: number;
  /** Its text, or the template's error; null when the scope holds nothing. */
  shown: ExportPreview | null;
  /** The shown file's size in UTF-8 bytes; null with no text. */
  bytes: number | null;
}

export interface ExportApi {
  /**
   * Asks for a folder and writes the document's notes there as `<title>.md` (durably), updating
   * Lectern's part of an earlier export in place. `null` when the user cancels the dialog.
   */
  exportDocument(documentId: DocumentId): Promise<Result<ExportReport | null>>;
  /** The same markdown as exportDocument writes, for the clipboard (the renderer copies it). */
  copyDocumentMarkdown(documentId: DocumentId): Promise<Result<string>>;
  /**
   * Asks for a folder (unless `folder` names one chosen before) and writes one file per document
   * in scope, with stable file names across exports; `null` when the dialog is cancelled.
   */
  exportMany(request: ExportManyRequest): Promise<Result<ExportManyReport | null>>;
  /** Stops a running export before its next file; false when it already finished. */
  cancelExport(exportId: string): Promise<Result<boolean>>;
  /** What exportMany would write for this scope and template (not saved): the files and one file's text. */
  previewExportMany(request: ExportManyPreviewRequest): Promise<Result<ExportManyPreview>>;
}

export const EXPORT_METHODS = [
  'exportDocument',
  'copyDocumentMarkdown',
  'exportMany',
  'cancelExport',
  'previewExportMany',
] as const satisfies readonly (keyof ExportApi)[];
