/**
 * The core on its own, without a page (moved here from the unit suite, where wall-clock figures
 * could not fail honestly): core.import.3mb.first is the book's first import in this worker (no
 * warm JIT; import.3mb is the steady state); core.10k.open, core.10k.list and core.10k.savePosition
 * are medians of 5 on a generated library of 10,000 documents (savePosition awaits the annotations
 * file's durable write; library.json follows on a timer). Targets are this session's guesses.
 */
import { performance } from 'node:perf_hooks';
import { expect, test } from '../e2e/fixtures';
import { makeTempDir, openCore, removeDir } from '../e2e/harness/core';
import { median, recordMetric } from './results';
import { warAndPeacePath, writeGeneratedLibrary } from './support';

const COUNT = 10_000;

/** Runs `step` five times and returns each run's duration in ms. */
async function timeRuns(step: (run: number) => Promise<void>): Promise<number[]> {
  const runs: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    await step(run);
    runs.push(performance.now() - started);
  }
  return runs;
}

const show = (name: string, runs: number[]) =>
  console.log(`${name} runs (ms): ${runs.map((r) => r.toFixed(1)).join(', ')}`);

test('core.import.3mb.first: the first import of War and Peace in this process', async () => {
  const root = await makeTempDir('lectern-bench-core-');
  const { library } = await openCore(root, { seed: false });
  try {
    const started = performance.now();
    const report = await library.documents.importPaths([warAndPeacePath]);
    const elapsed = performance.now() - started;
    expect(report.outcomes[0]).toMatchObject({
      status: 'imported',
      document: { title: 'War and Peace', author: 'Leo Tolstoy' },
    });
    console.log(`core.import.3mb.first: ${elapsed.toFixed(1)} ms`);
    recordMetric('core.import.3mb.first', elapsed, 600);
  } finally {
    await library.close();
    await removeDir(root);
  }
});

test('core.10k: open, list and save a position in a library of 10,000 documents', async () => {
  const root = await makeTempDir('lectern-bench-core-10k-');
  try {
    await writeGeneratedLibrary(root, COUNT);
    const opens = await timeRuns(async () => {
      const { library } = await openCore(root, { seed: false });
      await library.close();
    });
    show('core.10k.open', opens);
    recordMetric('core.10k.open', median(opens), 500);

    const { library } = await openCore(root, { seed: false });
    try {
      const lists = await timeRuns(async () => {
        expect(library.documents.listDocuments()).toHaveLength(COUNT);
      });
      show('core.10k.list', lists);
      recordMetric('core.10k.list', median(lists), 50);

      const id = (await library.documents.listDocuments())[0]?.id ?? '';
      const saves = await timeRuns(async (run) => {
        const position = { section: 0, offset: run, quote: '', progress: (run + 1) / 10 };
        expect(await library.documents.saveReadingPosition(id, position)).toEqual({ ok: true, value: null });
      });
      show('core.10k.savePosition', saves);
      recordMetric('core.10k.savePosition', median(saves), 50);
    } finally {
      await library.close();
    }
  } finally {
    await removeDir(root);
  }
});
