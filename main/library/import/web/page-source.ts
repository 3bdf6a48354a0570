/**
 * Where a saved page came from, as the page records it: `<link rel=canonical>`, `og:url`, or
 * the `<!-- saved from url=(0043)https://… -->` mark browsers write. Only http(s) URLs count.
 */
import { type DomDocument } from './dom';

const SAVED_FROM = /<!--\s*saved from url=\(\d+\)\s*([^\s>]+)\s*-->/i;
const SAVED_FROM_SEARCH_CHARS = 4096;

/** The page's original URL, or null when it records none (or only a local or odd one). */
export function sourceUrlOf(document: DomDocument, html: string): string | null {
  const canonical = document.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href');
  const openGraph = document.querySelector('meta[property="og:url"][content]')?.getAttribute('content');
  const savedFrom = SAVED_FROM.exec(html.slice(0, SAVED_FROM_SEARCH_CHARS))?.[1];
  for (const candidate of [canonical, openGraph, savedFrom]) {
    const url = httpUrl(candidate);
    if (url !== null) return url;
  }
  return null;
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
