/** What the export formatter reads: a document, its notes and highlights, as plain data. */
import type { HighlightColor, TextPositionSelector } from '../../preload/api/highlights';
import type { LinkTarget } from '../../preload/api/links';

/** A highlight as export needs it, its tags already current names. */
export interface ExportHighlight {
  id: string;
  color: HighlightColor;
  quote: { exact: string };
  position: TextPositionSelector;
  unplaced: boolean;
  needsCheck: boolean;
  tags: readonly string[];
  note: string | null;
}

export interface ExportDocument {
  id: string;
  title: string;
  author: string | null;
  source: string | null;
  addedAt: string;
  tags: readonly string[];
  /** The document's markdown, for its section headings. */
  markdown: string;
  documentNote: string | null;
  highlights: readonly ExportHighlight[];
}

/** Where a `[[lectern:…]]` link points in the export: the file (no `.md`) and the target's title. */
export interface ExportedTarget {
  fileBase: string;
  title: string;
}

export interface ExportOptions {
  /** What each colour means to the reader (Settings.highlightLabels). */
  colorLabels: Readonly<Record<HighlightColor, string>>;
  /** ISO time written into the front matter. */
  exportedAt: string;
  /** The exported file a link target lives in; null when it has none (deleted, unknown). */
  resolveTarget: (target: LinkTarget) => ExportedTarget | null;
}

/** A document's notes as markdown: the front matter and the body are managed separately on re-export. */
export interface FormattedExport {
  frontMatter: string;
  body: string;
}
