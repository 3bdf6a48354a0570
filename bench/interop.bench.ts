/**
 * import.clippings.10k: matching and anchoring 10,000 Kindle highlights across 100 documents —
 * War and Peace cut into 100 parts, a clippings file quoting each 100 times (without the book's
 * line breaks, as a Kindle writes them; one in ten in another edition's words, one in fifty from
 * no part at all). Parsing, matching titles, rendering each document's text and anchoring, in Node.
 */
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { expect, test } from '@playwright/test';
import { parseKindleClippings } from '../common/interop/kindle';
import { FoldedText } from '../main/library/interop/exact-pass';
import { matchGroups, type MatchableDocument } from '../main/library/interop/matching';
import { placeAnnotations } from '../main/library/interop/place-annotations';
import { renderedTextOf } from '../main/library/interop/rendered-text';
import { median, recordMetric } from './results';
import { warAndPeacePath } from './support';

const DOCUMENTS = 100;
const PER_DOCUMENT = 100;

interface Library {
  docs: (MatchableDocument & { markdown: string })[];
  clippings: string;
  /** Per edited quote, the passage as the book has it: where the fuzzy match must land. */
  originals: Map<string, string>;
}

/** Another edition's wording: a few words changed. */
const edited = (quote: string) =>
  quote
    .replace(/\bthe\b/u, 'this')
    .replace(/\band\b/u, '&')
    .replace(/,/u, ';');

function libraryOf(book: string): Library {
  const partLength = Math.floor(book.length / DOCUMENTS);
  const docs = Array.from({ length: DOCUMENTS }, (_, n) => ({
    id: n.toString(16).padStart(16, '0'),
    title: `War and Peace, part ${n + 1}`,
    author: 'Leo Tolstoy',
    source: null,
    markdown: book.slice(n * partLength, (n + 1) * partLength),
  }));
  const entries: string[] = [];
  const originals = new Map<string, string>();
  docs.forEach((doc, d) => {
    const step = Math.floor((doc.markdown.length - 600) / PER_DOCUMENT);
    for (let h = 0; h < PER_DOCUMENT; h++) {
      const start = doc.markdown.indexOf(' ', h * step) + 1;
      let quote = doc.markdown
        .slice(start, start + 60 + ((h * 37) % 240))
        .replace(/\s+/gu, ' ')
        .trim();
      if (h % 10 === 3) {
        const original = quote;
        quote = edited(quote);
        originals.set(quote, original);
      }
      if (h % 50 === 7) quote = `Nowhere in this part ${d}-${h}: a passage from some other book entirely.`;
      const location = 100 + h * 20;
      entries.push(
        `${doc.title} (Tolstoy, Leo)\n- Your Highlight on Location ${location}-${location + 3} | Added on Monday, 1 April 2019 10:${String(h % 60).padStart(2, '0')}:00\n\n${quote}\n==========`,
      );
    }
  });
  return { docs, clippings: `\uFEFF${entries.join('\n')}\n`, originals };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

function importAll(library: Library, checkEdited: boolean) {
  const parsed = parseKindleClippings(library.clippings);
  if (!parsed.ok) throw new Error(parsed.message);
  const matched = matchGroups(parsed.value.groups, library.docs);
  const byId = new Map(library.docs.map((doc) => [doc.id, doc]));
  const outcomes = { placed: 0, check: 0, unplaced: 0, matched: 0, editedOnTarget: 0 };
  for (const { group, match } of matched) {
    const doc = match === null ? undefined : byId.get(match.documentId);
    if (doc === undefined) continue;
    outcomes.matched++;
    const text = renderedTextOf(doc.markdown);
    for (const plan of placeAnnotations(text, group.annotations)) {
      outcomes[plan.outcome]++;
      const original = checkEdited ? library.originals.get(plan.annotation.quote) : undefined;
      const target = original === undefined ? null : new FoldedText(text).uniqueSpan(original);
      if (target !== null && plan.outcome !== 'unplaced' && overlaps(target, plan.position))
        outcomes.editedOnTarget++;
    }
  }
  return outcomes;
}

test('import.clippings.10k: match and anchor 10,000 Kindle highlights across 100 documents', async () => {
  const book = (await readFile(warAndPeacePath, 'utf8')).replace(/\r\n/g, '\n');
  const library = libraryOf(book);
  let outcomes = importAll(library, false); // warm-up
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    outcomes = importAll(library, false);
    times.push(performance.now() - started);
  }
  // Outside the timing: where the other edition's wording landed.
  outcomes = importAll(library, true);
  expect(outcomes.matched).toBe(DOCUMENTS);
  expect(outcomes.placed + outcomes.check + outcomes.unplaced).toBe(DOCUMENTS * PER_DOCUMENT);
  const onTarget = outcomes.editedOnTarget / library.originals.size;
  console.log(
    `import.clippings.10k: ${outcomes.editedOnTarget} of ${library.originals.size} quotes in another edition's words on their passage`,
  );
  expect(onTarget).toBeGreaterThan(0.98);
  const value = median(times);
  console.log(
    `import.clippings.10k: ${value.toFixed(0)} ms (median of 5); placed ${outcomes.placed}, check ${outcomes.check}, unplaced ${outcomes.unplaced}`,
  );
  recordMetric('import.clippings.10k', value, 2000);
});
