/**
 * import.3mb: the whole book from file to stored and listed, in the core (median of 5, fresh
 * library and conversion worker each: the worker's first file, cold); import.3mb.prepared: the
 * same once the worker has warmed up, as it does while the user picks the file or drags it in
 * (prepareImport); import.3mb.ui: the same through the UI, from the click to the listed title.
 */
import { performance } from 'node:perf_hooks';
import { expect, test } from '../e2e/fixtures';
import { makeTempDir, openCore, removeDir } from '../e2e/harness/core';
import { installFrameProbe, lastInputAt, startTextProbe } from '../e2e/harness/frame-probe';
import { LibraryPage } from '../e2e/models/library-page';
import { median, recordMetric } from './results';
import { warAndPeacePath } from './support';

/**
 * Five imports of War and Peace, each into a fresh library with a new conversion worker, timed
 * until the book is stored and listed; `warmFirst`: once the worker has warmed up, as
 * prepareImport starts it when the open dialog shows or files are dragged over the window (awaited
 * here as the user's picking or aiming would give it time: warm-up.ts).
 */
async function freshImports(warmFirst: boolean): Promise<number[]> {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const root = await makeTempDir('lectern-bench-import-');
    const { library, converter } = await openCore(root, { seed: false });
    try {
      if (warmFirst) await converter.warm();
      const started = performance.now();
      const report = await library.documents.importPaths([warAndPeacePath]);
      const listed = await library.documents.listDocuments();
      runs.push(performance.now() - started);
      expect(report.outcomes[0]?.status).toBe('imported');
      expect(listed).toHaveLength(1);
    } finally {
      await Promise.all([library.close(), converter.close()]);
      await removeDir(root);
    }
  }
  return runs;
}

test('import.3mb: importing War and Peace into a fresh library', async () => {
  const runs = await freshImports(false);
  console.log(`import.3mb runs (ms): ${runs.map((r) => r.toFixed(1)).join(', ')}`);
  recordMetric('import.3mb', median(runs), 300);
});

test('import.3mb.prepared: the first import once the app got ready for it (dialog shown, files dragged in)', async () => {
  const runs = await freshImports(true);
  console.log(`import.3mb.prepared runs (ms): ${runs.map((r) => r.toFixed(1)).join(', ')}`);
  recordMetric('import.3mb.prepared', median(runs), 300);
});

test('import.3mb.ui: the book picked in the import dialog until it is listed', async ({ launchApp }) => {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const app = await launchApp();
    const library = new LibraryPage(app.page);
    await library.waitUntilShown();
    await installFrameProbe(app.page);
    await app.queueDialogResult([warAndPeacePath]);
    const listed = await startTextProbe(app.page, ['War and Peace']);
    await library.importButton.click();
    const shownAt = await listed();
    runs.push(shownAt - (await lastInputAt(app.page)));
    await app.close();
  }
  console.log(`import.3mb.ui runs (ms): ${runs.map((r) => r.toFixed(1)).join(', ')}`);
  recordMetric('import.3mb.ui', median(runs), 300);
});
