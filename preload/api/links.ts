/**
 * The links domain of the contract: `[[lectern:…]]` links between notes, documents and highlights
 * (syntax in common/links.ts), their resolution to current titles, backlinks and broken links.
 */
import type { DocumentId, Result } from './common';

/** What a link points at; every id is 16 lowercase hex characters. */
export type LinkTarget =
  | { kind: 'doc'; documentId: DocumentId }
  | { kind: 'note'; noteId: string }
  | { kind: 'highlight'; documentId: DocumentId; highlightId: string };

/** Where a link is written: a standalone note, the note of a highlight, or a document's note. */
export type LinkSource =
  | { kind: 'note'; noteId: string }
  | { kind: 'highlight-note'; documentId: DocumentId; highlightId: string }
  | { kind: 'document-note'; documentId: DocumentId };

/** `ok`: it exists; `trashed`: in the trash (restoring repairs the link); `missing`: deleted or unknown. */
export type LinkStatus = 'ok' | 'trashed' | 'missing';

/** A target as it is now, for rendering a link by its current title. */
export interface ResolvedLink {
  /** The raw target as written after `lectern:` (e.g. `doc/<id>`), as asked. */
  key: string;
  status: LinkStatus;
  /** The current title (a highlight: its quote, shortened), or the best known name when broken. */
  title: string;
  /** For a highlight: its document's title. */
  context: string | null;
  /** Why the link is broken, in a sentence; null when it is not. */
  reason: string | null;
}

/** One note that links to a target, with the words around the link. */
export interface Backlink {
  source: LinkSource;
  /** The source's identity (`note/<id>`, `highlight-note/<doc>/<hl>`, `document-note/<doc>`). */
  sourceKey: string;
  sourceTitle: string;
  snippet: string;
}

/** Backlinks to a document and to each of its highlights (margin markers in the reader). */
export interface DocumentLinks {
  document: Backlink[];
  highlights: { highlightId: string; backlinks: Backlink[] }[];
}

/** A link that points at nothing live, where it is written. */
export interface BrokenLink {
  source: LinkSource;
  sourceKey: string;
  sourceTitle: string;
  /** The link's offsets in the source's text and its stored form (repairs check it is unchanged). */
  start: number;
  end: number;
  raw: string;
  label: string | null;
  status: 'trashed' | 'missing';
  reason: string;
  snippet: string;
}

/** A candidate for the `[[` autocomplete. */
export interface LinkSuggestion {
  target: LinkTarget;
  key: string;
  title: string;
  /** What it is and where: "Document", "Note", or the highlight's document title. */
  detail: string;
}

/** Announced when backlinks or the status of targets may have changed. */
export interface LinksChange {
  /** The sources whose links changed (empty when only targets' titles or status changed). */
  sources: string[];
}

export interface LinksApi {
  /** Documents, standalone notes and highlights whose title or quote contains `query`. */
  findLinkTargets(query: string, limit: number): Promise<Result<LinkSuggestion[]>>;
  /** Current title and status of each raw target (`doc/<id>`, ...), in the order asked. */
  resolveLinks(targets: string[]): Promise<Result<ResolvedLink[]>>;
  /** The notes that link to a target (raw key), each once per link. */
  getBacklinks(target: string): Promise<Result<Backlink[]>>;
  getDocumentLinks(documentId: DocumentId): Promise<Result<DocumentLinks>>;
  listBrokenLinks(): Promise<Result<BrokenLink[]>>;
  /**
   * Points a broken link (found by `listBrokenLinks`) at another target, or removes it (`null`,
   * its label stays as text). `stale` when the note changed since.
   */
  repairLink(broken: BrokenLink, target: LinkTarget | null): Promise<Result<null>>;
}

export const LINK_METHODS = [
  'findLinkTargets',
  'resolveLinks',
  'getBacklinks',
  'getDocumentLinks',
  'listBrokenLinks',
  'repairLink',
] as const satisfies readonly (keyof LinksApi)[];
