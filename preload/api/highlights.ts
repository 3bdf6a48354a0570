/** The highlights domain of the contract: W3C selectors, highlights and their changes. */
import type { DocumentId, Result } from './common';

/** The six highlight colours; what each means is the user's (Settings.highlightLabels). */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** W3C Web Annotation selectors over the rendered document's text (see common/anchoring). */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  /** Up to 32 characters before and after the quote. */
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  /** UTF-16 offsets into the document's rendered text. */
  start: number;
  end: number;
}

/** A highlighted passage of one document. */
export interface Highlight {
  /** 16 lowercase hex characters. */
  id: string;
  documentId: DocumentId;
  color: HighlightColor;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  /**
   * The document text version (DocumentSummary.textVersion) the selectors were last placed
   * on. When it differs from the document's, the reader re-anchors and saves the result.
   */
  anchoredVersion: string;
  /** True when re-anchoring after an update could not place it: listed, never dropped. */
  unplaced: boolean;
  /**
   * True when re-anchoring placed it at its best candidate without being certain ("check this"):
   * `position` is that place, `quote` still the original passage, until the reader confirms.
   */
  needsCheck: boolean;
  /** Room for the tags and note of later issues. */
  tags: string[];
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewHighlight {
  color: HighlightColor;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  anchoredVersion: string;
}

/** A change to a highlight; `quote`+`position`+`anchoredVersion` together re-attach it. */
export interface HighlightPatch {
  color?: HighlightColor;
  quote?: TextQuoteSelector;
  position?: TextPositionSelector;
  anchoredVersion?: string;
  unplaced?: boolean;
  /** `false` confirms a "check this" place; new selectors clear it unless given. */
  needsCheck?: boolean;
}

/** The result of re-anchoring one highlight on a new version of its document's text. */
export interface AnchorUpdate {
  id: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  anchoredVersion: string;
  unplaced: boolean;
  /** Placed at its best candidate but not certain: `quote` is the original one, kept. */
  needsCheck: boolean;
}

export interface HighlightsApi {
  /** Refuses (`stale`) a highlight whose `anchoredVersion` is not the document's current text version. */
  addHighlight(documentId: DocumentId, highlight: NewHighlight): Promise<Result<Highlight>>;
  updateHighlight(
    documentId: DocumentId,
    highlightId: string,
    patch: HighlightPatch,
  ): Promise<Result<Highlight>>;
  /** Deletes a highlight and returns it, so the renderer can offer undo. */
  deleteHighlight(documentId: DocumentId, highlightId: string): Promise<Result<Highlight>>;
  /** Undo of deleteHighlight: puts the returned highlight back as it was. */
  restoreHighlight(documentId: DocumentId, highlight: Highlight): Promise<Result<Highlight>>;
  /** Stores the outcome of re-anchoring highlights on the document's current text. */
  saveAnchors(documentId: DocumentId, updates: AnchorUpdate[]): Promise<Result<null>>;
}

export const HIGHLIGHT_METHODS = [
  'addHighlight',
  'updateHighlight',
  'deleteHighlight',
  'restoreHighlight',
  'saveAnchors',
] as const satisfies readonly (keyof HighlightsApi)[];
