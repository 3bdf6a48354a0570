/**
 * Find in the 3 MB book (War and Peace), measured in the page through the real app:
 * - find.3mb: from the search starting (typing settled) to the frame after every match of "the"
 *   is counted and the ones around the reading place are marked (the controller's
 *   `lectern:find` performance measure), median of 5, the text folded beforehand as the bar
 *   does while the reader types;
 * - find.3mb.fold: folding the book's text once per document (done when the bar opens), reported;
 * - find.3mb.longestTask: the longest main-thread task (over 50 ms, else 0) during those searches:
 *   a freeze would show here.
 * It also opens the book and searches at once, before its text is all on the page: the bar must
 * count what is there and say so, then complete.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../e2e/fixtures';
import type { BrowserApp } from '../e2e/harness/browser-app';
import { FindBarModel } from '../e2e/models/find-bar';
import { LibraryPage } from '../e2e/models/library-page';
import { median, recordMetric } from './results';
import { warAndPeacePath } from './support';

const TITLE = 'War and Peace';
const RUNS = 5;

interface Measured {
  startTime: number;
  duration: number;
  detail: { matches: number; partial: boolean; query: string };
}

/** Page side: every `name` performance measure so far, and the long tasks seen since `since`. */
function readMeasures(args: { name: string; since: number }): {
  measures: Measured[];
  tasks: { startTime: number; duration: number }[];
} {
  const page = globalThis as unknown as {
    performance: { getEntriesByName(name: string): Measured[] };
    lecternLongTasks?: { startTime: number; duration: number }[];
  };
  const tasks = (page.lecternLongTasks ?? []).filter((t) => t.startTime >= args.since);
  return {
    measures: page.performance
      .getEntriesByName(args.name)
      .map(({ startTime, duration, detail }) => ({ startTime, duration, detail })),
    tasks,
  };
}

/** Page side: collects long tasks (over 50 ms) into a global list. */
function watchLongTasks(): void {
  const page = globalThis as unknown as {
    lecternLongTasks: { startTime: number; duration: number }[];
    PerformanceObserver: new (
      callback: (list: { getEntries(): { startTime: number; duration: number }[] }) => void,
    ) => {
      observe(options: object): void;
    };
  };
  page.lecternLongTasks = [];
  new page.PerformanceObserver((list) => {
    for (const { startTime, duration } of list.getEntries())
      page.lecternLongTasks.push({ startTime, duration });
  }).observe({ type: 'longtask', buffered: false });
}

const pageNow = (page: Page): Promise<number> => page.evaluate(() => performance.now());

/** Types `query` and waits for its completed (whole-text) measure; returns it. */
async function measuredSearch(page: Page, find: FindBarModel, query: string): Promise<Measured> {
  const before = (await page.evaluate(readMeasures, { name: 'lectern:find', since: 0 })).measures.length;
  await find.field.fill(query);
  await expect
    .poll(async () => (await page.evaluate(readMeasures, { name: 'lectern:find', since: 0 })).measures.length)
    .toBeGreaterThan(before);
  const { measures } = await page.evaluate(readMeasures, { name: 'lectern:find', since: 0 });
  const last = measures.at(-1) as Measured;
  expect(last.detail.query).toBe(query);
  return last;
}

test('find and mark every match of a common word in the 3 MB book', async ({ app }) => {
  const { library } = (app as BrowserApp).core;
  const report = await library.documents.importPaths([warAndPeacePath]);
  const outcome = report.outcomes[0];
  if (outcome?.status !== 'imported') throw new Error(`could not import: ${JSON.stringify(outcome)}`);
  await library.documents.renameDocument(outcome.document.id, TITLE);
  await app.page.reload();
  const find = new FindBarModel(app.page);

  // At once, before the rest of the text is on the page: a count of what is there, said to be partial.
  await new LibraryPage(app.page).open(TITLE);
  await expect(app.page.getByRole('main', { name: 'Reading area' })).toBeFocused();
  await find.open();
  await find.field.fill('Pierre');
  await expect(find.status).toHaveText(/so far: the rest is loading|Searching…/);
  await expect(find.status).toHaveText(/^1 of [\d,]+$/, { timeout: 60_000 });
  await expect(app.page.locator('reader-view')).toHaveAttribute('data-anchor-ms', /\d/);

  // The whole text's folding: the last one (the partial texts were folded before it).
  const folds = (await app.page.evaluate(readMeasures, { name: 'lectern:find-fold', since: 0 })).measures;
  const fold = folds.at(-1);
  await app.page.evaluate(watchLongTasks);
  const since = await pageNow(app.page);

  const durations: number[] = [];
  let matches = 0;
  for (let run = 0; run < RUNS; run++) {
    await measuredSearch(app.page, find, 'th');
    const measured = await measuredSearch(app.page, find, 'the');
    expect(measured.detail.partial).toBe(false);
    durations.push(measured.duration);
    matches = measured.detail.matches;
  }
  // Long tasks during the searches (Playwright's own role queries walk the 3 MB page between them).
  const { tasks, measures: all } = await app.page.evaluate(readMeasures, { name: 'lectern:find', since });
  const measures = all.filter((m) => m.startTime >= since);
  const during = tasks.filter((t) =>
    measures.some((m) => t.startTime < m.startTime + m.duration && t.startTime + t.duration > m.startTime),
  );
  const longest = Math.max(0, ...during.map((t) => t.duration));
  await expect(find.status).toHaveText(new RegExp(`^[\\d,]+ of ${matches.toLocaleString('en')}$`));
  console.log(
    `find.3mb: ${durations.map((d) => d.toFixed(1)).join(', ')} ms for ${matches} matches of "the"`,
  );
  console.log(
    `find.3mb.fold: ${fold?.duration.toFixed(1)} ms; longest task while searching ${longest.toFixed(1)} ms`,
  );
  recordMetric('find.3mb', median(durations), 50);
  recordMetric('find.3mb.fold', fold?.duration ?? Number.NaN, null);
  recordMetric('find.3mb.longestTask', longest, null);
});
