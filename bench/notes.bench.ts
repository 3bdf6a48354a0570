/**
 * note.save: one keystroke in a 20 KB note, from the editor's (debounced) save call to the durable
 * write's answer, measured on the core path in Node through the contract's handler (argument
 * validation, the outside-edit check, YAML front matter, temp file, fsync, rename, fsync of the
 * folder). The library holds 10,000 documents and 1,000 other notes. Median of 40 saves; the
 * 400 ms debounce itself is not counted (the figure is "after the debounce").
 * note.save.highlight is the same keystroke in a 20 KB note on a highlight (annotations file).
 */
import { performance } from 'node:perf_hooks';
import { expect, test } from '../e2e/fixtures';
import { makeTempDir, openCore, removeDir } from '../e2e/harness/core';
import { median, recordMetric } from './results';
import { warAndPeacePath, writeGeneratedLibrary } from './support';
import { readFile } from 'node:fs/promises';

const RUNS = 40;

const show = (name: string, runs: number[]) =>
  console.log(
    `${name}: median ${median(runs).toFixed(2)} ms, max ${Math.max(...runs).toFixed(2)} ms over ${runs.length} saves`,
  );

test('note.save: a keystroke in a 20 KB note to the durable write', async () => {
  const root = await makeTempDir('lectern-bench-notes-');
  try {
    await writeGeneratedLibrary(root, 10_000);
    const { library, handlers } = await openCore(root, { seed: false });
    try {
      const book = await readFile(warAndPeacePath, 'utf8');
      const body = book.slice(200_000, 220_000);
      for (let n = 0; n < 1000; n++) {
        const other = await library.notes.createNote({
          title: `Note ${n}`,
          body: book.slice(n * 500, n * 500 + 500),
        });
        expect(other.ok).toBe(true);
      }
      const created = await library.notes.createNote({ title: 'Twenty kilobytes of Tolstoy', body });
      if (!created.ok) throw new Error(created.message);
      const runs: number[] = [];
      let text = body;
      for (let run = 0; run < RUNS; run++) {
        text += 'abcdefghij'[run % 10];
        const started = performance.now();
        const saved = await handlers.saveNote(created.value.id, { body: text });
        runs.push(performance.now() - started);
        expect(saved.ok).toBe(true);
      }
      show('note.save', runs);
      recordMetric('note.save', median(runs), 20);

      const doc = library.documents.listDocuments()[0];
      if (!doc) throw new Error('no document');
      const added = await library.highlights.addHighlight(doc.id, {
        color: 'yellow',
        quote: { type: 'TextQuoteSelector', exact: 'Note', prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 2, end: 6 },
        anchoredVersion: doc.textVersion,
      });
      if (!added.ok) throw new Error(added.message);
      const highlightRuns: number[] = [];
      text = body;
      for (let run = 0; run < RUNS; run++) {
        text += 'abcdefghij'[run % 10];
        const started = performance.now();
        const saved = await handlers.setHighlightNote(doc.id, added.value.id, text);
        highlightRuns.push(performance.now() - started);
        expect(saved.ok).toBe(true);
      }
      show('note.save.highlight', highlightRuns);
      recordMetric('note.save.highlight', median(highlightRuns), 20);
    } finally {
      await library.close();
    }
  } finally {
    await removeDir(root);
  }
});
