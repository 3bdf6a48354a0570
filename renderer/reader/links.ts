/** What clicking a document link does. Links never navigate the app window. */
import { safeUrl } from './sanitize';

export type LinkAction =
  { kind: 'fragment'; id: string } | { kind: 'external'; url: string } | { kind: 'inert' };

export function linkAction(href: string | null): LinkAction {
  const url = href === null ? null : safeUrl(href);
  if (url === null) return { kind: 'inert' };
  if (url.startsWith('#')) {
    let id = url.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // A malformed escape: look the fragment up as written.
    }
    return { kind: 'fragment', id };
  }
  return { kind: 'external', url };
}
