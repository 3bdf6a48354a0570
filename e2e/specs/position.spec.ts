/** The reader comes back to War and Peace and finds the page where they left it. */
import { expect, test } from '../fixtures';
import { warAndPeacePath } from '../harness/paths';
import { LibraryPage } from '../models/library-page';
import { ReaderPage } from '../models/reader-page';

const BOOK = 'War and Peace';

test('reopening restores the position, and a font size change keeps the same text at the top', async ({
  app,
}) => {
  const library = new LibraryPage(app.page);
  const reader = new ReaderPage(app.page);
  await library.waitUntilShown();
  await library.importThroughDialog(app, [warAndPeacePath]);
  await library.open(BOOK);
  await reader.waitUntilShown();

  await reader.jumpTo('CHAPTER V', 'BOOK SEVEN');
  await app.page.keyboard.press('Escape'); // close the contents
  await expect(reader.toc).toBeHidden();
  // Click into the text (the middle of the window), then page down to a paragraph.
  await app.page.mouse.click(640, 400);
  let marker = '';
  for (let i = 0; i < 8 && marker.length < 60; i++) {
    const before = (await reader.scrollState()).scrollTop;
    await app.page.keyboard.press(' ');
    await expect
      .poll(async () => (await reader.scrollState()).scrollTop, { message: 'Space pages down' })
      .toBeGreaterThan(before);
    marker = await reader.firstVisibleText();
  }
  expect(marker.length, 'a paragraph is at the top').toBeGreaterThanOrEqual(60);

  await reader.back();
  await library.waitUntilShown();
  // The row shows how far the reader got (soft: the story goes on either way).
  await expect
    .soft(library.row(BOOK).getByRole('progressbar'), 'the library shows the reading progress')
    .not.toHaveAttribute('aria-valuenow', '0');
  await library.open(BOOK);
  await reader.waitUntilShown();
  await expect.poll(() => reader.firstVisibleText()).toBe(marker);

  await reader.openSettings();
  await reader.setSlider('Font size', 24);
  await app.page.keyboard.press('Escape');
  await expect.poll(() => reader.firstVisibleText()).toBe(marker);
  await reader.openSettings();
  await reader.setSlider('Font size', 15);
  await app.page.keyboard.press('Escape');
  await expect.poll(() => reader.firstVisibleText()).toBe(marker);
});
