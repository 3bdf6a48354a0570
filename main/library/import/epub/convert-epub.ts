/**
 * An EPUB (2 or 3) to a converted document: unzipped with caps (safe-unzip.ts), refused when
 * DRM-protected, its chapters in spine order as `#` sections, its contents as in-document
 * anchors, its pictures as assets and its Dublin Core metadata kept. Pure: bytes in.
 */
import { maxImportBytesOf, tooLargeMessage } from '../../../../common/formats';
import { type Refusal, refuse } from '../decode';
import {
  type ConvertedDocument,
  type DocumentAsset,
  type TocEntry,
  finishConvertedDocument,
} from '../web/converted-document';
import { BookLinks } from './book-links';
import { chapterMarkdown, noteChapterLinks, parseChapter, type ParsedChapter } from './book-chapters';
import { type BookPlace, readBookStart, sectionOfAnchor } from './book-start';
import { type BookTocEntry, readBookToc } from './epub-toc';
import { type BookPackage, readPackage } from './package-document';
import { unzipBook } from './safe-unzip';

/** Encryption that only obfuscates embedded fonts (IDPF, Adobe) leaves the text readable. */
const FONT_OBFUSCATION = new Set(['http://www.idpf.org/2008/embedding', 'http://ns.adobe.com/pdf/enc#RC']);

/** Converts one book; every refusal names the file and says why. */
export function convertEpub(fileName: string, bytes: Uint8Array): ConvertedDocument | Refusal {
  const cannot = (reason: string) => refuse('unreadable', `“${fileName}” cannot be imported: ${reason}.`);
  if (bytes.byteLength > maxImportBytesOf(fileName))
    return refuse('too-large', tooLargeMessage(fileName, bytes.byteLength));
  if (bytes.byteLength === 0) return refuse('empty', `“${fileName}” is empty.`);
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
    return cannot('it is not an EPUB (an EPUB is a zip archive)');
  const unzipped = unzipBook(bytes);
  if (!unzipped.ok) return cannot(unzipped.reason);
  const files = unzipped.entries;
  const drm = drmReason(files);
  if (drm !== null) return cannot(drm);
  const opened = readPackage(files);
  if (!opened.ok) return cannot(opened.reason);
  const book = opened.book;
  const chapters = book.spine
    .map((item, index) => {
      const chapterBytes = files.get(item.path);
      return chapterBytes === undefined ? null : parseChapter(index + 1, item.path, chapterBytes);
    })
    .filter((chapter): chapter is ParsedChapter => chapter !== null);
  if (chapters.length === 0) return cannot('none of the chapters its spine lists is in the book');
  const toc = readBookToc(book, files);
  const body = bookMarkdown(chapters, toc, readBookStart(book, files), files);
  const converted = finishConvertedDocument({
    markdown: body.markdown,
    title: book.title ?? fileName.replace(/\.epub$/i, ''),
    author: book.authors.length > 0 ? book.authors.join(', ') : null,
    assets: body.assets,
    metadata: bookMetadata(book, chapters),
    toc: body.toc,
  });
  const startSection = firstSectionOf(converted.markdown, body.startAnchors);
  return startSection === null
    ? converted
    : { ...converted, metadata: { ...converted.metadata, startSection } };
}

function bookMarkdown(
  chapters: ParsedChapter[],
  bookToc: BookTocEntry[],
  start: BookPlace | null,
  files: ReadonlyMap<string, Uint8Array>,
): { markdown: string; assets: DocumentAsset[]; toc: TocEntry[]; startAnchors: string[] } {
  // Spine numbers stay as in the book even when a missing chapter is skipped.
  const links = new BookLinks();
  for (const chapter of chapters) links.setChapter(chapter.path, chapter.number);
  for (const entry of bookToc) if (entry.fragment) links.noteLink(entry.path, `#${entry.fragment}`);
  if (start?.fragment) links.noteLink(start.path, `#${start.fragment}`);
  for (const chapter of chapters) noteChapterLinks(chapter, links);
  const assets = new Map<string, DocumentAsset>();
  const sections = chapters.map((chapter) => {
    const tocTitle =
      bookToc.find((entry) => entry.path === chapter.path && entry.fragment === null)?.title ?? null;
    return chapterMarkdown(chapter, tocTitle, links, { files, assets });
  });
  const toc = bookToc.flatMap((entry): TocEntry[] => {
    const anchor = links.anchorFor(entry.path, entry.fragment);
    return anchor === null ? [] : [{ title: entry.title, anchor, depth: entry.depth }];
  });
  // The start's element, else its chapter; a file that is not a chapter (missing, or outside the
  // spine) is no start at all.
  const startAnchors = [start?.fragment ? start : null, start === null ? null : { ...start, fragment: null }]
    .map((place) => (place === null ? null : links.anchorFor(place.path, place.fragment)))
    .filter((anchor): anchor is string => anchor !== null)
    .map((anchor) => anchor.slice(1));
  return { markdown: sections.join('\n\n'), assets: [...assets.values()], toc, startAnchors };
}

/** The section of the first of `anchors` found in the markdown; null for none or the first section. */
function firstSectionOf(markdown: string, anchors: readonly string[]): number | null {
  for (const anchor of anchors) {
    if (markdown.includes(`<a id="${anchor}"></a>`)) return sectionOfAnchor(markdown, anchor);
  }
  return null;
}

function bookMetadata(book: BookPackage, chapters: ParsedChapter[]) {
  const root = chapters[0]?.document.documentElement;
  const chapterDir = root?.getAttribute('dir') ?? chapters[0]?.body.getAttribute('dir');
  const language = book.language ?? root?.getAttribute('xml:lang') ?? root?.getAttribute('lang') ?? null;
  return {
    siteName: null,
    publisher: book.publisher,
    publishedTime: book.date,
    language,
    dir: book.dir ?? (chapterDir === 'rtl' || chapterDir === 'ltr' ? chapterDir : null),
    excerpt: null,
    sourceUrl: null,
  };
}

/** Why the book is locked (rights.xml, or encryption of more than fonts), or null. */
function drmReason(files: ReadonlyMap<string, Uint8Array>): string | null {
  if (files.has('META-INF/rights.xml')) return 'it is protected by DRM (META-INF/rights.xml)';
  const encryption = files.get('META-INF/encryption.xml');
  if (encryption === undefined) return null;
  const algorithms = [
    ...new TextDecoder().decode(encryption).matchAll(/Algorithm\s*=\s*["']([^"']+)["']/g),
  ].map((match) => match[1] ?? '');
  const dataAlgorithms = algorithms.filter((algorithm) => !/xmldsig|#sha|#rsa/i.test(algorithm));
  return dataAlgorithms.some((algorithm) => !FONT_OBFUSCATION.has(algorithm))
    ? 'it is protected by DRM (META-INF/encryption.xml encrypts its content)'
    : null;
}
