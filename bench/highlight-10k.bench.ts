/**
 * highlight.persist.10k: the core's durable write of one new highlight on a document that already
 * has 10,000 (its annotations file is ~7 MB): what one more costs once a reader has highlighted a
 * lot. In the core alone (no page): the click's path adds the bridge to it. Wall and CPU time of
 * ten adds (each on a settled search index), after the 10,000 are folded into the file.
 */
import { performance } from 'node:perf_hooks';
import { describeRange } from '../common/anchoring/describe';
import { test } from '../e2e/fixtures';
import type { BrowserApp } from '../e2e/harness/browser-app';
import { median, recordMetric } from './results';
import { oneMegabyteBook } from './support';

test('adding a highlight to a document with 10,000', async ({ app }) => {
  const { library } = (app as BrowserApp).core;
  const imported = (await library.documents.importPaths([await oneMegabyteBook()])).outcomes[0];
  if (imported?.status !== 'imported') throw new Error('import failed');
  const { id, textVersion } = imported.document;
  const text = (await library.documents.openDocument(id))?.markdown ?? '';
  const time = new Date().toISOString();
  const stored = await library.highlights.addMany(id, () =>
    Array.from({ length: 10_000 }, (_, h) => {
      const start = (h * 97) % (text.length - 60);
      const { quote, position } = describeRange(text, start, start + 40);
      const common = { documentId: id, color: 'green' as const, quote, position, tags: [], note: null };
      const state = { anchoredVersion: textVersion, unplaced: false, needsCheck: false };
      return { id: h.toString(16).padStart(16, '0'), ...common, ...state, createdAt: time, updatedAt: time };
    }),
  );
  if (!stored.ok) throw new Error(stored.message);
  // The fold is what every change cost before the log (the whole file rewritten); now one per 500.
  const foldStarted = performance.now();
  await library.annotations.fold(id);
  console.log(`folding 10,000 highlights into the file: ${(performance.now() - foldStarted).toFixed(0)} ms`);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 10; i++) {
    const { quote, position } = describeRange(text, 3000 + i * 1013, 3030 + i * 1013);
    // The search index follows each change after its answer: settled, as between a reader's clicks.
    await library.search.settled();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const added = await library.highlights.addHighlight(id, {
      color: 'blue',
      quote,
      position,
      anchoredVersion: textVersion,
    });
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
    if (!added.ok) throw new Error(added.message);
  }
  console.log(
    `one more highlight on 10,000: wall ${wall.map((t) => t.toFixed(1)).join(', ')} ms; ` +
      `CPU ${cpu.map((t) => t.toFixed(1)).join(', ')} ms`,
  );
  recordMetric('highlight.persist.10k', median(wall), 10);
  recordMetric('highlight.persist.10k.cpu', median(cpu), null);
});
