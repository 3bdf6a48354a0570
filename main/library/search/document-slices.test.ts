import { readFileSync } from 'node:fs';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PassageSlicer } from './document-slices';
import { documentEntries } from './entries';

const BOOK = readFileSync(new URL('../../../e2e/fixtures/books/war-and-peace.txt', import.meta.url), 'utf8');
const FACTS = { id: 'doc', title: 'T', author: null, tagIds: [], tagNames: [] };

/** documentEntries' passages, the reference: the text split and cut in one go. */
const inOneGo = (text: string) => documentEntries(FACTS, text, () => []).slice(1);

/** The same text pushed in slices cut at `cuts` (offsets, any order). */
function inSlices(text: string, cuts: readonly number[]) {
  const slicer = new PassageSlicer(FACTS.id);
  const points = [...new Set([0, ...cuts.map((cut) => Math.min(cut, text.length)), text.length])].toSorted(
    (a, b) => a - b,
  );
  const entries = [];
  for (let i = 1; i < points.length; i++) entries.push(...slicer.push(text.slice(points[i - 1], points[i])));
  entries.push(...slicer.end());
  return entries;
}

/** Markdown with the lines that matter: headings, fences, CRLF, lone CR, U+2028, long paragraphs, emoji. */
const PIECES = [
  '# Heading one\n',
  '## Second *level* heading ##\r\n',
  '### Third\n',
  '    # indented code, not a heading\n',
  '#hashtag is no heading\n',
  '```js\n# not a heading inside a fence\n```\n',
  '~~~\n## nor this\n',
  '~~~\n',
  'A line of prose about the ceasefire, and Pierre.\n',
  'Carriage return only\r# heading after CR?\r',
  'Line\u2028# after a line separator\n',
  'Émile’s café — naïve façade. 😀 東京の本\n',
  '\n\n',
  `${'word '.repeat(900)}\n`,
  `${'x'.repeat(2500)}`,
  '   ## three spaces then heading\n',
  '\r\n',
];

const markdown = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));

describe('PassageSlicer', () => {
  it('builds the same passages as documentEntries, wherever the slices are cut', () => {
    fc.assert(
      fc.property(
        markdown.chain((text) =>
          fc.tuple(fc.constant(text), fc.array(fc.nat({ max: text.length }), { maxLength: 12 })),
        ),
        ([text, cuts]) => {
          expect(inSlices(text, cuts)).toEqual(inOneGo(text));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('cuts a section boundary, a CRLF and a surrogate pair between slices like the whole text', () => {
    const text = `Intro\r\n\r\n# One\r\nText 😀 here.\r\n## Two\n${'long line '.repeat(700)}\n`;
    const cuts = [
      text.indexOf('# One'),
      text.indexOf('\n## Two'),
      text.indexOf('😀') + 1,
      text.indexOf('\r\n') + 1,
    ];
    for (const cut of cuts) expect(inSlices(text, [cut])).toEqual(inOneGo(text));
    expect(
      inSlices(
        text,
        Array.from(text, (_, i) => i),
      ),
    ).toEqual(inOneGo(text));
  });

  it('indexes War and Peace in 64 KB slices as in one go', () => {
    const slices = Array.from({ length: Math.ceil(BOOK.length / 65_536) }, (_, i) => i * 65_536);
    const expected = inOneGo(BOOK);
    expect(expected.length).toBeGreaterThan(1000);
    expect(inSlices(BOOK, slices)).toEqual(expected);
  });

  it('waits for a slice that ends in a line of spaces: a heading may follow', () => {
    // A section of 3,000 characters is not cut; 3,002 would be, were the spaces not a heading's.
    const text = `${'word '.repeat(599)}word\n  # Heading\nAfter.\n`;
    expect(inSlices(text, [3002])).toEqual(inOneGo(text));
    expect(inOneGo(text)[0]?.end).toBe(3000);
  });

  it('cuts passages before the end of a text without line breaks', () => {
    const slicer = new PassageSlicer('doc');
    const early = slicer.push('word '.repeat(2000));
    expect(early.length).toBeGreaterThan(0);
    expect([...early, ...slicer.end()]).toEqual(inOneGo('word '.repeat(2000)));
  });

  it('answers nothing for an empty or blank text', () => {
    expect(inSlices('', [])).toEqual([]);
    expect(inSlices(' \n\n \r\n', [2])).toEqual([]);
  });
});
