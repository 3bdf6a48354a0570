/**
 * Looking after the library: rename a document, move one to the trash (and undo), restore one
 * from the trash, empty the library; the library in each theme.
 */
import { expect, test } from '../fixtures';
import { writeFiles } from '../harness/files';
import { LibraryPage } from '../models/library-page';
import { TrashPage } from '../models/trash-page';

const SAMPLE_TITLE = 'Putin and Pashinian Meet in the Kremlin';
const WELCOME_TITLE = 'Welcome to Lectern';

async function importNotes(
  app: Parameters<LibraryPage['importThroughDialog']>[0],
  dir: string,
  library: LibraryPage,
) {
  const files = await writeFiles(dir, {
    'moss.md': '---\ntitle: A Field Guide to Moss\n---\n\nMoss grows where the light is soft.\n',
    'tides.md': '# Tide Tables\n\nHigh water at dawn, low water at noon.\n',
  });
  await library.importThroughDialog(app, files);
  await expect(library.openButton('A Field Guide to Moss')).toBeVisible();
  await expect(library.openButton('Tide Tables')).toBeVisible();
}

test('renames a document', async ({ app, scratchDir }) => {
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await importNotes(app, scratchDir, library);

  await library.rename('A Field Guide to Moss', 'Mosses of the Northern Coast');
  await expect(library.openButton('Mosses of the Northern Coast')).toBeVisible();
  await expect(library.openButton('A Field Guide to Moss')).toHaveCount(0);

  // An empty title is refused inside the dialog, which stays open.
  await app.page.getByRole('button', { name: 'Rename “Tide Tables”' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Rename document' });
  await dialog.getByLabel('New title').fill('   ');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(library.openButton('Tide Tables')).toBeVisible();
});

test('deletes a document after confirming, and undoes it from the toast', async ({ app, scratchDir }) => {
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await importNotes(app, scratchDir, library);

  // Cancel keeps it.
  const dialog = await library.askToDelete('Tide Tables');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(library.openButton('Tide Tables')).toBeVisible();

  await library.delete('Tide Tables');
  await expect(library.openButton('Tide Tables')).toHaveCount(0);
  await app.page.getByRole('button', { name: 'Undo' }).click();
  await expect(library.openButton('Tide Tables')).toBeVisible();
  await expect(library.documents).toHaveCount(4);
});

test('restores a deleted document from the trash', async ({ app, scratchDir, saveScreenshot }) => {
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await importNotes(app, scratchDir, library);

  await library.delete('A Field Guide to Moss');
  await expect(library.openButton('A Field Guide to Moss')).toHaveCount(0);
  await library.trashButton.click();
  const trash = new TrashPage(app.page);
  await expect(trash.restoreButton('A Field Guide to Moss')).toBeVisible();
  await library.dismissToasts();
  await saveScreenshot('trash');
  await trash.restore('A Field Guide to Moss');
  await expect(trash.restoreButton('A Field Guide to Moss')).toHaveCount(0);
  await trash.backButton.click();
  await expect(library.openButton('A Field Guide to Moss')).toBeVisible();
  await expect(library.documents).toHaveCount(4);
});

test('an empty library invites an import', async ({ app, saveScreenshot }) => {
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  // The two documents a new library starts with (the welcome guide and the sample article).
  await library.delete(WELCOME_TITLE);
  await library.delete(SAMPLE_TITLE);
  await expect(app.page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
  await expect(library.documents).toHaveCount(0);
  await library.dismissToasts();
  await saveScreenshot('library-empty');
});

test('the library in each theme', async ({ app, scratchDir, saveScreenshot }) => {
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await importNotes(app, scratchDir, library);
  await library.dismissToasts();
  for (const theme of ['Light', 'Dark', 'Sepia'] as const) {
    await library.setTheme(theme);
    await expect(app.page.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase());
    await saveScreenshot(`library-${theme.toLowerCase()}`);
  }
});
