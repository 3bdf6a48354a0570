/**
 * A book's table of contents as the book gives it: the EPUB 3 nav document's `toc` nav, or
 * else the EPUB 2 NCX's navMap. Entries point at files (and fragments) inside the book.
 */
import { type DomElement, parseHtml } from '../web/dom';
import { fragmentOfHref, resolveInBook } from './book-paths';
import { attributeOf, childOf, childrenOf, parseXml, textOf, type XmlNode } from './epub-xml';
import type { BookPackage } from './package-document';

export interface BookTocEntry {
  title: string;
  path: string;
  fragment: string | null;
  depth: number;
}

const decoder = new TextDecoder('utf-8');

/** The book's contents, from nav if it has one, else from the NCX; empty when it has neither. */
export function readBookToc(book: BookPackage, files: ReadonlyMap<string, Uint8Array>): BookTocEntry[] {
  const navBytes = book.nav ? files.get(book.nav.path) : undefined;
  if (book.nav && navBytes) {
    const entries = navToc(decoder.decode(navBytes), book.nav.path);
    if (entries.length > 0) return entries;
  }
  const ncxBytes = book.ncx ? files.get(book.ncx.path) : undefined;
  return book.ncx && ncxBytes ? ncxToc(decoder.decode(ncxBytes), book.ncx.path) : [];
}

function navToc(xhtml: string, navPath: string): BookTocEntry[] {
  const document = parseHtml(xhtml);
  const navs = [...document.querySelectorAll('nav')];
  const toc = navs.find((nav) => /\btoc\b/.test(nav.getAttribute('epub:type') ?? '')) ?? navs[0];
  const list = toc?.querySelector('ol');
  return list ? listEntries(list, navPath, 1) : [];
}

function listEntries(list: DomElement, navPath: string, depth: number): BookTocEntry[] {
  const entries: BookTocEntry[] = [];
  for (const item of list.children) {
    if (item.nodeName.toUpperCase() !== 'LI') continue;
    const link = [...item.children].find((child) => /^(A|SPAN)$/i.test(child.nodeName));
    const href = link?.getAttribute('href');
    const path = href ? resolveInBook(navPath, href) : null;
    const title = (link?.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (href && path !== null && title !== '')
      entries.push({ title, path, fragment: fragmentOfHref(href), depth });
    const nested = [...item.children].find((child) => child.nodeName.toUpperCase() === 'OL');
    if (nested) entries.push(...listEntries(nested, navPath, depth + 1));
  }
  return entries;
}

function ncxToc(xml: string, ncxPath: string): BookTocEntry[] {
  const ncx = childOf(parseXml(xml) ?? undefined, 'ncx');
  return pointEntries(childrenOf(childOf(ncx, 'navMap'), 'navPoint'), ncxPath, 1);
}

function pointEntries(points: XmlNode[], ncxPath: string, depth: number): BookTocEntry[] {
  const entries: BookTocEntry[] = [];
  for (const point of points) {
    const src = attributeOf(childOf(point, 'content'), 'src');
    const path = src ? resolveInBook(ncxPath, src) : null;
    const title = textOf(childOf(childOf(point, 'navLabel'), 'text'));
    if (src && path !== null && title !== '')
      entries.push({ title, path, fragment: fragmentOfHref(src), depth });
    entries.push(...pointEntries(childrenOf(point, 'navPoint'), ncxPath, depth + 1));
  }
  return entries;
}
