/**
 * The interop domain of the contract: highlights brought in from elsewhere (Kindle clippings,
 * Hypothesis, W3C Web Annotation JSON-LD) and a document's highlights exported as JSON-LD.
 */
import type { DocumentId, Result } from './common';
import type { HighlightColor } from './highlights';

/** The file formats an annotation import reads. */
export type AnnotationFormat = 'kindle' | 'hypothesis' | 'w3c';

/** One annotation as read from a file, before it is placed in a document. */
export interface ImportedAnnotation {
  /** The highlighted passage (empty for a note or bookmark without one: those are not imported). */
  quote: string;
  /** Context around the quote, when the file had it (Hypothesis, W3C). */
  prefix: string;
  suffix: string;
  /** Offsets in the source's text, when the file had them: only a hint for anchoring. */
  position: { start: number; end: number } | null;
  note: string | null;
  tags: string[];
  color: HighlightColor | null;
  /** ISO 8601 when the file said when (a Kindle date line in any locale is kept as written). */
  createdAt: string | null;
  /** Where the source placed it, as written ("Location 123-125", "page 12"), for the report. */
  where: string | null;
  /**
   * Where the source puts it along the book (a Kindle location), when it gives no text offsets:
   * orders the annotations so one that must be searched for is looked for between its neighbours.
   */
  order: number | null;
  /** A Lectern highlight id (W3C files Lectern exported), kept on re-import. */
  lecternId: string | null;
}

/** The annotations of one book or web page in the file. */
export interface AnnotationGroup {
  /** Stable within one parsed file: the plan refers to groups by it. */
  key: string;
  title: string | null;
  author: string | null;
  url: string | null;
  /** A Lectern document id named by the file (W3C exports), or null. */
  documentId: DocumentId | null;
  annotations: ImportedAnnotation[];
}

/** An entry of the file that could not be read, by its place in the file. */
export interface ParseProblem {
  /** 1-based entry number (Kindle) or annotation index (JSON). */
  entry: number;
  /** 1-based line in the file, when known. */
  line: number | null;
  message: string;
}

/** How a group was matched to a library document. `title` matches need the user's confirmation. */
export type MatchRule = 'id' | 'url' | 'exact-title' | 'title';

export interface ProposedMatch {
  documentId: DocumentId;
  documentTitle: string;
  rule: MatchRule;
  /** 0 to 1: how alike the titles (and authors) are; 1 for id and url matches. */
  similarity: number;
  /** True for a fuzzy title match: the user must confirm it before anything is imported. */
  needsConfirmation: boolean;
}

export interface PreviewGroup {
  group: AnnotationGroup;
  /** null: no document in the library matches. */
  match: ProposedMatch | null;
}

/** What previewAnnotationImport read; `importId` names it for importAnnotations. */
export interface AnnotationImportPreview {
  importId: string;
  fileName: string;
  format: AnnotationFormat;
  groups: PreviewGroup[];
  problems: ParseProblem[];
  /** Kindle bookmarks: they mark a place, not a passage, so they are counted, not imported. */
  bookmarks: number;
  /** Re-highlighted Kindle passages collapsed into their latest version. */
  duplicatesCollapsed: number;
}

/** The user's decisions: which group goes into which document (unlisted groups are not imported). */
export interface AnnotationImportPlan {
  importId: string;
  assignments: { groupKey: string; documentId: DocumentId }[];
}

/** What happened to one group's annotations. */
export interface GroupImportReport {
  groupKey: string;
  documentId: DocumentId;
  documentTitle: string;
  placed: number;
  /** Placed at their best candidate, marked "check this". */
  check: number;
  /** Kept in the document's unplaced list with their quote. */
  unplaced: number;
  /** Already in the document (same quote and place): not added again. */
  alreadyThere: number;
}

export interface AnnotationImportReport {
  groups: GroupImportReport[];
  /** Groups no document matched (or the user left out): kept, to import later. */
  unmatched: AnnotationGroup[];
  problems: ParseProblem[];
}

export interface InteropApi {
  /**
   * Asks for a file (Kindle `My Clippings.txt`, Hypothesis JSON, W3C JSON-LD), reads it and proposes
   * a document for each book or page in it. `null` when the user cancels the dialog.
   */
  previewAnnotationImport(): Promise<Result<AnnotationImportPreview | null>>;
  /** Imports the confirmed groups of a preview: anchored, durable, never twice. */
  importAnnotations(plan: AnnotationImportPlan): Promise<Result<AnnotationImportReport>>;
  /**
   * Asks for a folder and writes the document's highlights there as a W3C AnnotationCollection
   * (`<title>.jsonld`). The written path, or `null` when the user cancels.
   */
  exportAnnotationsJsonLd(documentId: DocumentId): Promise<Result<string | null>>;
}

export const INTEROP_METHODS = [
  'previewAnnotationImport',
  'importAnnotations',
  'exportAnnotationsJsonLd',
] as const satisfies readonly (keyof InteropApi)[];
