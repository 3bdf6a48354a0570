/**
 * Paths inside a book: an href in one of its files resolved to the zip path it names, with
 * anything that leaves the book (or is a URL) answered with null.
 */

/** `href` (relative to the file at `fromPath`) as a path inside the book, without its fragment. */
export function resolveInBook(fromPath: string, href: string): string | null {
  const withoutFragment = href.replace(/[?#].*$/, '').trim();
  if (
    withoutFragment === '' ||
    /^[a-z][a-z0-9+.-]*:/i.test(withoutFragment) ||
    withoutFragment.startsWith('/')
  ) {
    return null;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(withoutFragment);
  } catch {
    return null;
  }
  const segments = fromPath.split('/').slice(0, -1);
  for (const segment of decoded.split('/')) {
    if (segment === '..') {
      if (segments.length === 0) return null;
      segments.pop();
    } else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.length === 0 || segments.some((segment) => /[\\\0]/.test(segment))
    ? null
    : segments.join('/');
}

/** The decoded `#fragment` of an href, or null when it has none. */
export function fragmentOfHref(href: string): string | null {
  const at = href.indexOf('#');
  if (at < 0 || at === href.length - 1) return null;
  try {
    return decodeURIComponent(href.slice(at + 1));
  } catch {
    return href.slice(at + 1);
  }
}
