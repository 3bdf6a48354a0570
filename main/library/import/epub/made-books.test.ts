import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Refusal } from '../decode';
import type { ConvertedDocument } from '../web/converted-document';
import { convertEpub } from './convert-epub';
import { isSafeEntryName, unzipBook } from './safe-unzip';
import { type MadeChapter, makeEpub, manyChapterBook, packageDocument } from './made-books';

const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const CHAPTERS: MadeChapter[] = [
  {
    title: 'Loomings',
    body: `<p>Call me Ishmael.<a href="ch2.xhtml#note-1" epub:type="noteref">1</a></p>
      <p><img src="../images/pic.png" alt="The Pequod"/><a id="page-2"/>Some years ago.</p>
      <script>alert(1)</script><p onclick="x()"><a href="javascript:x()">Run</a></p>`,
  },
  {
    title: 'The Carpet-Bag',
    body: `<p>I stuffed a shirt or two into my old carpet-bag.</p>
      <aside id="note-1" epub:type="footnote"><p>A note. <a href="ch1.xhtml">Back to the start</a></p></aside>
      <p><a href="https://www.gutenberg.org/ebooks/2701">Moby-Dick at Gutenberg</a></p>`,
  },
];

const encryption = (algorithm: string) =>
  `<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
  <enc:EncryptedData><enc:EncryptionMethod Algorithm="${algorithm}"/><enc:CipherData>
  <enc:CipherReference URI="OEBPS/text/ch1.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>`;

function imported(bytes: Uint8Array): ConvertedDocument {
  const result = convertEpub('made.epub', bytes);
  if ('ok' in result) throw new Error(result.message);
  return result;
}

function refused(bytes: Uint8Array): Refusal {
  const result = convertEpub('made.epub', bytes);
  if (!('ok' in result)) throw new Error('the book was imported');
  return result;
}

describe('a well-made book', () => {
  const book = imported(makeEpub(CHAPTERS, { 'OEBPS/images/pic.png': Buffer.from(PNG_BASE64, 'base64') }));

  it('has its chapters as # sections, its TOC as anchors, and its metadata', () => {
    expect(book.markdown).toMatch(/^# <a id="ch-1"><\/a>Loomings\n\nCall me Ishmael\./);
    expect(book.markdown).toContain('# <a id="ch-2"></a>The Carpet-Bag');
    expect(book.markdown.match(/^# /gm)).toHaveLength(2);
    expect(book.toc).toEqual([
      { title: 'Loomings', anchor: '#ch-1', depth: 1 },
      { title: 'The Carpet-Bag', anchor: '#ch-2', depth: 1 },
    ]);
    expect(book).toMatchObject({ title: 'The Made Book & Its Chapters', author: 'Ann Author' });
    expect(book.metadata).toMatchObject({
      language: 'en',
      publisher: 'Test Press',
      publishedTime: '2024-05-01',
    });
  });

  it('rewrites footnotes and links between chapters to anchors, and keeps links out of the book', () => {
    expect(book.markdown).toContain('[1](#c2-note-1)');
    expect(book.markdown).toContain('<a id="c2-note-1"></a>');
    expect(book.markdown).toContain('[Back to the start](#ch-1)');
    expect(book.markdown).toContain('[Moby-Dick at Gutenberg](https://www.gutenberg.org/ebooks/2701)');
    // A self-closed <a id/> must not swallow the text after it.
    expect(book.markdown).toContain('Some years ago.');
    expect(book.markdown).not.toMatch(/\[Some years ago/);
  });

  it('keeps its pictures as assets and nothing executable', () => {
    expect(book.assets).toHaveLength(1);
    expect(book.markdown).toContain(`![The Pequod](assets/${book.assets[0]?.name})`);
    expect(book.markdown).not.toMatch(/script|alert|onclick|javascript/i);
    expect(book.markdown).toContain('Run');
  });
});

describe('a broken or hostile book is refused with a reason', () => {
  it('has no container.xml', () => {
    expect(refused(makeEpub(CHAPTERS, { 'META-INF/container.xml': null })).message).toBe(
      '“made.epub” cannot be imported: it has no META-INF/container.xml.',
    );
  });

  it('has a spine naming chapters that are not there', () => {
    const broken = makeEpub(CHAPTERS, {
      'OEBPS/content.opf': packageDocument(CHAPTERS, ['gone', 'missing']),
    });
    expect(refused(broken).message).toMatch(/its spine lists no chapters that exist/);
    // One chapter missing of two: the other is read, and keeps its number.
    const half = imported(makeEpub(CHAPTERS, { 'OEBPS/text/ch1.xhtml': null }));
    expect(half.markdown).toMatch(/^# <a id="ch-2"><\/a>The Carpet-Bag/);
  });

  it('names a file outside itself (zip slip), absolutely, or with backslashes', () => {
    for (const name of [
      '../../evil.sh',
      '/etc/cron.d/evil',
      'OEBPS\\..\\..\\evil',
      'C:/evil',
      'a/../../evil',
    ]) {
      expect(refused(makeEpub(CHAPTERS, { [name]: 'x' })).message, name).toContain(
        'it names a file outside the book',
      );
      expect(isSafeEntryName(name), name).toBe(false);
    }
    expect(isSafeEntryName('OEBPS/text/ch..1.xhtml')).toBe(true);
  });

  it('is a zip bomb: an entry that inflates a thousandfold', () => {
    const bomb = makeEpub(CHAPTERS, { 'OEBPS/zeros.bin': new Uint8Array(20 * 1024 * 1024) });
    expect(refused(bomb).message).toMatch(/“OEBPS\/zeros\.bin” is compressed \d+:1, as zip bombs are/);
  });

  it('unpacks to more than the cap, or holds too many files', () => {
    const book = makeEpub(CHAPTERS);
    expect(unzipBook(book, { maxEntries: 10_000, maxTotalBytes: 1000, maxRatio: 200 })).toEqual({
      ok: false,
      reason: 'it would unpack to more than 0 MB',
    });
    expect(unzipBook(book, { maxEntries: 3, maxTotalBytes: 1e9, maxRatio: 200 })).toEqual({
      ok: false,
      reason: 'it holds more than 3 files',
    });
  });

  it('declares entities (billion laughs) in its package; a chapter that does gets no expansion', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
      <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>`;
    const opf =
      laughs +
      packageDocument(CHAPTERS)
        .replace(/^<\?xml[^>]*>/, '')
        .replace('Test Press', '&lol3;');
    expect(refused(makeEpub(CHAPTERS, { 'OEBPS/content.opf': opf })).message).toMatch(
      /declares XML entities/,
    );
    const chapter = `${laughs}<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Ha: &lol3;</p></body></html>`;
    const book = imported(makeEpub(CHAPTERS, { 'OEBPS/text/ch2.xhtml': chapter }));
    expect(book.markdown).not.toContain('lollol');
  });

  it('is locked by DRM; font obfuscation alone is no lock', () => {
    const aes = makeEpub(CHAPTERS, {
      'META-INF/encryption.xml': encryption('http://www.w3.org/2001/04/xmlenc#aes128-cbc'),
    });
    expect(refused(aes).message).toMatch(/protected by DRM/);
    expect(refused(makeEpub(CHAPTERS, { 'META-INF/rights.xml': '<rights/>' })).message).toMatch(
      /protected by DRM/,
    );
    const fonts = makeEpub(CHAPTERS, {
      'META-INF/encryption.xml': encryption('http://www.idpf.org/2008/embedding'),
    });
    expect(imported(fonts).title).toBe('The Made Book & Its Chapters');
  });

  it('is not a zip, or is empty, or is a zip of something else', () => {
    expect(refused(strToU8('<html>not a book</html>')).message).toMatch(/not an EPUB/);
    expect(refused(new Uint8Array()).code).toBe('empty');
    expect(refused(Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0])).message).toMatch(/not a readable zip archive/);
    expect(refused(zipSync({ 'notes.txt': strToU8('hello') })).message).toMatch(
      /no META-INF\/container\.xml/,
    );
  });
});

describe('a 300-chapter book', () => {
  it('keeps all 300 chapters, in order, with a 300-entry TOC and working next-chapter links', () => {
    const book = imported(manyChapterBook(300));
    const numbers = [...book.markdown.matchAll(/^# <a id="ch-(\d+)"><\/a>Chapter (\d+)$/gm)];
    expect(numbers).toHaveLength(300);
    expect(numbers.every((match, i) => match[1] === String(i + 1) && match[2] === String(i + 1))).toBe(true);
    expect(book.toc).toHaveLength(300);
    expect(book.markdown).toContain('[Next](#c300-p0)');
    expect(book.markdown).toContain('<a id="c300-p0"></a>');
    expect(book.wordCount).toBeGreaterThan(300 * 500);
  });
});
