/** What the find bar says about a search: "3 of 128", "Searching…", never "No matches" on a partial text. Pure. */

export interface FindProgress {
  /** Whether there is a query to look for. */
  hasQuery: boolean;
  /** The last run's answer has not come yet (or is out of date). */
  searching: boolean;
  /** Part of the text has not arrived or is not rendered yet: the count is of what is there. */
  partial: boolean;
  total: number;
  /** Index of the current match, or -1 when none is chosen yet. */
  current: number;
}

export function findStatusText(progress: FindProgress): string {
  const { hasQuery, searching, partial, total, current } = progress;
  if (!hasQuery) return '';
  if (searching && total === 0) return 'Searching…';
  const count = current >= 0 ? `${number(current + 1)} of ${number(total)}` : plural(total);
  if (partial)
    return total === 0 ? 'No matches yet: the rest is loading' : `${count} so far: the rest is loading`;
  return total === 0 ? 'No matches' : count;
}

const number = (n: number): string => n.toLocaleString('en');
const plural = (total: number): string => (total === 1 ? '1 match' : `${number(total)} matches`);
