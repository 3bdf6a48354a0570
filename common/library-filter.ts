/**
 * What the library filter matches, in one place: the catalog's index scans records with it, and
 * the list narrows the rows it already holds with it while the core's answer is on its way.
 */

const ACCENTED_LATIN = /[\u00c0-\u024f\u1e00-\u1eff]/;

/** Lowercase and strip Latin diacritics, so "emile" finds "Émile". */
export function foldForSearch(text: string): string {
  const lower = text.toLowerCase();
  return ACCENTED_LATIN.test(lower) ? lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : lower;
}

/** The fields of a document the filter looks in (a record or the row made from it). */
export interface FilteredFields {
  title: string;
  author: string | null;
  source: string | null;
  excerpt: string;
}

/** The folded text a filter term must occur in: title, author, source and excerpt. */
export function filterHaystack({ title, author, source, excerpt }: FilteredFields): string {
  return foldForSearch([title, author ?? '', source ?? '', excerpt].join('\n'));
}

/** A filter as typed to its folded terms; none means no filter. */
export function filterTerms(filter: string): string[] {
  return foldForSearch(filter).split(/\s+/).filter(Boolean);
}

/** Whether a folded haystack holds every term. */
export function matchesTerms(haystack: string, terms: readonly string[]): boolean {
  return terms.every((term) => haystack.includes(term));
}

/**
 * Whether every match of `next` is among the matches of `previous` (typing on narrows): so when
 * each old term is part of a new one, since a text holding the new term holds the old one too.
 */
export function narrows(previous: readonly string[], next: readonly string[]): boolean {
  return previous.every((old) => next.some((term) => term.includes(old)));
}
