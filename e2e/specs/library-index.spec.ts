/**
 * The library's row index: once built in the background, a jump far down the list shows real
 * rows (titles, bylines, actions) while the core's rows are still on their way, their excerpts
 * marked busy until they come; after a rename the old title is never shown again.
 * Browser harness only (it holds core calls).
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { generatedTitle, writeGeneratedLibrary } from '../../bench/support';
import { expect, test } from '../fixtures';
import type { BrowserApp } from '../harness/browser-app';
import { makeTempDir, removeDir } from '../harness/core';
import type { HarnessWindow } from '../harness/page-globals';
import { screenshotsDir } from '../harness/paths';
import { LibraryPage } from '../models/library-page';

const COUNT = 3000;

/** Row indexes answered so far (queryRowIndex calls that came back). */
const indexPagesAnswered = (page: Page): Promise<number> =>
  page.evaluate(
    () =>
      (globalThis as unknown as HarnessWindow).lecternHarnessCalls.filter(
        (c) => c.method === 'queryRowIndex' && c.doneAt !== undefined,
      ).length,
  );

interface ShadowHost {
  shadowRoot: { querySelector(selector: string): ShadowHost | null } | null;
  getBoundingClientRect(): { top: number };
}

/** Scrolls row `index` (from 0) to the top of the viewport. */
const jumpToRow = (page: Page, index: number): Promise<void> =>
  page.evaluate((i) => {
    const w = globalThis as unknown as {
      document: { querySelector(selector: string): ShadowHost | null };
      scrollTo(x: number, y: number): void;
      scrollY: number;
    };
    const list = w.document
      .querySelector('lectern-app')
      ?.shadowRoot?.querySelector('library-view')
      ?.shadowRoot?.querySelector('.list');
    if (!list) throw new Error('no list box');
    w.scrollTo(0, list.getBoundingClientRect().top + w.scrollY + i * 170);
  }, index);

test('a jump shows real rows from the row index before the core answers, and a rename is never shown stale', async ({
  launchApp,
}) => {
  test.setTimeout(120_000);
  const root = await makeTempDir('lectern-e2e-index-');
  try {
    await writeGeneratedLibrary(root, COUNT);
    const app = await launchApp({ libraryDir: root });
    test.skip(!app.faults, 'holds core calls through the browser harness');
    const library = new LibraryPage(app.page);
    await expect(library.openButton(generatedTitle(COUNT - 1))).toBeVisible();
    await expect.poll(() => indexPagesAnswered(app.page), { timeout: 20_000 }).toBeGreaterThan(0);
    await app.page.mouse.move(400, 400);

    // The core's rows are held: whatever the jump shows comes from the index.
    const held = await app.faults!.holdCalls('queryDocuments');
    await library.scrollToFraction(0.5);
    // Newest first: row i is Note (COUNT - 1 - i); the middle is around Note 01500.
    const middle = app.page.getByRole('button', { name: /^Note 01[45]\d\d on / });
    await expect(middle.first()).toBeVisible();
    await expect(app.page.locator('[role="listitem"][aria-busy="true"]')).toHaveCount(0);
    await expect(app.page.locator('.excerpt[aria-busy="true"]').first()).toBeAttached();
    expect(held.asked()).toBe(true);
    for (const scheme of ['light', 'dark'] as const) {
      // Reduced motion: the theme's background transition would be caught half-way.
      await app.page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      // The app applies the system's scheme when it hears of the change: not before that.
      await expect(app.page.locator('html')).toHaveAttribute('data-theme', scheme);
      await app.page.screenshot({ path: join(screenshotsDir, `browser-library-index-${scheme}.png`) });
    }
    await app.page.emulateMedia({ colorScheme: 'light', reducedMotion: null });
    held.release();
    await expect(app.page.locator('[aria-busy="true"]')).toHaveCount(0);
    await expect(app.page.getByText('A short generated note about').first()).toBeVisible();

    // A document far from the view renamed (by another window): the index is rebuilt, and a jump
    // there with the core held shows the new title, never the old one.
    const { core } = app as BrowserApp;
    const far = generatedTitle(999); // row 2000, newest first
    const record = core.library.catalog.list().find((r) => r.title === far);
    if (record === undefined) throw new Error(`no document titled ${far}`);
    const pagesBefore = await indexPagesAnswered(app.page);
    await core.handlers.renameDocument(record.id, 'Renamed: far down the library');
    await expect.poll(() => indexPagesAnswered(app.page), { timeout: 20_000 }).toBeGreaterThan(pagesBefore);
    const heldAgain = await app.faults!.holdCalls('queryDocuments');
    await jumpToRow(app.page, 2000);
    await expect(library.openButton('Renamed: far down the library')).toBeVisible();
    await expect(library.openButton(far)).toHaveCount(0);
    await expect(library.openButton(generatedTitle(998))).toBeVisible();
    heldAgain.release();
    await app.close();
  } finally {
    await removeDir(root);
  }
});
