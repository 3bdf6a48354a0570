/**
 * The reader's Highlights panel with many highlights on the 1 MB book, measured in the page:
 * - highlights.panel.open.1000 / .10000: from the click on "Highlights" to the frame after the
 *   panel is rendered and laid out (median of 5 opens); .close.N the same for closing it, as a
 *   control: the reader's own share (its text re-laid out and its highlights repainted);
 * - highlights.panel.nodes.1000 / .10000: elements in the open panel (its shadow trees included).
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Page } from '@playwright/test';
import { HIGHLIGHT_COLORS, type Highlight } from '../preload/api';
import { describeRange } from '../common/anchoring/describe';
import { expect, test } from '../e2e/fixtures';
import type { BrowserApp } from '../e2e/harness/browser-app';
import { LibraryPage } from '../e2e/models/library-page';
import { ReaderPage } from '../e2e/models/reader-page';
import { median, recordMetric } from './results';
import { passages } from './highlight-texts';
import { oneMegabyteBook } from './support';

const TITLE = 'War and Peace (first 1 MB)';
const NOTES = ['Compare with the opening of part two.', 'Tolstoy on chance.\n\nSee the battle chapters.'];

/** Structural DOM types for the page-side function (the Node tsconfig has no DOM lib). */
interface PageRoot {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}
interface PageElement {
  shadowRoot: PageRoot | null;
  click(): void;
}
interface PageGlobals {
  performance: { now(): number };
  requestAnimationFrame(callback: () => void): number;
  setTimeout(callback: () => void, ms: number): number;
}

/** Runs in the page: clicks "Highlights" (opens or closes the panel) and times it to the frame after; counts the panel's elements. */
function togglePanel(view: PageElement): Promise<{ ms: number; nodes: number }> {
  const page = globalThis as unknown as PageGlobals;
  const count = (root: PageRoot): number =>
    Array.from(root.querySelectorAll('*')).reduce(
      (n, el) => n + 1 + (el.shadowRoot ? count(el.shadowRoot) : 0),
      0,
    );
  const started = page.performance.now();
  view.shadowRoot?.querySelector('.highlights-button')?.click();
  return new Promise((resolve) =>
    // After the next frame's layout and paint: a task queued from its animation frame.
    page.requestAnimationFrame(() =>
      page.setTimeout(() => {
        const ms = page.performance.now() - started;
        const panel = view.shadowRoot?.querySelector('highlight-panel')?.shadowRoot;
        resolve({ ms, nodes: panel ? count(panel) : 0 });
      }, 0),
    ),
  );
}

async function measure(page: Page, count: number): Promise<void> {
  const view = page.locator('reader-view');
  const panel = page.getByRole('complementary', { name: 'Highlights' });
  const runs: { ms: number; nodes: number }[] = [];
  // Closing re-lays out the reader the same way with no panel to render: what the reader's share is.
  const closes: number[] = [];
  const toggle = () => view.evaluate(togglePanel as (el: unknown) => Promise<{ ms: number; nodes: number }>);
  for (let run = 0; run < 5; run++) {
    runs.push(await toggle());
    await expect(panel).toBeVisible();
    closes.push((await toggle()).ms);
    await expect(panel).toBeHidden();
  }
  console.log(
    `panel with ${count}: open ${runs.map((r) => r.ms.toFixed(1)).join(', ')} ms; close ${closes.map((ms) => ms.toFixed(1)).join(', ')} ms; ${runs[0]?.nodes} elements`,
  );
  recordMetric(`highlights.panel.open.${count}`, median(runs.map((r) => r.ms)), 100);
  recordMetric(`highlights.panel.close.${count}`, median(closes), null);
  recordMetric(`highlights.panel.nodes.${count}`, runs[0]?.nodes ?? 0, 2000, 'elements');
}

/** Opens the book and waits for its highlights to be placed and painted. */
async function openBook(page: Page): Promise<void> {
  await page
    .locator('reader-view')
    .evaluateAll((views) => views.forEach((v) => v.removeAttribute('data-paint-ms')));
  await new LibraryPage(page).open(TITLE);
  await expect(page.locator('reader-view')).toHaveAttribute('data-paint-ms', /\d/, { timeout: 120_000 });
}

test('opening the Highlights panel with 1,000 and 10,000 highlights', async ({ app }) => {
  test.setTimeout(20 * 60_000);
  const { library } = (app as BrowserApp).core;
  const imported = (await library.documents.importPaths([await oneMegabyteBook()])).outcomes[0];
  if (imported?.status !== 'imported') throw new Error(`could not import: ${JSON.stringify(imported)}`);
  const { id, textVersion } = imported.document;
  await library.documents.renameDocument(id, TITLE);
  await app.page.reload();
  await new LibraryPage(app.page).open(TITLE);
  await expect(app.page.locator('reader-view')).toHaveAttribute('data-rendered', 'all');
  const text = await app.page
    .locator('reader-view')
    .evaluate((v) => v.shadowRoot?.querySelector('.sections')?.textContent ?? '');
  const spans = passages(text, 10_000).toSorted((a, b) => a.start - b.start);
  const now = new Date().toISOString();
  const all: Highlight[] = spans.map(({ start, end }, index) => ({
    id: randomBytes(8).toString('hex'),
    documentId: id,
    color: HIGHLIGHT_COLORS[index % HIGHLIGHT_COLORS.length] ?? 'yellow',
    ...describeRange(text, start, end),
    anchoredVersion: textVersion,
    unplaced: false,
    needsCheck: false,
    tags: [],
    note: index % 7 === 0 ? (NOTES[index % 2] ?? null) : null,
    createdAt: now,
    updatedAt: now,
  }));
  const reader = new ReaderPage(app.page);
  for (const count of [1000, 10_000]) {
    // Every tenth first, so the first 1,000 are spread over the whole book; then the other 9,000.
    const picked = all.filter((_, i) => (i % 10 === 0) === (count === 1000));
    const added = await library.highlights.addMany(id, () => picked);
    if (!added.ok) throw new Error(added.message);
    await reader.back();
    const opening = performance.now();
    await openBook(app.page);
    console.log(
      `book with ${count} highlights opened and painted in ${(performance.now() - opening).toFixed(0)} ms`,
    );
    await measure(app.page, count);
  }
});
