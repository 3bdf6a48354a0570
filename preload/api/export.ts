/**
 * The export domain of the contract: a document's notes as a markdown file other tools read
 * (Obsidian, Logseq, a plain folder), re-exported in place without clobbering the user's text.
 */
import type { DocumentId, Result } from './common';

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

export interface ExportApi {
  /**
   * Asks for a folder and writes the document's notes there as `<title>.md` (durably), updating
   * Lectern's part of an earlier export in place. `null` when the user cancels the dialog.
   */
  exportDocument(documentId: DocumentId): Promise<Result<ExportReport | null>>;
  /** The same markdown as exportDocument writes, for the clipboard (the renderer copies it). */
  copyDocumentMarkdown(documentId: DocumentId): Promise<Result<string>>;
}

export const EXPORT_METHODS = [
  'exportDocument',
  'copyDocumentMarkdown',
] as const satisfies readonly (keyof ExportApi)[];
