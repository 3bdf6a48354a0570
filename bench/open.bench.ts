/**
 * open.1mb.firstPaint / open.3mb.firstPaint: from the request to open a document to the first
 * frame with its text, as the reader reports it (`<reader-view data-first-paint="<ms>">`),
 * median of 5 opens, each from the top of the document. Also measured from outside (the click to the first frame showing a line
 * of the book) as `.external`, to keep the reader's own clock honest.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../e2e/fixtures';
import type { BrowserApp } from '../e2e/harness/browser-app';
import { installFrameProbe, lastInputAt, startTextProbe } from '../e2e/harness/frame-probe';
import type { HarnessWindow } from '../e2e/harness/page-globals';
import { LibraryPage } from '../e2e/models/library-page';
import { ReaderPage } from '../e2e/models/reader-page';
import { median, recordMetric } from './results';
import { oneMegabyteBook, warAndPeacePath } from './support';

/** A line some 400 characters into the book: on the first screen, but not in the library's excerpt. */
const EARLY_LINE = 'Posting Date: January 10, 2009';

/** The benchmark data attribute is the one thing read with a CSS selector. */
const readerView = (page: Page) => page.locator('reader-view');

/** Every open starts at the top: wait for the reader's own last save, then reset the position. */
async function startFromTheBeginning(app: BrowserApp, id: string): Promise<void> {
  await expect
    .poll(() =>
      app.page.evaluate(() =>
        (globalThis as unknown as HarnessWindow).lecternHarnessCalls.every((c) => c.method !== 'saveReadingPosition' || c.doneAt !== undefined),
      ),
    )
    .toBe(true);
  await app.core.library.saveReadingPosition(id, { section: 0, offset: 0, quote: '', progress: 0 });
}

async function measureOpens(app: BrowserApp, title: string, id: string): Promise<{ reported: number[]; external: number[] }> {
  const library = new LibraryPage(app.page);
  const reader = new ReaderPage(app.page);
  const reported: number[] = [];
  const external: number[] = [];
  for (let i = 0; i < 5; i++) {
    await library.waitUntilShown();
    // In case the element outlives a visit, forget the previous figure.
    await readerView(app.page).evaluateAll((views) => views.forEach((v) => v.removeAttribute('data-first-paint')));
    const painted = await startTextProbe(app.page, [EARLY_LINE]);
    await library.open(title);
    const shownAt = await painted();
    external.push(shownAt - (await lastInputAt(app.page)));
    await expect(readerView(app.page)).toHaveAttribute('data-first-paint', /^\d+(\.\d+)?$/);
    reported.push(Number(await readerView(app.page).getAttribute('data-first-paint')));
    await reader.back();
    await startFromTheBeginning(app, id);
  }
  return { reported, external };
}

test('first paint of a 1 MB and a 3 MB document', async ({ app }) => {
  const browserApp = app as BrowserApp;
  const { library } = browserApp.core;
  const cases = [
    { metric: 'open.1mb.firstPaint', file: await oneMegabyteBook(), title: 'War and Peace (first 1 MB)', target: 50 },
    { metric: 'open.3mb.firstPaint', file: warAndPeacePath, title: 'War and Peace', target: 150 },
  ];
  const ids = new Map<string, string>();
  for (const c of cases) {
    const report = await library.importPaths([c.file]);
    const outcome = report.outcomes[0];
    if (outcome?.status !== 'imported') throw new Error(`could not import ${c.file}: ${JSON.stringify(outcome)}`);
    await library.renameDocument(outcome.document.id, c.title);
    ids.set(c.metric, outcome.document.id);
  }
  await app.page.reload();
  await installFrameProbe(app.page);
  for (const c of cases) {
    const { reported, external } = await measureOpens(browserApp, c.title, ids.get(c.metric) as string);
    console.log(`${c.metric}: reader-reported ${reported.map((r) => r.toFixed(1)).join(', ')} ms; click-to-text ${external.map((r) => r.toFixed(1)).join(', ')} ms`);
    recordMetric(c.metric, median(reported), c.target);
    recordMetric(`${c.metric}.external`, median(external), c.target);
  }
});
