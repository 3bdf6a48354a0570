/**
 * A reader settles in with War and Peace: picks a theme, a font and a size, jumps through
 * the contents, pages with the keyboard and goes back to the library with Alt+←.
 */
import { expect, test } from '../fixtures';
import { warAndPeacePath } from '../harness/paths';
import { LibraryPage } from '../models/library-page';
import { ReaderPage } from '../models/reader-page';

const BOOK = 'War and Peace';
// The Gutenberg header and licence are folded: the first and last lines shown are the book's.
const FIRST_LINE = /^By Leo Tolstoy\/Tolstoi$/;
const BOOK_TWO_OPENING = /^In October, 1805, a Russian army was occupying the villages/;
const LAST_LINE = /a dependence of which we are not conscious\./;

test.beforeEach(async ({ app }) => {
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await library.importThroughDialog(app, [warAndPeacePath]);
  await expect(library.openButton(BOOK)).toBeVisible();
});

test('reading settings: theme, font and size', async ({ app, saveScreenshot }) => {
  await new LibraryPage(app.page).open(BOOK);
  const reader = new ReaderPage(app.page);
  await reader.waitUntilShown();
  await reader.expectOnScreen(reader.text.getByText(FIRST_LINE));
  const firstParagraph = reader.text.getByText(FIRST_LINE);

  await reader.openSettings();
  await reader.chooseTheme('Light');
  await saveScreenshot('reader-settings');
  await reader.chooseTheme('Dark');
  await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await reader.chooseTheme('Sepia');
  await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'sepia');
  await reader.chooseFont('Sans');
  await expect(firstParagraph).toHaveCSS('font-family', /sans/i);
  await reader.setSlider('Font size', 22);
  await expect(firstParagraph).toHaveCSS('font-size', '22px');

  // Settings belong to the library: they are still there after reopening.
  await app.page.keyboard.press('Escape');
  await expect(reader.settingsButton).toBeFocused();
  await reader.openSettings();
  await expect(reader.slider('Font size')).toHaveValue('22');
  await expect(app.page.getByRole('radio', { name: 'Sepia' })).toBeChecked();
  await expect(app.page.getByRole('radio', { name: 'Sans' })).toBeChecked();
});

test('screenshots of the reader in each theme', async ({ app, saveScreenshot }) => {
  await new LibraryPage(app.page).open(BOOK);
  const reader = new ReaderPage(app.page);
  await reader.waitUntilShown();
  for (const theme of ['Light', 'Dark', 'Sepia'] as const) {
    await reader.openSettings();
    await reader.chooseTheme(theme);
    await app.page.keyboard.press('Escape');
    await expect(app.page.getByRole('dialog', { name: 'Reading settings' })).toBeHidden();
    await saveScreenshot(`reader-${theme.toLowerCase()}`);
  }
});

test('contents: jumps to a chapter and marks it current', async ({ app, saveScreenshot }) => {
  await new LibraryPage(app.page).open(BOOK);
  const reader = new ReaderPage(app.page);
  await reader.waitUntilShown();

  const entry = await reader.jumpTo('CHAPTER I', 'BOOK TWO');
  await reader.expectOnScreen(
    reader.text.getByText(BOOK_TWO_OPENING),
    'the first paragraph of Book Two is on screen',
  );
  // Exactly one "CHAPTER I" heading (of fifteen) is on screen: Book Two's.
  expect(
    await reader.countOnScreen(reader.text.getByRole('heading', { name: 'CHAPTER I', exact: true })),
  ).toBe(1);
  await saveScreenshot('reader-toc');
  await expect(entry, 'the chosen chapter is marked current').toHaveAttribute('aria-current', 'location');

  // Esc closes the contents; it never leaves the book (Alt+← does).
  await app.page.keyboard.press('Escape');
  await expect(reader.toc).toBeHidden();
  await app.page.keyboard.press('Escape');
  await expect(reader.text).toBeVisible();
  await app.page.keyboard.press('Alt+ArrowLeft');
  await new LibraryPage(app.page).waitUntilShown();
});

test('keyboard: End, Home, Space and Alt+←', async ({ app }) => {
  await new LibraryPage(app.page).open(BOOK);
  const reader = new ReaderPage(app.page);
  await reader.waitUntilShown();
  await reader.expectOnScreen(reader.text.getByText(FIRST_LINE));

  await app.page.keyboard.press('End');
  await reader.expectOnScreen(reader.text.getByText(LAST_LINE), 'End shows the last paragraph');
  await app.page.keyboard.press('Home');
  await reader.expectOnScreen(reader.text.getByText(FIRST_LINE), 'Home shows the first paragraph');

  const before = await reader.scrollState();
  await app.page.keyboard.press(' ');
  await expect
    .poll(async () => (await reader.scrollState()).scrollTop, { message: 'Space pages down' })
    .toBeGreaterThan(before.scrollTop + 300);
  const after = await reader.scrollState();
  expect(after.firstVisibleText).not.toBe(before.firstVisibleText);

  await app.page.keyboard.press('Alt+ArrowLeft');
  await new LibraryPage(app.page).waitUntilShown();
  await expect(new LibraryPage(app.page).openButton(BOOK)).toBeVisible();
});
