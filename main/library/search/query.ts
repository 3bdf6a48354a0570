/** Runs a parsed query (common/search-query.ts) against the SearchIndex: MiniSearch query, filters, phrases. */
import MiniSearch, { type Query } from 'minisearch';
import { isWithinTag } from '../../../common/tags';
import type { SearchQuery } from '../../../common/search-query';
import type { Hit, SearchIndex, StoredEntry } from './search-index';
import { foldTerm, tokenize } from './text';

/** Prefix matching from two letters, one typo from four, two from eight (MiniSearch's fraction). */
const prefixFor = (term: string): boolean => term.length >= 2;
const fuzzyFor = (term: string): number | false => (term.length >= 4 ? 0.2 : false);
/** At most this many hits are checked for phrases and grouped (the rest are worse anyway). */
export const MAX_CANDIDATES = 400;

/** The MiniSearch query for the words and phrases (all required), minus excluded words. */
function miniQuery(query: SearchQuery): Query {
  const words = [...query.words, ...query.phrases].flatMap(tokenize);
  const excluded = query.excluded.flatMap(tokenize);
  const positive: Query =
    words.length === 0
      ? MiniSearch.wildcard
      : { queries: words, combineWith: 'AND', prefix: prefixFor, fuzzy: fuzzyFor };
  if (excluded.length === 0) return positive;
  return { combineWith: 'AND_NOT', queries: [positive, { queries: excluded, combineWith: 'OR' }] };
}

/** The filter on stored entries for `tag:`, `color:`, `in:` and `is:note`. */
function entryFilter(query: SearchQuery, documentsWithin: ReadonlySet<string> | null) {
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
): Set<string> {
  const wanted = within.map(foldTerm);
  const found = new Set<string>();
  for (const { id, title } of titles) {
    const folded = foldTerm(title);
    if (wanted.every((part) => folded.includes(part))) found.add(id);
  }
  return found;
}

/** Hits for the query, best first, at most MAX_CANDIDATES (phrases are checked by the caller). */
export function runQuery(
  index: SearchIndex,
  query: SearchQuery,
  documentsWithin: ReadonlySet<string> | null,
): Hit[] {
  const hits = index.search(miniQuery(query), entryFilter(query, documentsWithin));
  return hits.slice(0, MAX_CANDIDATES);
}
