/**
 * The highlights workspace of the contract: every highlight and note of the library in one windowed,
 * filterable list; edits of many highlights at once (undoable); and the daily review of old passages.
 */
import type { DocumentId, ErrorCode, Result } from './common';
import type { HighlightColor } from './highlights';

/** How the list is ordered: by document (then place in it), by tag, or by date (newest first, by month). */
export const WORKSPACE_GROUPINGS = ['document', 'tag', 'date'] as const;
export type WorkspaceGrouping = (typeof WORKSPACE_GROUPINGS)[number];

/** The most highlights one edit may change (a clear refusal beyond it). */
export const MAX_WORKSPACE_SELECTION = 1000;

/** The most rows one query answers. */
export const MAX_WORKSPACE_WINDOW = 500;

/** Quotes and notes are cut to this many characters in the list (the reader shows them whole). */
export const WORKSPACE_TEXT_CAP = 600;

/** Every part is optional; an empty filter lists everything. */
export interface WorkspaceFilter {
  /** Words that must all appear in the quote or the note (case and accents ignored). */
  text?: string;
  /** Tags, any of which (or a tag nested in it) the highlight must carry. */
  tags?: string[];
  colors?: HighlightColor[];
  documentIds?: DocumentId[];
  /** ISO 8601 instants: created at or after `createdFrom`, and before `createdBefore`. */
  createdFrom?: string;
  createdBefore?: string;
}

export interface WorkspaceQuery {
  filter: WorkspaceFilter;
  grouping: WorkspaceGrouping;
  /** The first row wanted and how many (rows are group headings and items). */
  offset: number;
  limit: number;
}

/** Where a highlight stands against its document's current text. */
export type AnchoringState = 'placed' | 'needs-check' | 'unplaced';

/** One highlight as the workspace lists it. */
export interface WorkspaceItem {
  documentId: DocumentId;
  highlightId: string;
  documentTitle: string;
  color: HighlightColor;
  /** The quote, cut to WORKSPACE_TEXT_CAP characters (with "…"). */
  quote: string;
  /** The note (markdown), cut the same way; null without one. */
  note: string | null;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  anchoring: AnchoringState;
}

export type WorkspaceRow =
  { kind: 'group'; label: string; count: number } | { kind: 'item'; item: WorkspaceItem };

/** A group of the whole answer (not only the window): its heading, its size and its heading's row. */
export interface WorkspaceGroupSummary {
  label: string;
  count: number;
  row: number;
}

export interface WorkspacePage {
  /** The rows from `offset` on (at most the limit asked). */
  rows: WorkspaceRow[];
  offset: number;
  totalRows: number;
  /** Highlights matching the filter (in the tag grouping, one highlight may head several rows). */
  matching: number;
  /** Highlights in the library, whatever the filter (tells "nothing yet" from "nothing matches"). */
  inLibrary: number;
  /** The first groups (up to 200), for a summary; `groupCount` says how many there are. */
  groups: WorkspaceGroupSummary[];
  groupCount: number;
}

export interface HighlightRef {
  documentId: DocumentId;
  highlightId: string;
}

/** What one edit does to every selected highlight. */
export type HighlightsEdit =
  | { kind: 'tag'; tag: string }
  | { kind: 'untag'; tag: string }
  | { kind: 'recolor'; color: HighlightColor }
  | { kind: 'delete' };

/** Documents are written one at a time; a failure stops there, and says what was left as it was. */
export interface EditFailure {
  code: ErrorCode;
  message: string;
  /** Selected highlights that were not changed because of it. */
  highlightsLeft: number;
}

export interface HighlightsEditOutcome {
  /** Undoes exactly what was changed (null when nothing was). */
  undoToken: string | null;
  changed: number;
  documents: number;
  /** Selected highlights that needed no change (already tagged, already that colour) or were gone. */
  unchanged: number;
  /** Set when the edit stopped part way: what was changed stays changed (and undoable). */
  failure: EditFailure | null;
}

export interface UndoOutcome {
  restored: number;
  /** Highlights changed or deleted since the edit, left as they are now. */
  skipped: number;
  failure: EditFailure | null;
}

/** Highlights to look at again today: the same day in earlier years, then passages drawn for the day. */
export interface ReviewSet {
  onThisDay: WorkspaceItem[];
  random: WorkspaceItem[];
}

export interface WorkspaceApi {
  /** A window of the library's highlights, filtered and grouped. */
  queryWorkspace(query: WorkspaceQuery): Promise<Result<WorkspacePage>>;
  /** Tags, untags, recolours or deletes up to MAX_WORKSPACE_SELECTION highlights, across documents. */
  editHighlights(refs: HighlightRef[], edit: HighlightsEdit): Promise<Result<HighlightsEditOutcome>>;
  /** Puts back what an edit changed (deleted highlights with their ids, notes and tags). */
  undoHighlightsEdit(undoToken: string): Promise<Result<UndoOutcome>>;
  /** The review for `day` (YYYY-MM-DD, the reader's local date): the same draw all day long. */
  reviewHighlights(day: string, count: number): Promise<Result<ReviewSet>>;
}

export const WORKSPACE_METHODS = [
  'queryWorkspace',
  'editHighlights',
  'undoHighlightsEdit',
  'reviewHighlights',
] as const satisfies readonly (keyof WorkspaceApi)[];
