/**
 * Getting a conversion worker ready before the user's files arrive. A new worker's first
 * conversion pays for loading the converters and running them cold: War and Peace took ~460 ms
 * in a new worker against ~150 ms after this warm-up, Moby-Dick's EPUB ~1,100–1,400 ms against
 * ~700 ms. The worker converts one small file of each kind (a web page, a plain-text book,
 * markdown, an EPUB) and drops the results; it is asked to when an import is near (the open
 * dialog shown, files dragged over the window), so that the warm-up runs while the user picks.
 */
import { convertJob, type ConversionJob } from './conversion';
import { manyChapterBook } from './epub/made-books';

/** The message that asks a worker to warm up (worker-converter.ts, main/convert-worker.ts). */
export const WARM_UP = 'warm-up';

/** What a worker answers once warm. */
export const WARMED = { warmed: true } as const;

const encode = (text: string) => new TextEncoder().encode(text);

const PARAGRAPH =
  'Prince Vasíli always spoke languidly, like an actor repeating a stale part. Anna Pávlovna ' +
  'Schérer, on the contrary, despite her forty years, overflowed with animation and impulsiveness.';

const WEB_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>On Reading Slowly — The Quarterly</title>
<meta name="author" content="A. Reader"><meta property="og:site_name" content="The Quarterly"></head>
<body><header><nav><a href="/">Home</a> <a href="/archive">Archive</a></nav></header>
<main><article><h1>On Reading Slowly</h1><p class="byline">By A. Reader</p>
${Array.from({ length: 8 }, (_, i) => `<p>${PARAGRAPH} <a href="https://example.org/${i}">Note ${i}</a>.</p>`).join('\n')}
<h2>What the margins hold</h2><blockquote><p>${PARAGRAPH}</p></blockquote>
<ul><li>First, <em>slowly</em>.</li><li>Then <strong>again</strong>.</li></ul>
<figure><img src="margin.png" alt="A page with notes in its margin"><figcaption>Margins</figcaption></figure>
<pre><code>const page = book.open(42);</code></pre>
<table><tr><th>Book</th><th>Pages</th></tr><tr><td>War and Peace</td><td>1,225</td></tr></table>
</article></main><aside><p>Related: five other essays.</p></aside><footer>© The Quarterly</footer></body></html>`;

const TEXT_BOOK = `The Project Gutenberg eBook of A Short Book

Title: A Short Book
Author: A. Reader

*** START OF THE PROJECT GUTENBERG EBOOK A SHORT BOOK ***

CHAPTER I

${PARAGRAPH}

${PARAGRAPH}

CHAPTER II

${PARAGRAPH}

*** END OF THE PROJECT GUTENBERG EBOOK A SHORT BOOK ***
`;

const MARKDOWN = `# Notes on a short book\n\n${PARAGRAPH}\n\n## Second thoughts\n\n- ${PARAGRAPH}\n- [A link](https://example.org)\n`;

/** The small files a worker converts to warm up (built when asked, in the worker). */
export function warmUpJobs(): ConversionJob[] {
  return [
    { fileName: 'on-reading-slowly.html', bytes: encode(WEB_PAGE), pagePath: null },
    { fileName: 'a-short-book.txt', bytes: encode(TEXT_BOOK), pagePath: null },
    { fileName: 'notes.md', bytes: encode(MARKDOWN), pagePath: null },
    { fileName: 'three-chapters.epub', bytes: manyChapterBook(3), pagePath: null },
  ];
}

/** Converts each warm-up file in this thread; answers how many converted (all, unless a converter broke). */
export function warmUp(): number {
  let converted = 0;
  for (const job of warmUpJobs()) if ('id' in convertJob(job)) converted += 1;
  return converted;
}
