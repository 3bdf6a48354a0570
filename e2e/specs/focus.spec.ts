/**
 * Keyboard focus across view changes and the virtualized list: Tab reaches every row, deleting
 * a document by keyboard hands focus to its neighbour, and closing the reader lands on the
 * library's heading — never on <body>.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { LibraryPage } from '../models/library-page';
import { ReaderPage } from '../models/reader-page';

const COUNT = 60;
const title = (i: number) => `Field Journal ${String(i).padStart(2, '0')}`;

test('Tab walks every row of a long library, and a keyboard delete keeps focus in the list', async ({
  app,
  scratchDir,
}) => {
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  const files = [];
  for (let i = 1; i <= COUNT; i++) {
    const file = join(scratchDir, `journal-${i}.md`);
    await writeFile(file, `# ${title(i)}\n\nDay ${i}: the swifts came back over the church tower at dusk.\n`);
    files.push(file);
  }
  await library.importThroughDialog(app, files);
  await expect(library.openButton(title(COUNT))).toBeVisible();
  await library.dismissToasts();
  await library.sortBy.selectOption({ label: 'Title' });
  await expect(library.documents.first()).toContainText(title(1));

  // Start on the first row, then Tab through each row's buttons (open, tags, rename, delete), to the next row's open, ...
  const stops = await library.row(title(1)).getByRole('button').count();
  expect(stops).toBeGreaterThanOrEqual(3);
  await library.openButton(title(1)).focus();
  for (let i = 1; i < COUNT; i++) for (let k = 0; k < stops; k++) await app.page.keyboard.press('Tab');
  await expect(library.openButton(title(COUNT))).toBeFocused();
  // And back up with Shift+Tab across rows that were recycled.
  for (let k = 0; k < stops * 30; k++) await app.page.keyboard.press('Shift+Tab');
  await expect(library.openButton(title(COUNT - 30))).toBeFocused();

  // Delete by keyboard (the row's last button): the dialog, Enter; the next row takes focus.
  for (let k = 1; k < stops; k++) await app.page.keyboard.press('Tab');
  await expect(app.page.getByRole('button', { name: `Delete “${title(COUNT - 30)}”` })).toBeFocused();
  await app.page.keyboard.press('Enter');
  await app.page.getByRole('dialog').getByRole('button', { name: 'Move to Trash' }).press('Enter');
  await expect(library.openButton(title(COUNT - 30))).toHaveCount(0);
  await expect(library.openButton(title(COUNT - 29))).toBeFocused();
});

test('closing the reader puts focus on the library heading and says so', async ({ app }) => {
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await library.open(/^Putin and Pashinian Meet in the Kremlin/);
  const reader = new ReaderPage(app.page);
  await reader.waitUntilShown();
  await expect(reader.readingArea).toBeFocused();
  await app.page.keyboard.press('Alt+ArrowLeft');
  await expect(app.page.getByRole('heading', { name: 'Library', level: 1 })).toBeFocused();
  await expect(app.page.getByRole('status').filter({ hasText: /^Library$/ })).toBeAttached();
});
