import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitSections } from '../../../../common/sections';
import { recordedMetadata } from '../convert';
import { EMPTY_METADATA, type ConvertedDocument } from '../web/converted-document';
import { sectionOfAnchor } from './book-start';
import { convertEpub } from './convert-epub';
import { type MadeChapter, makeEpub, navDocument, packageDocument } from './made-books';

const booksDir = join(import.meta.dirname, '../../../../e2e/fixtures/epub');

function convert(name: string, bytes: Uint8Array): ConvertedDocument {
  const result = convertEpub(name, bytes);
  if ('ok' in result) throw new Error(`${name}: ${result.message}`);
  return result;
}

/** The heading of the section a new reader of the book opens at; null when at the top. */
function openingHeading(book: ConvertedDocument): string | null {
  const index = book.metadata.startSection;
  return index === undefined ? null : (splitSections(book.markdown)[index]?.heading?.text ?? '(none)');
}

const fixture = (name: string) => convert(name, readFileSync(join(booksDir, name)));

const chapters: MadeChapter[] = ['Cover', 'Copyright', 'The First Chapter', 'The Second Chapter'].map(
  (title) => ({ title, body: `<p id="p-${title.length}">${title} text, long enough to read.</p>` }),
);

/** The made book's nav with a landmarks nav of `links` (`<a epub:type=… href=…>`) after its toc. */
function navWithLandmarks(links: string): string {
  return navDocument(chapters).replace(
    '</body>',
    `<nav epub:type="landmarks"><ol>${links}</ol></nav></body>`,
  );
}

describe('where a new book opens', () => {
  it('opens Moby-Dick at its bodymatter landmark, Chapter 1, past cover, title and copyright', () => {
    expect(openingHeading(fixture('moby-dick.epub'))).toBe('Chapter 1. Loomings.');
  });

  it('opens at the landmark in a right-to-left book and at a landmark on a section element', () => {
    expect(openingHeading(fixture('regime-anticancer-arabic.epub'))).toBe('Commencer la lecture');
    // The landmark names the <section> whose first heading is INTRODUCTORY (after a page number).
    expect(openingHeading(fixture('childrens-literature.epub'))).toBe('INTRODUCTORY');
  });

  it('opens books without landmarks or guide at the top', () => {
    for (const name of ['hefty-water.epub', 'trees.epub', 'internallinks.epub', 'georgia-cfi.epub']) {
      expect(fixture(name).metadata.startSection, name).toBeUndefined();
    }
  });

  it('opens at the chapter an EPUB 3 bodymatter landmark names (not the toc or cover landmarks)', () => {
    const nav = navWithLandmarks(
      '<li><a epub:type="cover" href="text/ch1.xhtml">Cover</a></li>' +
        '<li><a epub:type="toc" href="#toc">Contents</a></li>' +
        '<li><a epub:type="bodymatter" href="text/ch3.xhtml">Start</a></li>',
    );
    const book = convert('made.epub', makeEpub(chapters, { 'OEBPS/nav.xhtml': nav }));
    expect(openingHeading(book)).toBe('The First Chapter');
  });

  it('ignores a landmark naming a missing file (bad input): the book imports and opens at the top', () => {
    const nav = navWithLandmarks('<li><a epub:type="bodymatter" href="text/missing.xhtml">Start</a></li>');
    const book = convert('made.epub', makeEpub(chapters, { 'OEBPS/nav.xhtml': nav }));
    expect(book.metadata.startSection).toBeUndefined();
    expect(book.markdown).toContain('The Second Chapter');
  });

  it('opens at the chapter when the landmark names an id the chapter does not have', () => {
    const nav = navWithLandmarks('<li><a epub:type="bodymatter" href="text/ch4.xhtml#nowhere">Go</a></li>');
    const book = convert('made.epub', makeEpub(chapters, { 'OEBPS/nav.xhtml': nav }));
    expect(openingHeading(book)).toBe('The Second Chapter');
  });

  it('falls back to an EPUB 2 guide’s "text" reference when the nav has no landmarks', () => {
    const opf = packageDocument(chapters).replace(
      '</package>',
      '<guide><reference type="cover" href="text/ch1.xhtml"/><reference type="Text" href="text/ch3.xhtml"/></guide></package>',
    );
    const book = convert('made.epub', makeEpub(chapters, { 'OEBPS/content.opf': opf }));
    expect(openingHeading(book)).toBe('The First Chapter');
  });

  it('opens a book whose start is its first chapter at the top, with nothing recorded', () => {
    const nav = navWithLandmarks('<li><a epub:type="bodymatter" href="text/ch1.xhtml">Go</a></li>');
    expect(convert('made.epub', makeEpub(chapters, { 'OEBPS/nav.xhtml': nav })).metadata.startSection).toBe(
      undefined,
    );
  });
});

describe('sectionOfAnchor', () => {
  const markdown =
    '# <a id="ch-1"></a>One\n\nText.\n\n<a id="x"></a>\n\n## Two\n\n<a id="y"></a>Prose here, long.\n';
  it('finds the section of an anchor, or the heading an anchor stands just before', () => {
    expect(sectionOfAnchor(markdown, 'y')).toBe(2);
    expect(sectionOfAnchor(markdown, 'x')).toBe(2);
    expect(sectionOfAnchor(markdown, 'ch-1')).toBeNull();
    expect(sectionOfAnchor(markdown, 'absent')).toBeNull();
  });
});

describe('recordedMetadata keeps the start section', () => {
  it('only as a positive whole number', () => {
    expect(recordedMetadata({ ...EMPTY_METADATA, startSection: 8 }).startSection).toBe(8);
    for (const bad of [0, -2, 1.5, Number.NaN]) {
      expect(recordedMetadata({ ...EMPTY_METADATA, startSection: bad }).startSection).toBeUndefined();
    }
  });
});
