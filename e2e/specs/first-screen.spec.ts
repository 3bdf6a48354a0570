/**
 * First screen first: a long book opens at a place deep inside it before the rest of its text
 * has arrived; a large library scrolls in windows without blank rows; a highlight shows at once
 * and goes, with a message, when it cannot be stored. Browser harness only (it holds and fails calls).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generatedTitle, writeGeneratedLibrary } from '../../bench/support';
import { expect, test } from '../fixtures';
import type { BrowserApp } from '../harness/browser-app';
import { makeTempDir, removeDir } from '../harness/core';
import { warAndPeacePath } from '../harness/paths';
import { HighlightsPanel } from '../models/highlights-panel';
import { LibraryPage } from '../models/library-page';
import { ReaderPage } from '../models/reader-page';

const BROWSER_ONLY = 'holds and fails core calls through the browser harness';

test('a long book opens at a saved place deep inside it before the rest of its text has loaded', async ({
  app,
}) => {
  test.skip(!app.faults, BROWSER_ONLY);
  // Rendering the whole book (3 MB) after the release is slow on a busy machine.
  test.setTimeout(120_000);
  const { library: core } = (app as BrowserApp).core;
  const report = await core.documents.importPaths([warAndPeacePath]);
  const outcome = report.outcomes[0];
  if (outcome?.status !== 'imported') throw new Error('War and Peace did not import');
  const id = outcome.document.id;
  // Chapter headings are sections; a place some 2,000 characters into one far into the book.
  const outline = (await core.opener.openDocumentStart(id))?.outline;
  let at = 0;
  const starts = outline?.lengths.map((length) => (at += length) - length) ?? [];
  const deep =
    outline?.titles.findIndex((title, i) => title === 'CHAPTER XX' && (starts[i] ?? 0) > 2_000_000) ?? -1;
  expect(deep).toBeGreaterThan(100);
  await core.documents.saveReadingPosition(id, { section: deep, offset: 0, quote: '', progress: 0.7 });
  const opened = await core.opener.openDocumentStart(id);
  const firstLine =
    opened?.firstText.split('\n').find((line) => line.length > 40 && !line.startsWith('#')) ?? '';

  const held = await app.faults!.holdCalls('readDocumentSections');
  await app.page.reload();
  const library = new LibraryPage(app.page);
  await library.open('War and Peace');
  const reader = new ReaderPage(app.page);
  await expect(app.page.getByText(firstLine.slice(0, 60))).toBeVisible();
  await reader.expectOnScreen(app.page.getByText(firstLine.slice(0, 60)));
  expect(held.asked()).toBe(true);
  await expect(app.page.locator('reader-view')).not.toHaveAttribute('data-rendered', 'all');
  held.release();
  await expect(app.page.locator('reader-view')).toHaveAttribute('data-rendered', 'all', { timeout: 60_000 });
  // The contents list every heading of the outline, the last chapter included, the current one marked.
  await reader.openContents();
  const headings = outline?.titles.filter((title) => title !== '') ?? [];
  await expect(reader.toc.getByRole('button')).toHaveCount(headings.length);
  await expect(reader.toc.getByRole('button').last()).toHaveText(headings.at(-1) ?? '');
  await expect(reader.toc.locator('button[aria-current="location"]')).toHaveText('CHAPTER XX');
  // Known gap: the place can drift once the text before it renders; not yet asserted here.
});

test('a library of 3,000 documents scrolls in windows, rows filling in as they come', async ({
  launchApp,
}) => {
  const root = await makeTempDir('lectern-e2e-3k-');
  try {
    await writeGeneratedLibrary(root, 3000);
    const app = await launchApp({ libraryDir: root });
    const library = new LibraryPage(app.page);
    await expect(library.openButton(generatedTitle(2999))).toBeVisible();
    await expect(app.page.getByText('3,000 documents')).toBeVisible();
    // Far below the first window: the rows there load when the list reaches them.
    await app.page.mouse.move(400, 400);
    await app.page.evaluate(() =>
      (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 200_000),
    );
    // Right after the jump the virtualizer may not have stamped the placeholders yet: wait for
    // the rows themselves, not for the absence of busy ones.
    const shownRows = async () => (await library.documents.allTextContents()).join('\n');
    await expect.poll(shownRows).toMatch(/Note 0[0-2]\d{3}/);
    await expect(app.page.locator('[aria-busy="true"]')).toHaveCount(0);
    expect(await shownRows()).not.toContain(generatedTitle(2999));
    // And back to the top: the first rows come back.
    await app.page.evaluate(() =>
      (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
    );
    await expect(library.openButton(generatedTitle(2999))).toBeVisible();
    await library.filter.fill('01234');
    await expect(library.documents).toHaveCount(1);
    await expect(library.openButton(generatedTitle(1234))).toBeVisible();
    await app.close();
  } finally {
    await removeDir(root);
  }
});

/** The aria-posinset of the rows in the viewport (real rows, not placeholders), top to bottom. */
async function positionsInView(page: import('@playwright/test').Page): Promise<number[]> {
  const rows = page.getByRole('listitem');
  const found: number[] = [];
  for (const row of await rows.all()) {
    if ((await row.getAttribute('aria-busy')) === 'true') continue;
    const box = await row.boundingBox();
    const viewport = page.viewportSize();
    if (box && viewport && box.y + box.height > 0 && box.y < viewport.height)
      found.push(Number(await row.getAttribute('aria-posinset')));
  }
  return found.toSorted((a, b) => a - b);
}

test('a jump to the middle of a 60,000-document list shows the middle rows, and the top shows row 1', async ({
  launchApp,
}) => {
  test.setTimeout(180_000);
  // 60,000 rows are taller than the 8.2 million px the virtualizer used to cap its box at.
  const count = 60_000;
  const root = await makeTempDir('lectern-e2e-60k-');
  try {
    await writeGeneratedLibrary(root, count);
    const app = await launchApp({ libraryDir: root });
    const library = new LibraryPage(app.page);
    await expect(library.openButton(generatedTitle(count - 1))).toBeVisible({ timeout: 30_000 });
    await app.page.mouse.move(400, 400);
    for (const fraction of [0.5, 0.9, 0.1]) {
      await library.scrollToFraction(fraction);
      await expect
        .poll(async () => (await positionsInView(app.page))[0] ?? 0)
        .toBeGreaterThan(count * fraction - count * 0.01);
      const shown = await positionsInView(app.page);
      expect(shown.at(-1) ?? 0).toBeLessThan(count * fraction + count * 0.01);
      // Newest first: row i is Note (count - i).
      const first = shown[0] ?? 0;
      await expect(library.openButton(generatedTitle(count - first))).toBeVisible();
    }
    await app.page.evaluate(() =>
      (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
    );
    await expect.poll(async () => (await positionsInView(app.page))[0]).toBe(1);
    await expect(library.openButton(generatedTitle(count - 1))).toBeVisible();
    await app.close();
  } finally {
    await removeDir(root);
  }
});

test('a highlight shows at once, and goes with a message when it cannot be stored', async ({
  app,
  scratchDir,
}) => {
  test.skip(!app.faults, BROWSER_ONLY);
  const file = join(scratchDir, 'heron.md');
  await writeFile(
    file,
    '# The Heron\n\nThe heron stood in the shallows for an hour, and the river went on around it.\n',
  );
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await library.importThroughDialog(app, [file]);
  await library.open('The Heron');
  const reader = new ReaderPage(app.page);
  await reader.waitUntilShown();
  await expect(app.page.locator('reader-view')).toHaveAttribute('data-anchor-ms', /\d/);
  const highlights = new HighlightsPanel(reader);
  await app.faults?.failNext('addHighlight', { code: 'disk-full', message: 'No space left on device' });
  await highlights.dragOver('stood in the shallows');
  await highlights.highlightAs('Key idea');
  await expect(app.page.getByRole('alert').filter({ hasText: 'Could not save the highlight' })).toContainText(
    'No space left on device.',
  );
  expect((await highlights.painted())['lectern-yellow'] ?? []).toEqual([]);
});
