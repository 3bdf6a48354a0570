/**
 * A reader looks for the whale in Moby-Dick: Ctrl+F, every match counted and marked, Enter and
 * F3 step through them (round the ends), the options narrow them, a match becomes a highlight,
 * and Esc gives the text back its focus where the search left it.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { booksDir } from '../harness/paths';
import { FindBarModel } from '../models/find-bar';
import { HighlightsPanel } from '../models/highlights-panel';
import { LibraryPage } from '../models/library-page';
import { ReaderPage } from '../models/reader-page';

const BOOK = 'Moby-Dick; or, The Whale';

/** How often `pattern` occurs in the document's text: the count the bar must give, found another way. */
async function occurrences(page: Page, pattern: RegExp): Promise<number> {
  // textContent, not innerText: chunks scrolled far away are not rendered, and innerText skips them.
  const text = (await page.locator('reader-view .sections').textContent()) ?? '';
  return [...text.matchAll(pattern)].length;
}

async function openBook(page: Page, app: Parameters<LibraryPage['importThroughDialog']>[0]) {
  const library = new LibraryPage(page);
  await library.waitUntilShown();
  await library.importThroughDialog(app, [`${booksDir}/moby-dick-excerpt.txt`]);
  await library.dismissToasts();
  await library.open(BOOK);
  const reader = new ReaderPage(page);
  await reader.waitUntilShown();
  // The highlights are placed once the whole text is on the page.
  await expect(page.locator('reader-view')).toHaveAttribute('data-anchor-ms', /\d/);
  return reader;
}

test('finds every whale, steps through them, narrows, highlights one and returns to the text', async ({
  app,
  saveScreenshot,
}) => {
  const reader = await openBook(app.page, app);
  const find = new FindBarModel(app.page);
  const all = await occurrences(app.page, /whale/gi);
  const words = await occurrences(app.page, /\bwhale\b/gi);
  expect(all).toBeGreaterThan(words);

  await reader.readingArea.focus();
  await find.open();
  await find.search('whale', `1 of ${all}`);
  const marks = await find.marks();
  expect(marks.current.map((t) => t.toLowerCase())).toEqual(['whale']);
  expect(marks.all).toHaveLength(all);

  await app.page.keyboard.press('Enter');
  await expect(find.status).toHaveText(`2 of ${all}`);
  await app.page.keyboard.press('Shift+Enter');
  await app.page.keyboard.press('Shift+Enter');
  await expect(find.status).toHaveText(`${all} of ${all}`);
  await app.page.keyboard.press('F3');
  await expect(find.status).toHaveText(`1 of ${all}`);
  await find.next.click();
  await expect(find.status).toHaveText(`2 of ${all}`);
  await expect(find.field).toBeFocused();

  await find.wholeWords.click();
  await expect(find.wholeWords).toHaveAttribute('aria-pressed', 'true');
  await expect(find.status).toHaveText(new RegExp(`^\\d+ of ${words}$`));
  await find.wholeWords.click();
  await find.matchCase.click();
  // The current match is the first from the reading place on, not the first in the book.
  await find.search('WHALE', new RegExp(`^\\d of ${await occurrences(app.page, /WHALE/g)}$`));
  await find.matchCase.click();

  // Regular expression characters are literal; a miss says so.
  await find.search('.*', 'No matches');
  await find.search('stranded', '1 of 1');
  await new LibraryPage(app.page).dismissToasts();
  await saveScreenshot('find-light');
  await find.field.focus();

  await app.page.keyboard.press('Alt+Enter');
  const highlights = new HighlightsPanel(reader);
  await expect.poll(async () => (await highlights.painted())['lectern-yellow'] ?? []).toContain('stranded');

  const before = await reader.scrollState();
  await app.page.keyboard.press('Escape');
  await expect(find.bar).toBeHidden();
  await expect(reader.readingArea).toBeFocused();
  expect((await reader.scrollState()).scrollTop).toBe(before.scrollTop);
  expect((await find.marks()).all).toEqual([]);
});

test('the find bar in the dark theme, with the last query back', async ({ app, saveScreenshot }) => {
  const reader = await openBook(app.page, app);
  await reader.openSettings();
  await reader.chooseTheme('Dark');
  await app.page.keyboard.press('Escape');
  const find = new FindBarModel(app.page);
  await reader.readingArea.focus();
  await find.open();
  // The first matches are in the collapsed Project Gutenberg header: going to one opens it.
  const header = app.page.locator('reader-view details').first();
  await expect(header).not.toHaveAttribute('open');
  await find.search('the', /^\d+ of \d+$/);
  const [at = 1, total = 0] = ((await find.status.textContent()) ?? '').split(' of ').map(Number);
  for (let i = 1; i < at; i++) await app.page.keyboard.press('Shift+Enter');
  await expect(find.status).toHaveText(`1 of ${total}`);
  await expect(header).toHaveAttribute('open', '');
  expect((await find.marks()).current).toEqual(['The']);
  await app.page.keyboard.press('Enter');
  await expect(find.status).toHaveText(/^2 of \d+$/);
  await new LibraryPage(app.page).dismissToasts();
  await saveScreenshot('find-dark');
  await app.page.keyboard.press('Escape');
  await find.open();
  await expect(find.field).toHaveValue('the');
  await expect(find.status).toHaveText(/^\d+ of \d+$/);
});
