/**
 * The figures of issue 9 ("First screen first") that the other benches do not measure:
 * - open.30mb.firstPaint: a ~30 MB markdown document (War and Peace's chapters repeated, each
 *   heading distinct), from the request to open it to the first frame with its text, as the
 *   reader reports it (data-first-paint), median of 5 opens from the top; `.external` is the
 *   click to the first frame showing a line of the first chapter (as open.bench.ts).
 * - library.100k.list (request to the first screen of rows painted), library.100k.filter (a
 *   keystroke to the narrowed list painted), library.100k.scroll (a jump to the middle of the list
 *   to a screen of real rows from within 1% of that place, no placeholders, painted), on a generated
 *   library of 100,000 documents.
 * - memory.100k.renderer (the page's JS heap after a GC, CDP Runtime.getHeapUsage, with the
 *   100,000-document library listed) and memory.100k.main (this process's heapUsed with the core
 *   holding that library open: the harness's own heap included, so report only).
 * - startup.100k: in Node, opening the core on the 100,000-document library until the first list
 *   window is answered (queryDocuments through the contract's handler), median of 3 (and
 *   startup.100k.cpu, the process's CPU time over the same span, report only);
 *   library.100k.write: one durable catalog write at 100,000 documents (renameDocument through
 *   the handler: the record's shard and library.json), median of 5;
 *   library.json.size.100k (the manifest) and catalog.size.100k (it and every shard file) in bytes
 *   (report only).
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { expect, test } from '../e2e/fixtures';
import type { BrowserApp } from '../e2e/harness/browser-app';
import { makeTempDir, openCore, removeDir } from '../e2e/harness/core';
import { installFrameProbe, lastInputAt, startTextProbe } from '../e2e/harness/frame-probe';
import { LibraryPage } from '../e2e/models/library-page';
import { measureOpens } from './open-measure';
import { AFTER_PAINT_MS, recordAfterPaint } from './after-paint-probe';
import { listShownAfterReload, watchEveryLoadFor } from './list-probe';
import { type JumpSplit, jumpAndSplit, jumpAndWaitForRows, type ScrollWindow } from './scroll-probe';
import { JUMP_FRACTIONS, printRendererMemory, printSplits, waitForRowIndex } from './scroll-split';
import { median, recordMetric } from './results';
import { generatedTitle, writeGeneratedLibrary } from './support';
import { TITLE_30MB, thirtyMegabyteBook } from './big-book';

const MEGABYTE = 1024 * 1024;
const list = (values: readonly number[]): string => values.map((v) => v.toFixed(1)).join(', ');

// ---------------------------------------------------------------------------------------------
// open.30mb.firstPaint

/** In the first chapter's second paragraph: on the first screen, not in the library's excerpt. */
const EARLY_LINE = 'It was in July, 1805, and the speaker was';

test('first paint of a 30 MB document', async ({ app }) => {
  const browserApp = app as BrowserApp;
  const file = await thirtyMegabyteBook();
  const { size } = await stat(file);
  const report = await browserApp.core.library.documents.importPaths([file]);
  const outcome = report.outcomes[0];
  if (outcome?.status !== 'imported') throw new Error(`could not import ${file}: ${JSON.stringify(outcome)}`);
  const id = outcome.document.id;
  await browserApp.core.library.documents.renameDocument(id, TITLE_30MB);
  await app.page.reload();
  await installFrameProbe(app.page);
  const opens = await measureOpens(browserApp, TITLE_30MB, id, EARLY_LINE, AFTER_PAINT_MS);
  const { reported, external, transfer, afterData } = opens;
  console.log(`open.30mb: ${(size / MEGABYTE).toFixed(1)} MB of markdown`);
  console.log(
    `open.30mb.firstPaint: reader-reported ${list(reported)} ms; click-to-text ${list(external)} ms`,
  );
  console.log(
    `open.30mb.firstPaint: openDocumentStart round trip ${list(transfer)} ms; data to first frame ${list(afterData)} ms`,
  );
  recordMetric('open.30mb.firstPaint', median(reported), 60);
  recordMetric('open.30mb.firstPaint.external', median(external), 60);
  recordMetric('open.30mb.transfer', median(transfer), 10);
  recordMetric('open.30mb.firstPaint.afterData', median(afterData), 50);
  recordAfterPaint('open.30mb', opens.afterPaint);
});

// ---------------------------------------------------------------------------------------------
// library.100k.*, memory.100k.*, startup.100k, library.100k.write, library.json.size.100k

/** Five renames of one document, each until its durable write is answered (ms each). */
async function timeWrites(core: Awaited<ReturnType<typeof openCore>>): Promise<number[]> {
  const [record] = core.library.catalog.list();
  if (record === undefined) throw new Error('the library is empty');
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const answer = await core.handlers.renameDocument(record.id, `${record.title} (renamed ${i + 1})`);
    times.push(performance.now() - started);
    expect(answer.ok).toBe(true);
  }
  return times;
}

const COUNT = 100_000;

test('a library of 100,000 documents: list, filter, scroll, memory and startup', async ({ launchApp }) => {
  const root = await makeTempDir('lectern-bench-100k-');
  try {
    const generated = performance.now();
    await writeGeneratedLibrary(root, COUNT);
    console.log(`generated ${COUNT} documents in ${((performance.now() - generated) / 1000).toFixed(1)} s`);

    const app = await launchApp({ libraryDir: root });
    const library = new LibraryPage(app.page);
    await installFrameProbe(app.page);

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
    console.log(`library.100k.list runs (ms): ${list(listRuns)}`);
    console.log(`  of which queryDocuments through the harness bridge: ${list(bridgeRuns)}`);
    recordMetric('library.100k.list', median(listRuns), 80);

    // Memory with the library listed: the page's heap after a GC, and this process's heap (core + harness).
    const cdp = await app.page.context().newCDPSession(app.page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    await cdp.detach();
    const rendererMb = heap.usedSize / MEGABYTE;
    const mainMb = process.memoryUsage().heapUsed / MEGABYTE;
    console.log(
      `memory.100k: renderer ${rendererMb.toFixed(1)} MB used of ${(heap.totalSize / MEGABYTE).toFixed(1)} MB; ` +
        `main (this process) ${mainMb.toFixed(1)} MB`,
    );
    recordMetric('memory.100k.renderer', rendererMb, 100, 'MB');
    recordMetric('memory.100k.main', mainMb, 1024, 'MB');

    // "0424" matches Note 90424 (the newest match) and Note 04240..04249, ...; "2" narrows it to Note 04242.
    const filterRuns: number[] = [];
    for (let i = 0; i < 5; i++) {
      await library.filter.fill('0424');
      await expect(library.openButton(generatedTitle(90424))).toBeVisible();
      const narrowed = await startTextProbe(app.page, [generatedTitle(4242)], [generatedTitle(90424)]);
      await library.filter.press('2');
      const shownAt = await narrowed();
      filterRuns.push(shownAt - (await lastInputAt(app.page)));
    }
    console.log(`library.100k.filter runs (ms): ${list(filterRuns)}`);
    recordMetric('library.100k.filter', median(filterRuns), 30);

    // Jumps to (near) the middle of the list, a different place each time, split into their parts.
    await library.filter.fill('');
    await expect(library.openButton(newest)).toBeVisible();
    await app.page.evaluate(`globalThis.lecternJump = ${jumpAndWaitForRows.toString()}`);
    await waitForRowIndex(app.page);
    const splits: JumpSplit[] = [];
    for (const fraction of JUMP_FRACTIONS) {
      // Back to the top between runs (the rows near each jump target are not loaded yet).
      await app.page.evaluate(() => (globalThis as unknown as ScrollWindow).scrollTo(0, 0));
      await expect(library.openButton(newest)).toBeVisible();
      await app.page.mouse.move(400, 400);
      splits.push(await app.page.evaluate(jumpAndSplit, [fraction, COUNT] as [number, number]));
    }
    const scrollRuns = splits.map((split) => split.ready);
    console.log(`library.100k.scroll runs (ms): ${list(scrollRuns)}`);
    printSplits(splits);
    recordMetric('library.100k.scroll', median(scrollRuns), 30);
    await printRendererMemory(app.page, 'after the jumps');
    await app.close();
    const jsonBytes = (await stat(join(root, 'library.json'))).size;
    const shardNames = await readdir(join(root, 'catalog'));
    const shardBytes = await Promise.all(
      shardNames.map(async (name) => (await stat(join(root, 'catalog', name))).size),
    );
    const catalogBytes = jsonBytes + shardBytes.reduce((sum, bytes) => sum + bytes, 0);

    // The core alone: open the library until the first list window is answered.
    const startups: number[] = [];
    const startupCpu: number[] = [];
    const writes: number[] = [];
    for (let run = 0; run < 3; run++) {
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const core = await openCore(root, { seed: false });
      const answer = await core.handlers.queryDocuments({
        sort: 'recent',
        filter: '',
        offset: 0,
        limit: 100,
      });
      const elapsed = performance.now() - started;
      const cpu = process.cpuUsage(cpuBefore);
      startupCpu.push((cpu.user + cpu.system) / 1000);
      if (run === 0) writes.push(...(await timeWrites(core)));
      await core.library.close();
      expect(answer.ok && answer.value.libraryTotal).toBe(COUNT);
      startups.push(elapsed);
    }
    console.log(`startup.100k runs (ms): ${list(startups)}`);
    recordMetric('startup.100k', median(startups), 500);
    // Report only: CPU time (this process, all threads) is less swayed by a busy machine than wall time.
    console.log(`startup.100k.cpu runs (ms): ${list(startupCpu)}`);
    recordMetric('startup.100k.cpu', median(startupCpu), null);
    console.log(`library.100k.write runs (ms): ${list(writes)}`);
    recordMetric('library.100k.write', median(writes), 50);
    console.log(`library.json.size.100k: ${jsonBytes} bytes; catalog.size.100k: ${catalogBytes} bytes`);
    console.log(
      `  (${(catalogBytes / MEGABYTE).toFixed(1)} MB in library.json and ${shardNames.length} shards)`,
    );
    recordMetric('library.json.size.100k', jsonBytes, 100 * MEGABYTE, 'bytes');
    recordMetric('catalog.size.100k', catalogBytes, 100 * MEGABYTE, 'bytes');
  } finally {
    await removeDir(root);
  }
});
