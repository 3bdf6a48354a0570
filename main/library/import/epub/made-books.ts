/**
 * EPUBs made in code: a valid skeleton to vary, and a book of linked chapters (300 for the bench,
 * three for the converter's warm-up, import/warm-up.ts), for the unit tests, the bench and the
 * worker. Zipped with fflate, mimetype first and stored, as the spec asks.
 */
import { type Zippable, strToU8, zipSync } from 'fflate';

export const CONTAINER_XML = `<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>`;

export interface MadeChapter {
  title: string;
  body: string;
}

/** The OPF for chapters named `ch<n>.xhtml`, with a nav document. */
export function packageDocument(
  chapters: readonly MadeChapter[],
  spine = chapters.map((_, i) => `ch${i + 1}`),
): string {
  const items = chapters
    .map((_, i) => `<item id="ch${i + 1}" href="text/ch${i + 1}.xhtml" media-type="application/xhtml+xml"/>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="id">urn:test:book</dc:identifier><dc:title>The Made Book &amp; Its Chapters</dc:title>
    <dc:creator>Ann Author</dc:creator><dc:language>en</dc:language><dc:publisher>Test Press</dc:publisher>
    <dc:date>2024-05-01</dc:date>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="pic" href="images/pic.png" media-type="image/png"/>
    ${items}
  </manifest>
  <spine>${spine.map((id) => `<itemref idref="${id}"/>`).join('')}</spine>
</package>`;
}

export function navDocument(chapters: readonly MadeChapter[]): string {
  const entries = chapters
    .map((c, i) => `<li><a href="text/ch${i + 1}.xhtml">${c.title}</a></li>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>Contents</title></head>
<body><nav epub:type="toc"><h1>Contents</h1><ol>${entries}</ol></nav></body></html>`;
}

export function chapterDocument(chapter: MadeChapter): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>${chapter.title}</title></head>
<body><section><h1>${chapter.title}</h1>${chapter.body}</section></body></html>`;
}

/** Zips files into an EPUB; `replace` overrides or removes (null) any of the standard files. */
export function makeEpub(
  chapters: readonly MadeChapter[],
  replace: Record<string, string | Uint8Array | null> = {},
): Uint8Array {
  const files: Record<string, string | Uint8Array | null> = {
    'META-INF/container.xml': CONTAINER_XML,
    'OEBPS/content.opf': packageDocument(chapters),
    'OEBPS/nav.xhtml': navDocument(chapters),
    ...Object.fromEntries(chapters.map((c, i) => [`OEBPS/text/ch${i + 1}.xhtml`, chapterDocument(c)])),
    ...replace,
  };
  const zippable: Zippable = { mimetype: [strToU8('application/epub+zip'), { level: 0 }] };
  for (const [name, content] of Object.entries(files)) {
    if (content !== null) zippable[name] = typeof content === 'string' ? strToU8(content) : content;
  }
  return zipSync(zippable, { level: 6 });
}

const SENTENCES = [
  'Call me Ishmael.',
  'Some years ago, never mind how long precisely, having little or no money in my purse, I thought I would sail about a little.',
  'It is a way I have of driving off the spleen and regulating the circulation.',
  'Whenever I find myself growing grim about the mouth, I account it high time to get to sea as soon as I can.',
];

/** A book of `count` chapters of about 600 words each, linked to their neighbours. */
export function manyChapterBook(count: number): Uint8Array {
  const chapters = Array.from({ length: count }, (_chapter, i) => {
    const paragraphs = Array.from(
      { length: 12 },
      (_, p) => `<p id="p${p}">${SENTENCES.join(' ')} (${i + 1}.${p})</p>`,
    );
    const next = i + 1 < count ? `<p><a href="ch${i + 2}.xhtml#p0">Next</a></p>` : '';
    return { title: `Chapter ${i + 1}`, body: paragraphs.join('') + next };
  });
  return makeEpub(chapters);
}
