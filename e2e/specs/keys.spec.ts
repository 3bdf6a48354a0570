/**
 * A reader who keeps their hands on the keyboard: Esc closes things but never leaves the book,
 * Alt+← goes back, reading keys return to the text after a toolbar click, and `?` lists every key.
 */
import { expect, test } from '../fixtures';
import { booksDir } from '../harness/paths';
import { LibraryPage } from '../models/library-page';
import { ReaderPage } from '../models/reader-page';

const BOOK = 'Moby-Dick; or, The Whale';

test.beforeEach(async ({ app }) => {
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await library.importThroughDialog(app, [`${booksDir}/moby-dick-excerpt.txt`]);
  await library.open(BOOK);
  await new ReaderPage(app.page).waitUntilShown();
});

test('Esc never leaves the book; Alt+← and the Library button do', async ({ app }) => {
  const reader = new ReaderPage(app.page);
  await reader.openContents();
  await reader.openSettings();
  for (let i = 0; i < 5; i++) await app.page.keyboard.press('Escape');
  await expect(reader.toc).toBeHidden();
  await expect(app.page.getByRole('dialog', { name: 'Reading settings' })).toBeHidden();
  await expect(reader.text, 'still in the book after five Esc presses').toBeVisible();

  await reader.readingArea.focus();
  await app.page.keyboard.press('Alt+ArrowLeft');
  const library = new LibraryPage(app.page);
  await expect(library.openButton(BOOK)).toBeVisible();
  await library.open(BOOK);
  await reader.waitUntilShown();
  await reader.back();
  await expect(library.openButton(BOOK)).toBeVisible();
});

test('after a toolbar button is clicked, Space reads on instead of pressing it again', async ({ app }) => {
  const reader = new ReaderPage(app.page);
  await reader.contentsButton.click();
  await expect(reader.toc).toBeVisible();
  await expect(reader.readingArea).toBeFocused();
  const before = await reader.scrollState();
  await app.page.keyboard.press(' ');
  await expect.poll(async () => (await reader.scrollState()).scrollTop).toBeGreaterThan(before.scrollTop);
  await expect(reader.toc, 'Space did not press Contents again').toBeVisible();
  // From the keyboard, focus stays on the button the user chose.
  await reader.contentsButton.focus();
  await app.page.keyboard.press('Enter');
  await expect(reader.toc).toBeHidden();
  await expect(reader.contentsButton).toBeFocused();
});

test('the shortcut sheet lists every key, from ? and Ctrl+/', async ({ app, saveScreenshot }) => {
  const sheet = app.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await new ReaderPage(app.page).readingArea.focus();
  await app.page.keyboard.press('?');
  await expect(sheet).toBeVisible();
  for (const group of ['Everywhere', 'Library', 'Reading', 'Highlighting'])
    await expect(sheet.getByRole('table', { name: group })).toBeVisible();
  await expect(sheet.getByRole('row', { name: /Back to the library/ })).toContainText('Alt+←');
  // Esc closes the sheet and leaves the reader where it was.
  await app.page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(new ReaderPage(app.page).text).toBeVisible();

  await new ReaderPage(app.page).back();
  const library = new LibraryPage(app.page);
  await library.dismissToasts();
  for (const theme of ['light', 'dark'] as const) {
    await library.setTheme(theme === 'light' ? 'Light' : 'Dark');
    await app.page.keyboard.press('Control+/');
    await expect(sheet).toBeVisible();
    await saveScreenshot(`shortcut-sheet-${theme}`);
    await sheet.getByRole('button', { name: 'Close' }).click();
    await expect(sheet).toBeHidden();
  }
  // In the filter field ? is a character, not the sheet.
  await library.filter.fill('');
  await library.filter.press('?');
  await expect(sheet).toBeHidden();
});
