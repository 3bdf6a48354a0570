/**
 * Measuring how long a document takes to open, shared by the open benches: the reader's own
 * first-paint figure, click to the first frame with a given line, and the split between the
 * harness's round trip and the renderer's share.
 */
import type { Page } from '@playwright/test';
import { expect } from '../e2e/fixtures';
import type { BrowserApp } from '../e2e/harness/browser-app';
import { lastInputAt, startTextProbe } from '../e2e/harness/frame-probe';
import type { HarnessWindow } from '../e2e/harness/page-globals';
import { LibraryPage } from '../e2e/models/library-page';
import { ReaderPage } from '../e2e/models/reader-page';
import { type AfterPaint, afterPaint, watchAfterPaint } from './after-paint-probe';

/** Set by <reader-view> at the first frame with text (FIRST_PAINT_MARK in renderer/reader/reader-document.ts). */
const FIRST_PAINT_MARK = 'lectern:reader-first-paint';

export interface OpenTimes {
  reported: number[];
  external: number[];
  transfer: number[];
  afterData: number[];
  /** What followed each first paint (only when measureOpens is given a span to watch). */
  afterPaint: AfterPaint[];
}

/** The last openDocument round trip and the reader's first-paint mark, on the page clock. */
export async function splitOfLastOpen(page: Page): Promise<{ transfer: number; afterData: number }> {
  const times = await page.evaluate((mark) => {
    const w = globalThis as unknown as HarnessWindow & {
      performance: { getEntriesByName(name: string): { startTime: number }[] };
    };
    const call = w.lecternHarnessCalls.findLast((c) => c.method === 'openDocumentStart');
    const painted = w.performance.getEntriesByName(mark).at(-1);
    return { at: call?.at, doneAt: call?.doneAt, paintedAt: painted?.startTime };
  }, FIRST_PAINT_MARK);
  const { at, doneAt, paintedAt } = times;
  if (at === undefined || doneAt === undefined || paintedAt === undefined || paintedAt < doneAt) {
    throw new Error(`cannot split the open: ${JSON.stringify(times)}`);
  }
  return { transfer: doneAt - at, afterData: paintedAt - doneAt };
}

/** The benchmark data attribute is the one thing read with a CSS selector. */
export const readerView = (page: Page) => page.locator('reader-view');

/** Every open starts at the top: wait for the reader's own last save, then reset the position. */
export async function startFromTheBeginning(app: BrowserApp, id: string): Promise<void> {
  await expect
    .poll(() =>
      app.page.evaluate(() =>
        (globalThis as unknown as HarnessWindow).lecternHarnessCalls.every(
          (c) => c.method !== 'saveReadingPosition' || c.doneAt !== undefined,
        ),
      ),
    )
    .toBe(true);
  await app.core.library.documents.saveReadingPosition(id, { section: 0, offset: 0, quote: '', progress: 0 });
}

/**
 * Opens `title` five times from the library, each from the top, until `earlyLine` shows; with
 * `afterPaintMs`, each time also watches that long after the first paint (see after-paint-probe.ts).
 */
export async function measureOpens(
  app: BrowserApp,
  title: string,
  id: string,
  earlyLine: string,
  afterPaintMs = 0,
): Promise<OpenTimes> {
  const library = new LibraryPage(app.page);
  const reader = new ReaderPage(app.page);
  const reported: number[] = [];
  const external: number[] = [];
  const transfer: number[] = [];
  const afterData: number[] = [];
  const followed: AfterPaint[] = [];
  if (afterPaintMs > 0) await watchAfterPaint(app.page);
  for (let i = 0; i < 5; i++) {
    await library.waitUntilShown();
    // In case the element outlives a visit, forget the previous figure.
    await readerView(app.page).evaluateAll((views) =>
      views.forEach((v) => v.removeAttribute('data-first-paint')),
    );
    const painted = await startTextProbe(app.page, [earlyLine]);
    await library.open(title);
    const shownAt = await painted();
    external.push(shownAt - (await lastInputAt(app.page)));
    await expect(readerView(app.page)).toHaveAttribute('data-first-paint', /^\d+(\.\d+)?$/);
    reported.push(Number(await readerView(app.page).getAttribute('data-first-paint')));
    const split = await splitOfLastOpen(app.page);
    transfer.push(split.transfer);
    afterData.push(split.afterData);
    if (afterPaintMs > 0) followed.push(await afterPaint(app.page, afterPaintMs));
    await reader.back();
    await startFromTheBeginning(app, id);
  }
  return { reported, external, transfer, afterData, afterPaint: followed };
}
