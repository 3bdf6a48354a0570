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

/** Inline markdown reduced to its text: links and images to their text, no emphasis or ticks. */
export function stripInlineMarkdown(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/!?\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?:|mailto:)[^>\s]+)>/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/`+/g, '')
    .replace(/(\*{1,3}|_{1,3}|~~)(?=\S)([^]*?\S)\1/g, '$2')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .trim();
}
