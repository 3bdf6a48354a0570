/**
 * Search from the palette: Ctrl+K from anywhere, results as you type grouped by kind with the match
 * marked, arrows and Enter open a passage in its document at its place, Escape returns.
 */
import { expect, test } from '../fixtures';
import { booksDir } from '../harness/paths';
import { LibraryPage } from '../models/library-page';
import { ReaderPage } from '../models/reader-page';
import { SearchPaletteModel } from '../models/search-palette';

const BOOK = 'Moby-Dick; or, The Whale';

test('finds a passage with a typo, opens it at its place, and Escape returns focus', async ({
  app,
  saveScreenshot,
}) => {
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await library.importThroughDialog(app, [`${booksDir}/moby-dick-excerpt.txt`]);
  await library.dismissToasts();
  const palette = new SearchPaletteModel(app.page);

  await palette.open();
  await expect(palette.dialog.getByText('is:note')).toBeVisible();
  await app.page.keyboard.press('Escape');
  await expect(palette.dialog).toBeHidden();

  await palette.open();
  await palette.search('moby');
  await expect(palette.option(/Moby-Dick/).first()).toBeVisible();
  await palette.search('hyperboran');
  const passage = palette.option(/Hyperborean winter scene/);
  await expect(passage).toBeVisible();
  await expect(passage.locator('mark')).toHaveText('Hyperborean');
  await expect(palette.dialog.getByText('Passages', { exact: true })).toBeVisible();
  await saveScreenshot('search-palette-light');
  await app.page.keyboard.press('Escape');

  await library.setTheme('Dark');
  await palette.open();
  await palette.search('whale');
  await expect(palette.option(/whale/i).first()).toBeVisible();
  await saveScreenshot('search-palette-dark');
  await palette.search('"icebound stream"');
  await expect(palette.option(/icebound stream/)).toHaveCount(1);
  await expect(palette.input).toHaveAttribute('aria-activedescendant', 'option-0');
  await app.page.keyboard.press('Enter');

  const reader = new ReaderPage(app.page);
  await reader.waitUntilShown();
  await expect(palette.dialog).toBeHidden();
  await reader.expectOnScreen(reader.text.getByText(/icebound stream of Time/), 'the passage is on screen');
  expect(await reader.isOnScreen(reader.text.getByText(BOOK).first()), 'scrolled past the start').toBe(false);
});
