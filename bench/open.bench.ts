/**
 * open.1mb.firstPaint / open.3mb.firstPaint: from the request to open a document to the first
 * frame with its text, as the reader reports it (`<reader-view data-first-paint="<ms>">`),
 * median of 5 opens, each from the top of the document. Also measured from outside (the click to the first frame showing a line
 * of the book) as `.external`, to keep the reader's own clock honest.
 *
 * The figure is also split in two, on the page clock, for each open:
 * - `.transfer` (open.1mb.transfer / open.3mb.transfer): the `openDocument` round trip as the
 *   page sees it (the harness's `lecternHarnessCalls` record, `at` to `doneAt`, JSON parse included).
 *   Here that is an HTTP POST to a loopback server, and streaming a 3.3 MB body costs Chromium
 *   60-100 ms; in Electron it is one IPC message (~10-25 ms for 3 MB). Its targets are that
 *   IPC cost, so in this harness it is expected to read OVER: it shows where time goes, it is not
 *   something the renderer can fix.
 * - `.firstPaint.afterData`: from the data arriving (`doneAt`) to the first frame with text (the
 *   reader's `lectern:reader-first-paint` performance mark, set with data-first-paint). Its
 *   targets are the whole budgets (issue 9: 40 / 50 ms) minus what the same transfer costs in
 *   Electron (~10 / ~25 ms): the renderer's honest share, so 30 and 25 ms.
 * - `open.<size>.longestTaskAfterPaint` / `.longestFrameAfterPaint`: the longest task and the longest
 *   gap between frames in the 3 s after each first paint (the rest of the sections attached, the rest
 *   of the text loaded and rendered meanwhile): see after-paint-probe.ts.
 */
import { test } from '../e2e/fixtures';
import type { BrowserApp } from '../e2e/harness/browser-app';
import { installFrameProbe } from '../e2e/harness/frame-probe';
import { AFTER_PAINT_MS, recordAfterPaint } from './after-paint-probe';
import { measureOpens } from './open-measure';
import { median, recordMetric } from './results';
import { oneMegabyteBook, warAndPeacePath } from './support';

/** A line some 400 characters into the book: on the first screen, but not in the library's excerpt. */
const EARLY_LINE = 'Posting Date: January 10, 2009';

const list = (values: readonly number[]): string => values.map((v) => v.toFixed(1)).join(', ');

test('first paint of a 1 MB and a 3 MB document', async ({ app }) => {
  const browserApp = app as BrowserApp;
  const { library } = browserApp.core;
  const cases = [
    {
      metric: 'open.1mb.firstPaint',
      transfer: 'open.1mb.transfer',
      file: await oneMegabyteBook(),
      title: 'War and Peace (first 1 MB)',
      target: 40,
      ipc: 10,
    },
    {
      metric: 'open.3mb.firstPaint',
      transfer: 'open.3mb.transfer',
      file: warAndPeacePath,
      title: 'War and Peace',
      target: 50,
      ipc: 25,
    },
  ];
  const ids = new Map<string, string>();
  for (const c of cases) {
    const report = await library.documents.importPaths([c.file]);
    const outcome = report.outcomes[0];
    if (outcome?.status !== 'imported')
      throw new Error(`could not import ${c.file}: ${JSON.stringify(outcome)}`);
    await library.documents.renameDocument(outcome.document.id, c.title);
    ids.set(c.metric, outcome.document.id);
  }
  await app.page.reload();
  await installFrameProbe(app.page);
  for (const c of cases) {
    const opens = await measureOpens(
      browserApp,
      c.title,
      ids.get(c.metric) as string,
      EARLY_LINE,
      AFTER_PAINT_MS,
    );
    const { reported, external, transfer, afterData } = opens;
    console.log(`${c.metric}: reader-reported ${list(reported)} ms; click-to-text ${list(external)} ms`);
    console.log(
      `${c.metric}: openDocument round trip ${list(transfer)} ms; data to first frame ${list(afterData)} ms`,
    );
    recordMetric(c.metric, median(reported), c.target);
    recordMetric(`${c.metric}.external`, median(external), c.target);
    recordMetric(c.transfer, median(transfer), c.ipc);
    recordMetric(`${c.metric}.afterData`, median(afterData), c.target - c.ipc);
    recordAfterPaint(c.metric.replace('.firstPaint', ''), opens.afterPaint);
  }
});
