/**
 * One file's way from bytes to a document ready to store: decode, normalise, hash,
 * convert to markdown, and derive title, author, excerpt and word count. Pure: no I/O.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { type Refusal, decodeFile, refuse } from './decode';
import { encodingNote } from './encoding';
import { markdownProse, readMarkdownMeta } from './markdown-meta';
import { afterTitle, countWords, excerptFrom, readingMinutes, stripInlineMarkdown } from './stats';
import { convertPlainText } from './text-to-markdown';

export interface PreparedDocument {
  id: string;
  contentHash: string;
  markdown: string;
  title: string;
  author: string | null;
  excerpt: string;
  wordCount: number;
  readingMinutes: number;
  /** What the import assumed that the user should be told (the encoding), or null. */
  note: string | null;
}

/** The id is a prefix of the content hash, so the same text always gets the same id. */
export function idFromHash(contentHash: string): string {
  return contentHash.slice(0, 16);
}

export function prepareDocument(fileName: string, bytes: Uint8Array): PreparedDocument | Refusal {
  const decoded = decodeFile(fileName, bytes);
  if (!decoded.ok) return decoded;
  const contentHash = createHash('sha256').update(decoded.text).digest('hex');
  const fallbackTitle = path.basename(fileName, path.extname(fileName)) || fileName;
  const body = decoded.format === 'text' ? fromPlainText(decoded.text) : fromMarkdown(decoded.text);
  if (body.markdown.trim() === '')
    return refuse('empty', `“${fileName}” has no text after its front matter.`);
  const wordCount = body.wordCount;
  return {
    id: idFromHash(contentHash),
    contentHash,
    markdown: `${body.markdown}\n`,
    title: body.title ?? fallbackTitle,
    author: body.author,
    excerpt: body.excerpt,
    wordCount,
    readingMinutes: readingMinutes(wordCount),
    note: encodingNote(decoded.encoding),
  };
}

interface Body {
  markdown: string;
  title: string | null;
  author: string | null;
  excerpt: string;
  wordCount: number;
}

function fromPlainText(text: string): Body {
  const converted = convertPlainText(text);
  // A title made from the first line is the start of the text: the excerpt starts after it.
  const lead = converted.titleFromFirstLine
    ? afterTitle(converted.leadParagraphs, converted.title)
    : converted.leadParagraphs;
  return {
    markdown: converted.markdown,
    title: converted.title === '' ? null : converted.title,
    author: converted.author,
    excerpt: excerptFrom(lead),
    // The text has no markup, so its words are exactly what the reader sees (a Gutenberg
    // header and licence are folded away and not counted).
    wordCount: countWords(converted.bookText),
  };
}

function fromMarkdown(text: string): Body {
  const meta = readMarkdownMeta(text);
  // A heading title is not prose (markdownProse skips it); a first-line title is.
  const prose = markdownProse(meta.body);
  const lead = meta.titleFromFirstLine && meta.title !== null ? afterTitle(prose, meta.title) : prose;
  return {
    markdown: meta.body,
    title: meta.title,
    author: meta.author,
    excerpt: excerptFrom(lead),
    wordCount: countWords(markdownWords(meta.body)),
  };
}

/** Markup reduced cheaply enough that lone markers (`#`, `-`, `>`) are not counted as words. */
function markdownWords(markdown: string): string {
  return stripInlineMarkdown(markdown).replace(/(^|\s)[#>*+\-|=:`~]+(?=\s|$)/g, '$1');
}
