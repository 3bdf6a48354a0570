/**
 * Where a saved page came from, as the page records it: `<link rel=canonical>`, `og:url`, or
 * the `<!-- saved from url=(0043)https://… -->` mark browsers write. Only http(s) URLs count.
 */
import { type DomDocument, type DomElement } from './dom';
import { withTag } from './tag-walk';

const SAVED_FROM = /<!--\s*saved from url=\(\d+\)\s*([^\s>]+)\s*-->/i;
const SAVED_FROM_SEARCH_CHARS = 4096;

/**
 * The page's original URL, or null when it records none (or only a local or odd one). `elements`:
 * the page's elements found by a walk that looked for `link` and `meta` among others.
 */
export function sourceUrlOf(
  document: DomDocument,
  html: string,
  elements?: readonly DomElement[],
): string | null {
  // `link[rel~="canonical" i][href]` and `meta[property="og:url"][content]`, found without a
  // selector engine (which matched every element of a page that has neither).
  const canonical = firstWith(withTag(document, 'link', elements), 'href', (link) =>
    (link.getAttribute('rel') ?? '')
      .toLowerCase()
      .split(/[\t\n\f\r ]+/)
      .includes('canonical'),
  );
  const openGraph = firstWith(
    withTag(document, 'meta', elements),
    'content',
    (meta) => meta.getAttribute('property') === 'og:url',
  );
  const savedFrom = SAVED_FROM.exec(html.slice(0, SAVED_FROM_SEARCH_CHARS))?.[1];
  for (const candidate of [canonical, openGraph, savedFrom]) {
    const url = httpUrl(candidate);
    if (url !== null) return url;
  }
  return null;
}

/** The `attribute` of the first of `elements` that has it and passes `test`. */
function firstWith(
  elements: readonly DomElement[],
  attribute: string,
  test: (element: DomElement) => boolean,
): string | undefined {
  const found = elements.find((element) => element.hasAttribute(attribute) && test(element));
  return found?.getAttribute(attribute) ?? undefined;
}

function httpUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
