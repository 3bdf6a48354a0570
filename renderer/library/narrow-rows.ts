/**
 * A keystroke that narrows the filter, answered from the rows the list already holds: when they
 * are every match of the previous filter, the new matches are among them, in the same order, so
 * the list shows them in the same frame while the core's answer (which then replaces them) travels.
 */
import type { DocumentRow } from '../../preload/api';
import { filterHaystack, filterTerms, matchesTerms, narrows } from '../../common/library-filter';

/** Past this many matches the list never holds them all (it loads pages around the view). */
const MOST_HELD = 1000;

/**
 * The rows of [0, total) in `held` that match `filter`, when `held` has all of them and `filter`
 * narrows `previous`; null when only the core can tell.
 */
export function narrowHeldRows(
  held: ReadonlyMap<number, DocumentRow>,
  total: number,
  previous: string,
  filter: string,
): DocumentRow[] | null {
  if (total > MOST_HELD || held.size < total) return null;
  const terms = filterTerms(filter);
  if (terms.length === 0 || !narrows(filterTerms(previous), terms)) return null;
  const matches: DocumentRow[] = [];
  for (let index = 0; index < total; index++) {
    const row = held.get(index);
    if (row === undefined) return null;
    if (matchesTerms(filterHaystack(row), terms)) matches.push(row);
  }
  return matches;
}
