/**
 * library.10k.list: a library of 10,000 documents, from the renderer's listDocuments request to
 * the first frame showing the list; library.10k.filter: from a keystroke in the filter to the
 * first frame showing the narrowed list.
 */
import { expect, test } from '../e2e/fixtures';
import { makeTempDir, removeDir } from '../e2e/harness/core';
import { installFrameProbe, lastInputAt, startTextProbe } from '../e2e/harness/frame-probe';
import { LibraryPage } from '../e2e/models/library-page';
import { listShownAfterReload, watchEveryLoadFor } from './list-probe';
import { median, recordMetric } from './results';
import { generatedTitle, writeGeneratedLibrary } from './support';

const COUNT = 10_000;

test('a library of 10,000 documents: list and filter', async ({ launchApp }) => {
  const root = await makeTempDir('lectern-bench-10k-');
  try {
    await writeGeneratedLibrary(root, COUNT);
    const app = await launchApp({ libraryDir: root });
    const library = new LibraryPage(app.page);
    await installFrameProbe(app.page);

    // The newest document (the default sort) must be on screen.
    const newest = generatedTitle(COUNT - 1);
    await watchEveryLoadFor(app.page, newest);
    const listRuns: number[] = [];
    const bridgeRuns: number[] = [];
    for (let i = 0; i < 5; i++) {
      await app.page.reload();
      const { shownAt, request } = await listShownAfterReload(app.page);
      listRuns.push(shownAt - request.at);
      if (request.doneAt !== undefined) bridgeRuns.push(request.doneAt - request.at);
    }
    await expect(library.openButton(newest)).toBeVisible();
    console.log(`library.10k.list runs (ms): ${listRuns.map((r) => r.toFixed(1)).join(', ')}`);
    console.log(
      `  of which listDocuments through the harness bridge: ${bridgeRuns.map((r) => r.toFixed(1)).join(', ')}`,
    );
    recordMetric('library.10k.list', median(listRuns), 50);
    // The harness bridge (Playwright binding + JSON) is not Electron's IPC: also report the part after the data arrived.
    if (bridgeRuns.length === listRuns.length) {
      recordMetric(
        'library.10k.list.afterData',
        median(listRuns.map((run, i) => run - (bridgeRuns[i] as number))),
        100,
      );
    }

    // "0424" matches Note 04240..04249; the keystroke "2" narrows it to Note 04242.
    const filterRuns: number[] = [];
    for (let i = 0; i < 5; i++) {
      await library.filter.fill('0424');
      await expect(library.openButton(generatedTitle(4243))).toBeVisible();
      const narrowed = await startTextProbe(app.page, [generatedTitle(4242)], [generatedTitle(4243)]);
      await library.filter.press('2');
      const shownAt = await narrowed();
      filterRuns.push(shownAt - (await lastInputAt(app.page)));
    }
    console.log(`library.10k.filter runs (ms): ${filterRuns.map((r) => r.toFixed(1)).join(', ')}`);
    recordMetric('library.10k.filter', median(filterRuns), 100);
    await app.close();
  } finally {
    await removeDir(root);
  }
});
