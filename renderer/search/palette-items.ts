/**
 * The search palette's pure half: grouped results flattened into one list of options (what arrows
 * move through), each with what opening it does, and a snippet cut into plain and marked parts.
 */
import type { LinkTarget, ReadingPosition, SearchResults, SearchSnippet } from '../../preload/api';

export type PaletteGroup = 'Documents' | 'Passages' | 'Highlights' | 'Notes';

/** What opening an option does: follow a link, or open a document at a place in its text. */
export type PaletteAction =
  { kind: 'link'; target: LinkTarget } | { kind: 'place'; documentId: string; position: ReadingPosition };

export interface PaletteItem {
  key: string;
  group: PaletteGroup;
  /** The line that names the result, and the line that says where it is. */
  snippet: SearchSnippet;
  detail: string;
  action: PaletteAction;
}

/** A snippet as runs of text, each marked or not (rendered as text: never as HTML). */
export function snippetParts(snippet: SearchSnippet): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  let at = 0;
  const ranges = snippet.matches.toSorted((a, b) => a.start - b.start);
  for (const { start, end } of ranges) {
    if (start < at || end <= start || end > snippet.text.length) continue;
    if (start > at) parts.push({ text: snippet.text.slice(at, start), marked: false });
    parts.push({ text: snippet.text.slice(start, end), marked: true });
    at = end;
  }
  if (at < snippet.text.length) parts.push({ text: snippet.text.slice(at), marked: false });
  return parts;
}

/** The text a passage's place is found by in the reader: from its first match, ~32 characters. */
function placeQuote(snippet: SearchSnippet): string {
  const first = snippet.matches[0];
  if (first === undefined) return '';
  return snippet.text.slice(first.start, first.start + 32).replace(/…$/, '');
}

/** Every result as one option, in the palette's group order. */
export function paletteItems(results: SearchResults): PaletteItem[] {
  const items: PaletteItem[] = [];
  for (const hit of results.documents)
    items.push({
      key: `d/${hit.documentId}`,
      group: 'Documents',
      snippet: hit.snippet,
      detail: hit.author ?? 'Document',
      action: { kind: 'link', target: { kind: 'doc', documentId: hit.documentId } },
    });
  for (const hit of results.passages) {
    const quote = placeQuote(hit.snippet);
    items.push({
      key: `p/${hit.documentId}/${hit.offset}`,
      group: 'Passages',
      snippet: hit.snippet,
      detail: hit.heading === null ? hit.documentTitle : `${hit.documentTitle} · ${hit.heading}`,
      action: {
        kind: 'place',
        documentId: hit.documentId,
        position: { section: hit.section, offset: 0, quote, progress: 0 },
      },
    });
  }
  for (const hit of results.highlights)
    items.push({
      key: `h/${hit.documentId}/${hit.highlightId}`,
      group: 'Highlights',
      snippet: hit.snippet,
      detail: [hit.documentTitle, ...hit.tags.map((tag) => `#${tag}`)].join(' · '),
      action: {
        kind: 'link',
        target: { kind: 'highlight', documentId: hit.documentId, highlightId: hit.highlightId },
      },
    });
  for (const hit of results.notes) {
    const { source } = hit;
    const target: LinkTarget =
      source.kind === 'note'
        ? { kind: 'note', noteId: source.noteId }
        : source.kind === 'highlight-note'
          ? { kind: 'highlight', documentId: source.documentId, highlightId: source.highlightId }
          : { kind: 'doc', documentId: source.documentId };
    const key = source.kind === 'note' ? source.noteId : `${source.kind}/${source.documentId}`;
    items.push({
      key: `n/${key}/${items.length}`,
      group: 'Notes',
      snippet: hit.snippet,
      detail: hit.title,
      action: { kind: 'link', target },
    });
  }
  return items;
}
