/** The pure part of the `[[` autocomplete: where a link is being typed, and inserting the chosen one. */
import type { LinkTarget } from '../../preload/api';
import { formatLink } from '../../common/links';

/** The longest query the autocomplete follows; past it `[[` is taken to be plain text. */
const MAX_QUERY = 80;

/** The `[[` being typed before the caret and what follows it, or null when there is none. */
export function linkQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const from = Math.max(0, caret - MAX_QUERY - 2);
  const start = text.lastIndexOf('[[', caret - 2);
  if (start < from || start < 0) return null;
  const query = text.slice(start + 2, caret);
  if (/[\n\]|[]/.test(query) || query.startsWith('lectern:')) return null;
  return { start, query };
}

/** The text with `[[query` replaced by the stored link, and the caret after it. */
export function insertLink(
  text: string,
  start: number,
  caret: number,
  target: LinkTarget,
  title: string,
): { text: string; caret: number } {
  const link = formatLink(target, title);
  return { text: text.slice(0, start) + link + text.slice(caret), caret: start + link.length };
}
