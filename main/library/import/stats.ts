/**
 * Plain-text facts about a document for the library view: word count, reading time,
 * excerpt, and short titles cut at a word boundary. Cheap on purpose: a 3 MB book is one pass.
 */

export const WORDS_PER_MINUTE = 238;
export const MAX_TITLE_CHARS = 120;
export const EXCERPT_CHARS = 240;

/** Number of whitespace-separated runs, counted in one pass without building an array. */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const space = code <= 32 || code === 0xa0 || code === 0x2028 || code === 0x2029 || code === 0x3000;
    if (space) inWord = false;
    else if (!inWord) {
      inWord = true;
      words++;
    }
  }
  return words;
}

export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.ceil(wordCount / WORDS_PER_MINUTE));
}

/** Collapses runs of whitespace into single spaces and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Cuts text at a word boundary so that the result, with '…', is at most `max` characters. */
export function cutAtWord(text: string, max: number): string {
  const collapsed = collapseWhitespace(text);
  if (collapsed.length <= max) return collapsed;
  const window = collapsed.slice(0, max);
  const lastSpace = window.lastIndexOf(' ');
  const cut = lastSpace > max / 3 ? window.slice(0, lastSpace) : window.slice(0, max - 1);
  return `${cut.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}

/**
 * A title from a line of running text: the line itself when short, else its first sentence
 * when that fits, else about 90 characters cut at a word boundary.
 */
export function titleFromLine(line: string): string {
  const text = collapseWhitespace(line);
  if (text.length <= MAX_TITLE_CHARS) return text;
  const sentenceEnd = /[.!?…](?=["'”’)]*\s)/u.exec(text);
  if (sentenceEnd && sentenceEnd.index + 1 <= MAX_TITLE_CHARS) {
    return text.slice(0, sentenceEnd.index + 1).replace(/\.$/, '');
  }
  return cutAtWord(text, 90);
}

/** An excerpt from the first paragraphs of prose. */
export function excerptFrom(paragraphs: Iterable<string>): string {
  let collected = '';
  for (const paragraph of paragraphs) {
    const text = collapseWhitespace(paragraph);
    if (text === '') continue;
    collected = collected === '' ? text : `${collected} ${text}`;
    if (collected.length > EXCERPT_CHARS) break;
  }
  return cutAtWord(collected, EXCERPT_CHARS);
}

/**
 * The paragraphs with a title taken from their first line removed from the front, so an
 * excerpt does not repeat the title ("Evening Notes from the Harbour The boats came in…").
 * The title may be the whole first paragraph, or its first line or sentence.
 */
export function* afterTitle(paragraphs: Iterable<string>, title: string): Generator<string> {
  // A title cut mid-sentence ("… Nikol Pashinian on…") reads as a teaser: the excerpt then
  // gives the whole opening, since dropping the cut part would start it mid-sentence.
  if (title.endsWith('…')) {
    yield* paragraphs;
    return;
  }
  const prefix = collapseWhitespace(title);
  let first = true;
  for (const paragraph of paragraphs) {
    const text = collapseWhitespace(paragraph);
    if (first && text !== '') {
      first = false;
      if (prefix !== '' && text.startsWith(prefix)) {
        const rest = text.slice(prefix.length).replace(/^[\s.!?…:;,\-–—]+/u, '');
        if (rest !== '') yield rest;
        continue;
      }
    }
    yield paragraph;
  }
}

// Every pattern below is linear: a scan that starts at an opener stops at the next opener of
// its kind, so 1 MB of '[' or '<a' costs one pass (an unbounded `[^\]]*` retried from each '['
// took 12-15 s for 50,000 of them).
const INLINE_LINK = /!?\[([^\][]*)\]\((?:[^()]|\([^()]*\))*\)/g;
const REFERENCE_LINK = /!?\[([^\][]*)\]\[[^\][]*\]/g;
const ANGLE_AUTOLINK = /<((?:https?:|mailto:)[^<>\s]+)>/g;
const HTML_TAG = /<\/?[A-Za-z][^<>]*>/g;
/** A footnote reference, `[^1]`: the reader shows it as a superscript link, an excerpt drops it. */
const FOOTNOTE_REFERENCE = /\[\^[^\]\s[]{1,64}\]/g;
const ESCAPABLE = /[!-/:-@[-`{-~]/;
const WHITESPACE = /\s/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Inline markdown reduced to its text: links and images to their text, no emphasis or ticks. */
export function stripInlineMarkdown(text: string): string {
  const unlinked = text
    .replace(FOOTNOTE_REFERENCE, '')
    .replace(INLINE_LINK, '$1')
    .replace(REFERENCE_LINK, '$1')
    .replace(ANGLE_AUTOLINK, '$1')
    .replace(HTML_TAG, '')
    .replace(/`+/g, '');
  return stripEmphasisAndEscapes(unlinked).trim();
}

/**
 * Drops emphasis marks (runs of 1-3 `*` or `_`, or `~~`, that touch text on a side) and the
 * backslash of escaped punctuation, in one pass. Pairing openers with closers (what a regex
 * with a lazy body does) is quadratic on unclosed marks, and counting words needs no pairing.
 */
function stripEmphasisAndEscapes(text: string): string {
  let out = '';
  let copiedUpTo = 0;
  let at = 0;
  while (at < text.length) {
    const char = text[at] ?? '';
    if (char === '\\' && ESCAPABLE.test(text[at + 1] ?? '')) {
      out += text.slice(copiedUpTo, at);
      copiedUpTo = at + 1;
      at += 2;
      continue;
    }
    if (char !== '*' && char !== '_' && char !== '~') {
      at++;
      continue;
    }
    let end = at + 1;
    while (text[end] === char) end++;
    if (isEmphasisMark(text, at, end)) {
      out += text.slice(copiedUpTo, at);
      copiedUpTo = end;
    }
    at = end;
  }
  return out + text.slice(copiedUpTo);
}

/** Whether the run of one mark at [start, end) opens or closes emphasis (CommonMark flanking, simplified). */
function isEmphasisMark(text: string, start: number, end: number): boolean {
  const mark = text[start];
  const length = end - start;
  if (mark === '~' ? length !== 2 : length > 3) return false;
  const before = text[start - 1];
  const after = text[end];
  const opens = after !== undefined && !WHITESPACE.test(after);
  const closes = before !== undefined && !WHITESPACE.test(before);
  // snake_case_names are words, not emphasis.
  if (mark === '_' && opens && closes && WORD_CHAR.test(before) && WORD_CHAR.test(after)) return false;
  return opens || closes;
}
