/**
 * What the web-page and EPUB converters hand the importer: a prepared document (as for
 * markdown and text) plus the pictures it references and what the source says about itself.
 */
import { createHash } from 'node:crypto';
import { type PreparedDocument, idFromHash } from '../prepare';
import { countWords, excerptFrom, readingMinutes, stripInlineMarkdown } from '../stats';

/** A file stored beside the document; the markdown references it as `assets/<name>`. */
export interface DocumentAsset {
  /** Content-addressed (`<sha256 prefix>.<ext>`), so it is safe as a file name and deduplicated. */
  name: string;
  bytes: Uint8Array;
  mediaType: string;
}

/** What a page or book says about itself; null where it does not say. */
export interface DocumentMetadata {
  siteName: string | null;
  publisher: string | null;
  /** As the source gives it (ISO 8601 for most pages, a year for many books). */
  publishedTime: string | null;
  /** BCP 47 tag as written in the source (`en-us`, `ar`). */
  language: string | null;
  dir: 'ltr' | 'rtl' | null;
  /** The source's own summary (meta description), before it is cut for the library view. */
  excerpt: string | null;
  /** Where the page was saved from; never fetched. */
  sourceUrl: string | null;
  /**
   * The section (common/sections.ts) where the text proper starts, when the source says and it
   * is not the first: a book's bodymatter landmark. A new document opens there.
   */
  startSection?: number;
}

/** One entry of a book's table of contents; `anchor` is the in-document `#fragment`. */
export interface TocEntry {
  title: string;
  anchor: string;
  depth: number;
}

export interface ConvertedDocument extends PreparedDocument {
  assets: DocumentAsset[];
  metadata: DocumentMetadata;
  /** Empty for web pages. */
  toc: TocEntry[];
}

export const EMPTY_METADATA: DocumentMetadata = {
  siteName: null,
  publisher: null,
  publishedTime: null,
  language: null,
  dir: null,
  excerpt: null,
  sourceUrl: null,
};

export interface ConvertedParts {
  markdown: string;
  title: string;
  author: string | null;
  assets: DocumentAsset[];
  metadata: DocumentMetadata;
  toc?: TocEntry[];
}

/** Hashes text and pictures together, so a page re-saved with other pictures is a new document. */
export function finishConvertedDocument(parts: ConvertedParts): ConvertedDocument {
  const markdown = `${parts.markdown.trim()}\n`;
  const hash = createHash('sha256').update(markdown);
  for (const asset of parts.assets) hash.update(asset.name);
  const contentHash = hash.digest('hex');
  const blocks = proseBlocks(markdown);
  const wordCount = countWords(blocks.map(plainText).join('\n'));
  return {
    id: idFromHash(contentHash),
    contentHash,
    markdown,
    title: parts.title,
    author: parts.author,
    note: null,
    excerpt: excerptFrom(parts.metadata.excerpt ? [parts.metadata.excerpt] : excerptBlocks(blocks)),
    wordCount,
    readingMinutes: readingMinutes(wordCount),
    assets: parts.assets,
    metadata: parts.metadata,
    toc: parts.toc ?? [],
  };
}

const LIST_MARKERS = /^\s*(?:[-*+>]|\d+\.)\s+/gm;

/** Blocks of running text: no headings, fences, tables, pictures or raw HTML blocks. */
function proseBlocks(markdown: string): string[] {
  const withoutFences = markdown.replace(/^(`{3,}|~{3,})[^]*?^\1\s*$/gm, '');
  return (
    withoutFences
      .split(/\n{2,}/)
      .map((block) => block.trim())
      // Raw HTML blocks (kept tables) are skipped; a paragraph opening with an anchor is prose.
      .filter((block) => block !== '' && !/^(#|\||!\[|<(?!a id=))/.test(block))
  );
}

const plainText = (block: string): string => stripInlineMarkdown(block.replace(LIST_MARKERS, ''));

/** Lists (a book's contents page, a page's menu) make a poor excerpt; paragraphs are preferred. */
function excerptBlocks(blocks: string[]): string[] {
  const paragraphs = blocks.filter((block) => !/^(?:[-*+]|\d+\.)\s/.test(block));
  return (paragraphs.length > 0 ? paragraphs : blocks).map(plainText);
}

/** A content-addressed asset name from the bytes and a media type. */
export function assetName(bytes: Uint8Array, mediaType: string): string {
  const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 20);
  return `${digest}.${IMAGE_EXTENSIONS[mediaType] ?? 'bin'}`;
}

const IMAGE_EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/bmp': 'bmp',
};

/**
 * The picture type the bytes themselves say, or null. Trusting bytes rather than names or
 * declared types keeps an HTML or SVG file (which can carry script) from passing as a picture.
 */
export function sniffImageType(bytes: Uint8Array): string | null {
  const starts = (...signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
  const ascii = (from: number, text: string) =>
    [...text].every((char, index) => bytes[from + index] === char.charCodeAt(0));
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'image/gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  if (ascii(4, 'ftypavif') || ascii(4, 'ftypavis')) return 'image/avif';
  if (ascii(0, 'BM') && bytes.length > 26) return 'image/bmp';
  return null;
}

/** An asset from picture bytes, or null when the bytes are not a picture Lectern shows. */
export function imageAsset(bytes: Uint8Array): DocumentAsset | null {
  const mediaType = sniffImageType(bytes);
  if (mediaType === null) return null;
  return { name: assetName(bytes, mediaType), bytes, mediaType };
}
