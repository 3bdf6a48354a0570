/**
 * Not a figure: a Chromium performance trace of opening the 30 MB book, summarised as the main
 * thread's tasks after the first paint (wall and CPU time, and what each spent it on), so a long
 * task after the first paint can be found and split. A tool, not part of `npm run bench`:
 * `LECTERN_TRACE=1 node bench/run.mjs 'bench/open-trace\.bench'`. The traces (and JS CPU profiles)
 * stay in bench/.tmp for Chromium's DevTools.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test } from '../e2e/fixtures';
import type { BrowserApp } from '../e2e/harness/browser-app';
import { installFrameProbe } from '../e2e/harness/frame-probe';
import type { HarnessWindow } from '../e2e/harness/page-globals';
import { LibraryPage } from '../e2e/models/library-page';
import { ReaderPage } from '../e2e/models/reader-page';
import { TITLE_30MB, thirtyMegabyteBook } from './big-book';
import { readerView, startFromTheBeginning } from './open-measure';
import { benchTmpDir } from './support';

const CATEGORIES = [
  'toplevel',
  'blink.user_timing',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
].join(',');

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { functionName?: string; url?: string; lineNumber?: number; type?: string } };
}

/** How long after the first paint the trace goes on (step two and the rendering of the rest). */
const SPAN_MS = 8000;

const TASK = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
/** How many of the longest tasks (by CPU time) are shown with what they did. */
const TOP = 6;
/** Set by <reader-view> at the first frame with text (FIRST_PAINT_MARK in renderer/reader/reader-document.ts). */
const FIRST_PAINT_MARK = 'lectern:reader-first-paint';

/** What a task spent its time on: the complete events inside it, summed by name (and function). */
function breakdown(events: TraceEvent[], task: TraceEvent): string {
  const end = task.ts + (task.dur ?? 0);
  const sums = new Map<string, number>();
  for (const e of events) {
    if (e === task || e.ph !== 'X' || e.ts < task.ts || e.ts >= end || TASK.has(e.name)) continue;
    const data = e.args?.data;
    const what = data?.functionName
      ? `${e.name} ${data.functionName}@${(data.url ?? '').split('/').at(-1)}:${data.lineNumber}`
      : data?.type
        ? `${e.name} ${data.type}`
        : e.name;
    sums.set(what, (sums.get(what) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
  }
  return [...sums]
    .filter(([, ms]) => ms >= 1)
    .toSorted((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([what, ms]) => `      ${ms.toFixed(1).padStart(7)} ms  ${what}`)
    .join('\n');
}

/** The main thread's top-level tasks of `events` within SPAN_MS after `from` (nested ones folded in). */
function tasksAfter(main: TraceEvent[], from: number): TraceEvent[] {
  const tasks = main.filter(
    (e) => TASK.has(e.name) && e.ph === 'X' && e.ts >= from && e.ts <= from + SPAN_MS * 1000,
  );
  const end = (e: TraceEvent) => e.ts + (e.dur ?? 0);
  return tasks.filter(
    (task) =>
      !tasks.some(
        (o) => o !== task && o.ts <= task.ts && end(o) >= end(task) && (o.dur ?? 0) > (task.dur ?? 0),
      ),
  );
}

/** Prints the tasks after the first paint: how many, their CPU time, the longest ones and what they did. */
function summarise(trace: { traceEvents: TraceEvent[] }, pieces: string): void {
  const events = trace.traceEvents;
  const mark = events.find((e) => e.name === FIRST_PAINT_MARK);
  if (!mark) throw new Error('no first-paint mark in the trace');
  const main = events.filter((e) => e.pid === mark.pid && e.tid === mark.tid);
  const tasks = tasksAfter(main, mark.ts);
  // CPU time: on a machine shared with other work, wall time mostly says how long the task waited.
  const cpuOf = (t: TraceEvent) => (t.tdur ?? 0) / 1000;
  const cpu = tasks.reduce((sum, t) => sum + cpuOf(t), 0);
  const over50 = tasks.filter((t) => (t.dur ?? 0) >= 50_000).length;
  console.log(
    `${tasks.length} tasks in the ${SPAN_MS} ms after the first paint, CPU ${cpu.toFixed(0)} ms; ` +
      `${over50} of 50 ms or more (wall); step two: ${pieces}`,
  );
  for (const task of tasks.toSorted((a, b) => cpuOf(b) - cpuOf(a)).slice(0, TOP)) {
    const at = ((task.ts - mark.ts) / 1000).toFixed(0);
    const wall = ((task.dur ?? 0) / 1000).toFixed(1);
    console.log(`  +${at} ms: CPU ${cpuOf(task).toFixed(1)} ms (wall ${wall} ms)\n${breakdown(main, task)}`);
  }
}

/** Step two as the page saw it: pieces answered, and when the last answer came (ms after the first paint). */
async function stepTwo(page: Page): Promise<string> {
  const { answered, asked, lastAt } = await page.evaluate((markName) => {
    const w = globalThis as unknown as HarnessWindow & {
      performance: { getEntriesByName(name: string): { startTime: number }[] };
    };
    const painted = w.performance.getEntriesByName(markName).at(-1)?.startTime ?? 0;
    const pieces = w.lecternHarnessCalls.filter(
      (c) => c.method === 'readDocumentSections' && c.at >= painted,
    );
    const done = pieces.flatMap((c) => (c.doneAt === undefined ? [] : [c.doneAt - painted]));
    return { answered: done.length, asked: pieces.length, lastAt: Math.max(0, ...done) };
  }, FIRST_PAINT_MARK);
  return `${answered} of ${asked} pieces asked for answered, the last ${lastAt.toFixed(0)} ms after the first paint`;
}

test('trace of opening the 30 MB book', async ({ app }) => {
  test.skip(process.env.LECTERN_TRACE !== '1', 'a tool, not a figure: set LECTERN_TRACE=1 to run it');
  const browserApp = app as BrowserApp;
  const file = await thirtyMegabyteBook();
  const report = await browserApp.core.library.documents.importPaths([file]);
  const outcome = report.outcomes[0];
  if (outcome?.status !== 'imported') throw new Error(`could not import ${file}`);
  const id = outcome.document.id;
  await browserApp.core.library.documents.renameDocument(id, TITLE_30MB);
  await app.page.reload();
  await installFrameProbe(app.page);
  const library = new LibraryPage(app.page);
  const reader = new ReaderPage(app.page);
  const browser = app.page.context().browser();
  if (!browser) throw new Error('no browser to trace');
  for (let run = 0; run < 3; run++) {
    await library.waitUntilShown();
    const traced = run > 0;
    const cdp = await app.page.context().newCDPSession(app.page);
    if (traced) {
      await browser.startTracing(app.page, { categories: CATEGORIES.split(',') });
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await library.open(TITLE_30MB);
    await readerView(app.page).and(app.page.locator('[data-first-paint]')).waitFor();
    await app.page.waitForTimeout(SPAN_MS);
    if (traced) {
      const { profile } = await cdp.send('Profiler.stop');
      await writeFile(join(benchTmpDir, `open-30mb-${run}.cpuprofile`), JSON.stringify(profile));
      const buffer = await browser.stopTracing();
      await writeFile(join(benchTmpDir, `open-30mb-${run}.trace.json`), buffer);
      console.log(
        `run ${run}: first paint ${await readerView(app.page).getAttribute('data-first-paint')} ms`,
      );
      summarise(JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }, await stepTwo(app.page));
    }
    await cdp.detach();
    await reader.back();
    await startFromTheBeginning(browserApp, id);
  }
});
