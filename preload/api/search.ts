/**
 * The search domain of the contract: one query over document titles, authors and text, highlights,
 * notes and tags (syntax in common/search-query.ts), answered grouped by kind with snippets.
 */
import type { DocumentId, Result } from './common';
import type { HighlightColor } from './highlights';
import type { LinkSource } from './links';

/** A short piece of text around a match; `matches` are [start, end) offsets in `text` to mark. */
export interface SearchSnippet {
  text: string;
  matches: { start: number; end: number }[];
}

export interface DocumentHit {
  documentId: DocumentId;
  title: string;
  author: string | null;
  /** The title, or the author, with the match marked. */
  snippet: SearchSnippet;
}

/** A place in a document's text: its section (as common/sections.ts splits it) and offset. */
export interface PassageHit {
  documentId: DocumentId;
  documentTitle: string;
  /** The section's index and heading (null before the first heading). */
  section: number;
  heading: string | null;
  /** Offset of the first match in the document's markdown. */
  offset: number;
  snippet: SearchSnippet;
}

export interface HighlightHit {
  documentId: DocumentId;
  highlightId: string;
  documentTitle: string;
  color: HighlightColor;
  tags: string[];
  snippet: SearchSnippet;
}

export interface NoteHit {
  source: LinkSource;
  title: string;
  tags: string[];
  snippet: SearchSnippet;
}

export interface SearchResults {
  documents: DocumentHit[];
  passages: PassageHit[];
  highlights: HighlightHit[];
  notes: NoteHit[];
  /** True while the index is still being built: results may be missing. */
  indexing: boolean;
}

export interface SearchApi {
  /** Searches everything; at most `limit` results of each kind, best first. Any query string is valid. */
  search(query: string, limit: number): Promise<Result<SearchResults>>;
}

export const SEARCH_METHODS = ['search'] as const satisfies readonly (keyof SearchApi)[];
