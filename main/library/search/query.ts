/** Runs a parsed query (common/search-query.ts) against the SearchIndex: MiniSearch query, filters, phrases. */
import MiniSearch, { type Query } from 'minisearch';
import { isWithinTag } from '../../../common/tags';
import type { SearchQuery } from '../../../common/search-query';
import type { BodyTerm } from './compact-index';
import type { Hit, SearchIndex, StoredEntry } from './search-index';
import type { PartTimer } from './part-timer';
import { foldTerm, tokenize } from './text';

/**
 * At most this many hits of each index but the passages' (which confirms phrases itself) are checked
 * for phrases and grouped (the rest are worse anyway).
 */
export const MAX_CANDIDATES = 400;
/** Prefix matching from two letters; one typo from four letters, two from eight. */
const PREFIX_FROM = 2;
const editsFor = (term: string): number => (term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0);
/** Phrase words this short are left to the phrase check (asking the index for "the" costs every entry). */
const SHORT_PHRASE_WORD = 3;

/**
 * The words the index is asked for: typed words with typos forgiven, the last one (still being typed)
 * also as a prefix; phrase words exactly, and only their longer words when they have any.
 */
export function queryTerms(query: SearchQuery): BodyTerm[] {
  const words = query.words.flatMap(tokenize);
  const typed = words.map((term, at) => ({
    term,
    prefix: at === words.length - 1 && query.phrases.length === 0 && term.length >= PREFIX_FROM,
    maxEdits: editsFor(term),
  }));
  const exact = query.phrases.flatMap((phrase) => {
    const terms = tokenize(phrase);
    const long = terms.filter((term) => term.length > SHORT_PHRASE_WORD);
    return (long.length > 0 ? long : terms).map((term) => ({ term, prefix: false, maxEdits: 0 }));
  });
  return [...typed, ...exact];
}

/** The MiniSearch query for the words and phrases (all required), minus excluded words. */
function miniQuery(terms: readonly BodyTerm[], excluded: readonly string[]): Query {
  const positive: Query =
    terms.length === 0
      ? MiniSearch.wildcard
      : {
          combineWith: 'AND',
          queries: terms.map(({ term, prefix, maxEdits }) => ({
            queries: [term],
            prefix,
            fuzzy: maxEdits > 0 ? maxEdits : false,
          })),
        };
  if (excluded.length === 0) return positive;
  return { combineWith: 'AND_NOT', queries: [positive, { queries: [...excluded], combineWith: 'OR' }] };
}

/** The filter on stored entries for `tag:`, `color:`, `in:` and `is:note` (null: the query has none). */
function entryFilter(
  query: SearchQuery,
  documentsWithin: ReadonlySet<string> | null,
): ((entry: StoredEntry) => boolean) | null {
  const filters = query.notesOnly || query.colors.length > 0 || query.tags.length > 0;
  // Most queries filter nothing: no call per matching entry (a common word matches most).
  if (!filters && documentsWithin === null) return null;
  const colors = new Set(query.colors);
  return (entry: StoredEntry): boolean => {
    if (query.notesOnly && entry.kind !== 'note') return false;
    if (colors.size > 0 && (entry.kind !== 'highlight' || entry.color === null || !colors.has(entry.color)))
      return false;
    if (documentsWithin !== null && (entry.documentId === null || !documentsWithin.has(entry.documentId)))
      return false;
    if (query.tags.length > 0) {
      const names = entry.tags === '' ? [] : entry.tags.split(' ');
      if (!query.tags.every((tag) => names.some((name) => isWithinTag(name, tag)))) return false;
    }
    return true;
  };
}

/** The ids of documents whose title contains every `in:` value (accents and case aside). */
export function documentsTitled(
  within: readonly string[],
  titles: Iterable<{ id: string; title: string }>,
  folded: FoldedTitles = new FoldedTitles(),
): Set<string> {
  const wanted = within.map(foldTerm);
  const found = new Set<string>();
  for (const { id, title } of titles) {
    const haystack = folded.of(id, title);
    if (wanted.every((part) => haystack.includes(part))) found.add(id);
  }
  return found;
}

/** Titles folded once, not at every `in:` query (10,000 of them cost milliseconds each time). */
export class FoldedTitles {
  private readonly folded = new Map<string, { title: string; folded: string }>();

  of(id: string, title: string): string {
    const known = this.folded.get(id);
    if (known?.title === title) return known.folded;
    const folded = foldTerm(title);
    this.folded.set(id, { title, folded });
    return folded;
  }

  forget(id: string): void {
    this.folded.delete(id);
  }

  /** How many titles are folded. */
  get size(): number {
    return this.folded.size;
  }
}

/**
 * Hits for the query: documents and notes, highlights, passages, each best first; `limit` of each
 * kind, or MAX_CANDIDATES when phrases are checked (by the caller) and may turn some down.
 */
export function runQuery(
  index: SearchIndex,
  query: SearchQuery,
  documentsWithin: ReadonlySet<string> | null,
  limit = MAX_CANDIDATES,
  timer?: PartTimer,
): Hit[] {
  const terms = queryTerms(query);
  const excluded = query.excluded.flatMap(tokenize);
  const filter = entryFilter(query, documentsWithin);
  const hits = index.search(miniQuery(terms, excluded), filter);
  timer?.lap('notes');
  const asked = { terms, excluded, max: query.phrases.length > 0 ? MAX_CANDIDATES : limit };
  const documents = index.searchEntries('document', asked, filter);
  timer?.lap('documents');
  const highlights = query.notesOnly ? [] : index.searchEntries('highlight', asked, filter);
  timer?.lap('highlights');
  // Passages carry no tags, colours or notes: those filters leave none.
  const passagesWanted = query.tags.length === 0 && query.colors.length === 0 && !query.notesOnly;
  // The passages' index confirms phrases itself: only as many as are shown are needed.
  const phrases = query.phrases.map(tokenize);
  const passages = passagesWanted
    ? index.searchBody(
        { terms, excluded, phrases, max: limit },
        documentsWithin === null ? null : (documentId) => documentsWithin.has(documentId),
      )
    : [];
  timer?.lap('passages');
  return [...documents, ...hits.slice(0, asked.max), ...highlights, ...passages];
}
