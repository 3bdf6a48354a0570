/**
 * A saved web page (.html/.htm/.xhtml, with its `_files` folder when saved "complete") to a
 * converted document: Readability over linkedom finds the article, which is cleaned, its
 * pictures kept as assets, and turned into markdown. Pure apart from `readSibling`.
 */
import { type Refusal, refuse } from '../decode';
import { cleanArticle, linkedFragmentIds, placeAnchors, safeAnchorId } from './article-cleanup';
import { type ConvertedDocument, type DocumentAsset, finishConvertedDocument } from './converted-document';
import { type DomDocument, type DomElement, parseHtml } from './dom';
import { decodeHtml } from './html-decode';
import { elementToMarkdown } from './html-to-markdown';
import { readWebArchive } from './mhtml';
import {
  type ImageSource,
  type ReadSibling,
  collectLocalImages,
  settleImages,
  siblingImages,
} from './page-images';
import { LeanReadability } from './lean-readability';
import { keepMathJaxMath, markTaskBoxes, withoutInertMarkup } from './page-prepass';
import { tooDeep, tooManyElements } from './page-shape';
import { sourceUrlOf } from './page-source';
import { elementsByTag } from './tag-walk';

export type { ReadSibling };

/** Converts one saved page; every refusal names the file and says why. */
export function convertWebPage(
  fileName: string,
  bytes: Uint8Array,
  readSibling?: ReadSibling,
): ConvertedDocument | Refusal {
  const decoded = decodeHtml(fileName, bytes);
  if (!decoded.ok) return decoded;
  return convertPage(fileName, decoded.html, siblingImages(readSibling), null);
}

/** Converts a web archive (.mhtml): its page, with the pictures saved inside it. */
export function convertWebArchive(fileName: string, bytes: Uint8Array): ConvertedDocument | Refusal {
  const archive = readWebArchive(fileName, bytes);
  if (!archive.ok) return archive;
  const decoded = decodeHtml(fileName, archive.page, archive.charset);
  if (!decoded.ok) return decoded;
  const base = archive.location;
  const images: ImageSource = (src) => {
    const exact = archive.resources.get(src.trim());
    if (exact !== undefined || base === null) return exact ?? null;
    try {
      return archive.resources.get(new URL(src.trim(), base).href) ?? null;
    } catch {
      return null;
    }
  };
  return convertPage(fileName, decoded.html, images, base);
}

function convertPage(
  fileName: string,
  decodedHtml: string,
  images: ImageSource,
  archiveLocation: string | null,
): ConvertedDocument | Refusal {
  const html = withoutInertMarkup(decodedHtml);
  const tooMany = tooManyElements(fileName, html);
  if (tooMany !== null) return refuse('unreadable', tooMany);
  const document = parseHtml(html);
  const elements: DomElement[] = [];
  const deep = tooDeep(fileName, document, { tags: PAGE_TAG_SET, into: elements });
  if (deep !== null) return refuse('unreadable', deep);
  const sourceUrl = sourceUrlOf(document, decodedHtml, elements) ?? httpUrl(archiveLocation);
  const assets = new Map<string, DocumentAsset>();
  prepareForReading(document, images, assets, elements);
  const article = readArticle(document, () => prepareForReading(parseHtml(html), images, new Map()));
  const noArticle = refuse('empty', `“${fileName}” has no article text Lectern could find.`);
  if (article === null || article.content === null || article.content === undefined) return noArticle;
  const body = articleMarkdown(article.content, sourceUrl, assets);
  if (body.markdown.trim() === '') return noArticle;
  return finishConvertedDocument({
    markdown: body.markdown,
    title: article.title?.trim() || titleFromFileName(fileName),
    author: article.byline?.trim() || null,
    assets: body.assets,
    metadata: {
      siteName: article.siteName ?? null,
      publisher: null,
      publishedTime: article.publishedTime ?? null,
      language: article.lang ?? null,
      dir: article.dir === 'rtl' || article.dir === 'ltr' ? article.dir : null,
      excerpt: article.excerpt ?? null,
      sourceUrl,
    },
  });
}

/** The tags the steps before Readability look for: found in one walk of the page, not one each. */
const PAGE_TAGS = ['link', 'meta', 'img', 'mjx-container', 'input'];
const PAGE_TAG_SET = new Set(PAGE_TAGS);

/**
 * What is done to a parsed page before Readability reads it: its pictures kept, math and task
 * boxes saved. `elements`: its PAGE_TAGS elements, when they have been found already.
 */
function prepareForReading(
  document: DomDocument,
  images: ImageSource,
  assets: Map<string, DocumentAsset>,
  elements = elementsByTag(document, PAGE_TAGS),
): DomDocument {
  collectLocalImages(document, images, assets, elements);
  keepMathJaxMath(document, elements);
  markTaskBoxes(document, elements);
  return document;
}

/** `reparse` gives the page again, prepared the same way (Readability starts again from it, rarely). */
function readArticle(document: DomDocument, reparse: () => DomDocument) {
  const options = {
    // Off (0): tooManyElements bounded the page before parsing; Readability's own count would
    // walk the whole tree once more for nothing.
    maxElemsToParse: 0,
    // Classes name code languages; cleanArticle drops them after reading the language.
    keepClasses: true,
    serializer: (node: unknown) => node as DomElement,
  };
  return new LeanReadability<DomElement>(document, options, reparse).parse();
}

function articleMarkdown(
  content: DomElement,
  sourceUrl: string | null,
  collected: ReadonlyMap<string, DocumentAsset>,
): { markdown: string; assets: DocumentAsset[] } {
  const used = settleImages(content);
  placeAnchors(content, linkedFragmentIds(content, fragmentOf), safeAnchorId);
  cleanArticle(content, (href) => {
    const fragment = fragmentOf(href.trim());
    if (fragment !== null) return fragment === '' ? null : `#${safeAnchorId(fragment)}`;
    return webLink(href, sourceUrl);
  });
  const assets = [...collected.values()].filter((asset) => used.has(asset.name));
  return { markdown: elementToMarkdown(content), assets };
}

/** An http(s) or mailto URL, resolved against where the page came from; null otherwise. */
export function webLink(href: string, base: string | null): string | null {
  try {
    const url = base === null ? new URL(href.trim()) : new URL(href.trim(), base);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function httpUrl(location: string | null): string | null {
  return location === null
    ? null
    : webLink(location, null)?.startsWith('http')
      ? webLink(location, null)
      : null;
}

function fragmentOf(href: string): string | null {
  return href.startsWith('#') ? safeDecode(href.slice(1)) : null;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function titleFromFileName(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  return base.replace(/\.(x?html?|mht|mhtml)$/i, '') || base;
}
