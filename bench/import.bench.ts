/**
 * import.3mb: the whole book from file to stored and listed, in the core (median of 5, fresh
 * library each); import.3mb.ui: the same through the UI, from the click to the listed title.
 */
import { performance } from 'node:perf_hooks';
import { expect, test } from '../e2e/fixtures';
import { makeTempDir, openCore, removeDir } from '../e2e/harness/core';
import { installFrameProbe, lastInputAt, startTextProbe } from '../e2e/harness/frame-probe';
import { LibraryPage } from '../e2e/models/library-page';
import { median, recordMetric } from './results';
import { warAndPeacePath } from './support';

test('import.3mb: importing War and Peace into a fresh library', async () => {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const root = await makeTempDir('lectern-bench-import-');
    const { library } = await openCore(root, { seed: false });
    try {
      const started = performance.now();
      const report = await library.documents.importPaths([warAndPeacePath]);
      const listed = await library.documents.listDocuments();
      runs.push(performance.now() - started);
      expect(report.outcomes[0]?.status).toBe('imported');
      expect(listed).toHaveLength(1);
    } finally {
      await library.close();
      await removeDir(root);
    }
  }
  console.log(`import.3mb runs (ms): ${runs.map((r) => r.toFixed(1)).join(', ')}`);
  recordMetric('import.3mb', median(runs), 300);
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
