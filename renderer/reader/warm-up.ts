/**
 * Warms the parse worker (its script, marked's JIT) and the sanitizer while the app idles, so
 * that their first real use, on the critical path of opening a document, is not cold (~40 ms vs 2 ms).
 */
import { sharedParseClient } from './parse-client';
import { sanitizeToFragment } from './sanitize';

/** Markdown touching the common parser and sanitizer paths. */
const WARM_UP_SAMPLE = [
  '# Title',
  '## Part *one*',
  '### Chapter I',
  'A paragraph with *emphasis*, **strong**, _under_, ~~gone~~, `code` and a [link](https://example.org).',
  'Prose: "quotes", \u2018single\u2019, dashes \u2014 and 1805; see www.example.org, <https://example.org>, me@example.org and [EBook #2600].',
  '*** START OF THE BOOK ***',
  'Title: War and Peace\\\nwith a hard break and an escaped \\* star.',
  '<em>inline html</em> and <br>',
  '<div>an html block</div>',
  '> A quotation\n> over two lines.',
  '- a list\n- of items\n- [ ] a task\n\n1. ordered\n2. list',
  '```js\nconst x = 1;\n```',
  '    indented code',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  '---',
  'Setext\n======',
  '![image](data:image/png;base64,AAAA) and ![remote](https://example.org/a.png) and [ref][1]\n\n[1]: https://example.org',
].join('\n\n');

/** Starts the worker on the sample three times, and sanitizes its HTML as it comes back. */
export function warmUpRendering(): void {
  const client = sharedParseClient();
  for (let i = 0; i < 3; i++) {
    client.warmUp(WARM_UP_SAMPLE, (html) => sanitizeToFragment(html));
  }
}
