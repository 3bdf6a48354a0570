/** The tags domain of the contract: tags on highlights and documents, and the tag manager's changes. */
import type { DocumentId, Result } from './common';
import type { DocumentSummary } from './documents';
import type { Highlight } from './highlights';

/** One tag as the tag manager and the autocomplete show it. */
export interface TagInfo {
  /** The first spelling the library saw (identity is case-insensitive, see common/tags.ts). */
  name: string;
  /** Documents tagged with exactly this tag (not counting its children). */
  documents: number;
  highlights: number;
  /** Standalone notes carrying it. */
  notes: number;
}

/** Uses of the tags a change touched, so the undo toast can say what it changed. */
export interface TagCounts {
  documents: number;
  highlights: number;
  notes: number;
}

/** A rename, merge or delete, kept so that undoTagChange can revert it. */
export interface TagChange {
  id: string;
  kind: 'rename' | 'merge' | 'delete';
  /** The tag renamed, merged or deleted (its children followed it). */
  from: string;
  /** The new name, the tag merged into, or `null` for a delete. */
  to: string | null;
  counts: TagCounts;
}

/** What `tagsChanged` says: tags were added, renamed, merged, deleted or counted anew. */
export interface TagsChangedEvent {
  reason: 'tagged' | 'rename' | 'merge' | 'delete' | 'undo';
}

export interface TagsApi {
  /** Every tag, most used first (documents + highlights + notes), then by name. */
  listTags(): Promise<Result<TagInfo[]>>;
  /** Replaces a highlight's tags (normalised; a refused tag answers `invalid-argument` saying why). */
  setHighlightTags(documentId: DocumentId, highlightId: string, tags: string[]): Promise<Result<Highlight>>;
  /** Replaces a document's tags, with the same rules as setHighlightTags. */
  setDocumentTags(documentId: DocumentId, tags: string[]): Promise<Result<DocumentSummary>>;
  /** Renames a tag and its children everywhere, in one durable write. */
  renameTag(from: string, to: string): Promise<Result<TagChange>>;
  /** Merges `from` (and its children) into `into`: everything tagged `from` is then tagged `into`. */
  mergeTags(from: string, into: string): Promise<Result<TagChange>>;
  /** Removes a tag and its children from everything (undoable). */
  deleteTag(name: string): Promise<Result<TagChange>>;
  /** Reverts a change returned by renameTag, mergeTags or deleteTag. */
  undoTagChange(changeId: string): Promise<Result<null>>;
}

export const TAG_METHODS = [
  'listTags',
  'setHighlightTags',
  'setDocumentTags',
  'renameTag',
  'mergeTags',
  'deleteTag',
  'undoTagChange',
] as const satisfies readonly (keyof TagsApi)[];
