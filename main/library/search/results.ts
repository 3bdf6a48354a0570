/** Turns the index's hits into the contract's grouped results: phrases checked (but passages'), snippets cut, kinds capped. */
import type { LinkSource, SearchResults } from '../../../preload/api';
import type { SearchQuery } from '../../../common/search-query';
import type { Hit, StoredEntry } from './search-index';
import { readablePassage } from './readable';
import { snippetOf } from './snippets';
import { phraseMatcher } from './phrase';
import { tokenize, wordTerms } from './text';

export interface ResultSources {
  /** A document's current title (entries keep the one they were indexed with). */
  titleOf(documentId: string): string;
  /** A document's markdown, for passage snippets and phrase checks; null when it cannot be read. */
  bodyOf(documentId: string): Promise<string | null>;
}

/** The text an entry was found by (passages: their slice of the document). */
async function textOf(entry: StoredEntry, sources: ResultSources): Promise<string> {
  if (entry.kind === 'passage') {
    const body = entry.documentId === null ? null : await sources.bodyOf(entry.documentId);
    return body === null ? '' : body.slice(entry.start, entry.end);
  }
  if (entry.kind === 'highlight') return entry.quote;
  if (entry.kind === 'note') return `${entry.title}\n${entry.note}`;
  return `${entry.title}\n${entry.author}`;
}

function sourceOf(entry: StoredEntry): LinkSource {
  if (entry.noteId !== null) return { kind: 'note', noteId: entry.noteId };
  if (entry.highlightId !== null)
    return { kind: 'highlight-note', documentId: entry.documentId ?? '', highlightId: entry.highlightId };
  return { kind: 'document-note', documentId: entry.documentId ?? '' };
}

/** The words a snippet marks: what the index matched, and the words typed (for phrases). */
const markedTerms = (hit: Hit, query: SearchQuery): string[] => [
  ...hit.terms,
  ...query.words.flatMap(tokenize),
  ...query.phrases.flatMap(tokenize),
];

/** Groups hits by kind, at most `limit` of each, best first; phrase queries keep only true phrases. */
export async function groupResults(
  hits: readonly Hit[],
  query: SearchQuery,
  limit: number,
  sources: ResultSources,
): Promise<Omit<SearchResults, 'indexing'>> {
  const results: Omit<SearchResults, 'indexing'> = { documents: [], passages: [], highlights: [], notes: [] };
  const groupOf = {
    document: 'documents',
    passage: 'passages',
    highlight: 'highlights',
    note: 'notes',
  } as const;
  const reading = readingAhead(hits, sources);
  const phrases = query.phrases.map(phraseMatcher);
  for (const hit of hits) {
    const { entry } = hit;
    if (results[groupOf[entry.kind]].length >= limit) continue;
    const text = await textOf(entry, reading);
    // Passages come with their phrases confirmed by the index (from the words it was built with).
    if (entry.kind !== 'passage' && !phrases.every((holdsPhrase) => holdsPhrase(text))) continue;
    const terms = markedTerms(hit, query);
    const documentId = entry.documentId ?? '';
    const documentTitle = entry.documentId === null ? '' : sources.titleOf(entry.documentId);
    if (entry.kind === 'document') {
      const title = documentTitle || entry.title;
      const snippet = snippetOf(title, terms, true);
      const author = entry.author === '' ? null : entry.author;
      const shown = snippet.matches.length > 0 || author === null ? snippet : snippetOf(author, terms, true);
      results.documents.push({ documentId, title, author, snippet: shown });
    } else if (entry.kind === 'passage') {
      const snippet = snippetOf(readablePassage(text), terms);
      const offset = entry.start + firstMatchOffset(text, terms);
      results.passages.push({
        documentId,
        documentTitle,
        section: entry.section,
        heading: entry.heading,
        offset,
        snippet,
      });
    } else if (entry.kind === 'highlight') {
      const tags = entry.tags === '' ? [] : entry.tags.split(' ');
      const highlightId = entry.highlightId ?? '';
      const color = entry.color ?? 'yellow';
      results.highlights.push({
        documentId,
        highlightId,
        documentTitle,
        color,
        tags,
        snippet: snippetOf(text, terms),
      });
    } else {
      const tags = entry.tags === '' ? [] : entry.tags.split(' ');
      const body = entry.note;
      const snippet = snippetOf(readablePassage(body), terms);
      const title =
        entry.noteId !== null
          ? entry.title
          : entry.highlightId !== null
            ? `“${entry.quote.slice(0, 80)}” — ${documentTitle}`
            : `Note on ${documentTitle}`;
      results.notes.push({ source: sourceOf(entry), title, tags, snippet });
    }
  }
  return results;
}

/** Passages' documents read at once, this many ahead (each passage shown reads its document for the snippet). */
const READ_AHEAD = 16;

/** `sources` whose bodyOf reads each document once per query, the next READ_AHEAD in parallel. */
function readingAhead(hits: readonly Hit[], sources: ResultSources): ResultSources {
  const reads = new Map<string, Promise<string | null>>();
  const read = (documentId: string) => {
    const known = reads.get(documentId);
    if (known !== undefined) return known;
    const body = sources.bodyOf(documentId);
    reads.set(documentId, body);
    return body;
  };
  const passages = hits.flatMap((hit) => (hit.entry.kind === 'passage' ? [hit.entry.documentId ?? ''] : []));
  let ahead = 0;
  return {
    titleOf: sources.titleOf,
    bodyOf(documentId) {
      const at = passages.indexOf(documentId, ahead);
      if (at >= 0) {
        for (const next of passages.slice(at, at + READ_AHEAD)) void read(next);
        ahead = at;
      }
      return read(documentId);
    },
  };
}

/** Where the first marked word is in `text` (0 when none is). */
function firstMatchOffset(text: string, terms: readonly string[]): number {
  const wanted = new Set(terms);
  let offset = 0;
  const pattern = /[\p{L}\p{N}\p{M}]+/gu;
  for (const match of text.matchAll(pattern)) {
    if (wordTerms(match[0]).some((term) => wanted.has(term))) {
      offset = match.index;
      break;
    }
  }
  return offset;
}
