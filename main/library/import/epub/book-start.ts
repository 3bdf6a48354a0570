/**
 * Where a book's text proper starts, as the book says: the EPUB 3 nav's landmarks
 * (`epub:type="bodymatter"`), else the EPUB 2 guide's `text` reference. A new book opens there,
 * past its cover, title and copyright pages. A landmark naming no chapter of the book is ignored.
 */
import { splitSections } from '../../../../common/sections';
import { parseHtml } from '../web/dom';
import { fragmentOfHref, resolveInBook } from './book-paths';
import { attributeOf, childOf, childrenOf, parseXml } from './epub-xml';
import type { BookPackage } from './package-document';

export interface BookPlace {
  path: string;
  fragment: string | null;
}

const decoder = new TextDecoder('utf-8');

/** The start the book names (not yet checked against its chapters), or null. */
export function readBookStart(book: BookPackage, files: ReadonlyMap<string, Uint8Array>): BookPlace | null {
  const navBytes = book.nav ? files.get(book.nav.path) : undefined;
  const fromNav = book.nav && navBytes ? landmarkStart(decoder.decode(navBytes), book.nav.path) : null;
  if (fromNav !== null) return fromNav;
  const opfBytes = files.get(book.opfPath);
  return opfBytes === undefined ? null : guideStart(decoder.decode(opfBytes), book.opfPath);
}

function landmarkStart(xhtml: string, navPath: string): BookPlace | null {
  const document = parseHtml(xhtml);
  const landmarks = [...document.querySelectorAll('nav')].find((nav) =>
    /(^|\s)landmarks(\s|$)/.test(nav.getAttribute('epub:type') ?? ''),
  );
  for (const link of landmarks?.querySelectorAll('a[href]') ?? []) {
    if (!/(^|\s)bodymatter(\s|$)/.test(link.getAttribute('epub:type') ?? '')) continue;
    const place = placeOf(navPath, link.getAttribute('href') ?? '');
    if (place !== null) return place;
  }
  return null;
}

/** EPUB 2: `<guide><reference type="text" href="…"/></guide>` in the package document. */
function guideStart(opfText: string, opfPath: string): BookPlace | null {
  const guide = childOf(childOf(parseXml(opfText) ?? undefined, 'package'), 'guide');
  const text = childrenOf(guide, 'reference').find(
    (reference) => (attributeOf(reference, 'type') ?? '').toLowerCase() === 'text',
  );
  return placeOf(opfPath, attributeOf(text, 'href') ?? '');
}

function placeOf(fromPath: string, href: string): BookPlace | null {
  if (href.trim() === '' || href.trim().startsWith('#')) return null;
  const path = resolveInBook(fromPath, href.trim());
  return path === null ? null : { path, fragment: fragmentOfHref(href.trim()) };
}

/**
 * The index of the section (common/sections.ts, as the reader counts them) holding the element
 * `<a id="anchorId">`; null when the markdown has no such anchor or nothing but blanks precedes
 * its section (a book opens there anyway). An anchor with next to nothing after it in its section (a page
 * number) marks the heading that follows: a landmark on a `<section>` puts it before the heading.
 */
export function sectionOfAnchor(markdown: string, anchorId: string): number | null {
  const at = markdown.indexOf(`<a id="${anchorId}"></a>`);
  if (at < 0) return null;
  const sections = splitSections(markdown);
  let index = sections.findLastIndex((candidate) => candidate.start <= at);
  const section = sections[index];
  if (section === undefined) return null;
  const headingEnd = section.heading === null ? section.start : markdown.indexOf('\n', section.start);
  const rest = markdown.slice(at, section.start + section.markdown.length);
  const bare = rest.replace(/<a id="[^"]*"><\/a>|\s+/g, '');
  if (at > headingEnd && index + 1 < sections.length && bare.length <= MAX_TEXT_BEFORE_HEADING) index++;
  // Opening at a section with only blank sections before it is opening at the top.
  const blankBefore = sections.slice(0, index).every((before) => before.markdown.trim() === '');
  return blankBefore ? null : index;
}

/** Characters (a page number, a stray mark) an anchor may have after it and still mark the next heading. */
const MAX_TEXT_BEFORE_HEADING = 16;
