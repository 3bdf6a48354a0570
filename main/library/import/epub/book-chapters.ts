/**
 * One spine item of a book to a markdown section: `# <title>` with the chapter's anchor, its
 * pictures as assets, its links rewritten to in-document anchors (book-links.ts), and the
 * same cleanup as a web article (nothing executable survives).
 */
import { ANCHOR_ATTRIBUTE, cleanArticle, placeAnchors } from '../web/article-cleanup';
import { type DocumentAsset, imageAsset } from '../web/converted-document';
import { type DomDocument, type DomElement, parseHtml } from '../web/dom';
import { elementToMarkdown } from '../web/html-to-markdown';
import { imagePlaceholder } from '../web/page-images';
import { resolveInBook } from './book-paths';
import type { BookLinks } from './book-links';

const decoder = new TextDecoder('utf-8');
const VOID_TAGS = /^(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)$/i;

export interface ParsedChapter {
  number: number;
  path: string;
  document: DomDocument;
  body: DomElement;
}

/** Parses a chapter's XHTML; `<a id="x"/>` is closed first, as an HTML parser would not. */
export function parseChapter(number: number, path: string, bytes: Uint8Array): ParsedChapter | null {
  const xhtml = decoder
    .decode(bytes)
    .replace(/<([a-zA-Z][\w:-]*)((?:\s[^<>]*?)?)\/>/g, (whole, tag: string, attributes: string) =>
      VOID_TAGS.test(tag) ? whole : `<${tag}${attributes}></${tag}>`,
    );
  const document = parseHtml(xhtml);
  const body = document.querySelector('body');
  return body === null ? null : { number, path, document, body };
}

/** Notes every link of the chapter, so that their targets get anchors. */
export function noteChapterLinks(chapter: ParsedChapter, links: BookLinks): void {
  for (const link of chapter.body.querySelectorAll('a[href]'))
    links.noteLink(chapter.path, link.getAttribute('href') ?? '');
}

/** The chapter as markdown, starting with its `#` heading; pictures added to `assets`. */
export function chapterMarkdown(
  chapter: ParsedChapter,
  tocTitle: string | null,
  links: BookLinks,
  images: { files: ReadonlyMap<string, Uint8Array>; assets: Map<string, DocumentAsset> },
): string {
  const { body, path, number } = chapter;
  const title =
    tocTitle ?? leadingHeadingText(body) ?? titleElementText(chapter.document) ?? `Chapter ${number}`;
  dropLeadingHeading(body, title);
  svgImagesToImg(chapter);
  settleChapterImages(chapter, images.files, images.assets);
  const ids = new Set<string>();
  for (const element of body.querySelectorAll('[id]')) {
    const id = element.getAttribute('id') ?? '';
    if (links.isTarget(path, id)) ids.add(id);
  }
  placeAnchors(body, ids, (id) => links.anchorId(number, id));
  anchorBody(chapter, links);
  cleanArticle(body, (href) => links.resolve(path, href));
  const text = elementToMarkdown(body);
  return `# <a id="ch-${number}"></a>${escapeHeading(title)}\n\n${text}`.trim();
}

/** Links to the body's own id (`chapter.xhtml#top`) land on an anchor at its start. */
function anchorBody({ body, path, number, document }: ParsedChapter, links: BookLinks): void {
  const id = body.getAttribute('id');
  if (id === null || !links.isTarget(path, id)) return;
  const anchor = document.createElement('a');
  anchor.setAttribute('id', links.anchorId(number, id));
  anchor.setAttribute(ANCHOR_ATTRIBUTE, '');
  body.prepend(anchor);
}

function leadingHeadingText(body: DomElement): string | null {
  const heading = body.querySelector('h1, h2, h3');
  const text = heading?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  return text === '' ? null : text;
}

function titleElementText(document: DomDocument): string | null {
  const text = document.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  return text === '' ? null : text;
}

/** The chapter's own first heading repeats the section title; drop it when it does. */
function dropLeadingHeading(body: DomElement, title: string): void {
  const heading = body.querySelector('h1, h2, h3');
  if (
    heading &&
    heading.textContent?.replace(/\s+/g, ' ').trim() === title &&
    !heading.querySelector('img')
  ) {
    // Keep the heading's id (links may point at it) on an empty element in its place.
    const keeper = body.ownerDocument.createElement('span');
    const id = heading.getAttribute('id') ?? heading.querySelector('[id]')?.getAttribute('id') ?? null;
    if (id !== null) keeper.setAttribute('id', id);
    heading.replaceWith(keeper);
  }
}

/** Covers are often `<svg><image href>`; SVG is dropped as executable, so keep the picture as an img. */
function svgImagesToImg(chapter: ParsedChapter): void {
  for (const svg of chapter.body.querySelectorAll('svg')) {
    const image = svg.querySelector('image');
    const href = image?.getAttribute('xlink:href') ?? image?.getAttribute('href');
    if (!href) continue;
    const img = chapter.document.createElement('img');
    img.setAttribute('src', href);
    img.setAttribute('alt', svg.querySelector('title')?.textContent?.trim() ?? '');
    svg.replaceWith(img);
  }
}

function settleChapterImages(
  chapter: ParsedChapter,
  files: ReadonlyMap<string, Uint8Array>,
  assets: Map<string, DocumentAsset>,
): void {
  for (const img of chapter.body.querySelectorAll('img')) {
    const target = resolveInBook(chapter.path, img.getAttribute('src') ?? '');
    const bytes = target === null ? undefined : files.get(target);
    const asset = bytes === undefined ? null : imageAsset(bytes);
    if (asset === null) {
      img.replaceWith(chapter.document.createTextNode(` ${imagePlaceholder(img.getAttribute('alt'))} `));
      continue;
    }
    assets.set(asset.name, asset);
    img.setAttribute('src', `assets/${asset.name}`);
  }
}

/** A title as heading text: markdown and HTML markers escaped. */
export function escapeHeading(title: string): string {
  return title
    .replace(/[\\`*_[\]#]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/</g, '&lt;');
}
