/** The Notes list's filter: what a note must contain to stay listed as the user types. */
import type { NoteSummary } from '../../preload/api';

/** True when every word of `filter` is in the note's title, excerpt or tags (case-insensitive). */
export function matchesFilter(note: NoteSummary, filter: string): boolean {
  const haystack = `${note.title} ${note.excerpt} ${note.tags.join(' ')}`.toLocaleLowerCase();
  return filter
    .trim()
    .toLocaleLowerCase()
    .split(/\s+/u)
    .every((word) => haystack.includes(word));
}
