/**
 * Clearing out the trash: delete one document forever (after a confirmation that can be
 * cancelled), then empty the rest; the trash view takes focus on its heading when it opens.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { LibraryPage } from '../models/library-page';
import { TrashPage } from '../models/trash-page';

const DOCS = {
  'moss.md': '# A Field Guide to Moss\n\nMoss grows where the light is soft and the stone stays damp.\n',
  'lichen.md': '# Lichens of the Old Wall\n\nA lichen is two lives in one: a fungus and the alga it farms.\n',
  'ferns.md': '# Ferns in Winter\n\nThe hart’s-tongue fern keeps its green when the wood is bare.\n',
};

test('delete forever, one then all, each after a confirmation', async ({
  app,
  scratchDir,
  saveScreenshot,
}) => {
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  const files = [];
  for (const [name, text] of Object.entries(DOCS)) {
    files.push(join(scratchDir, name));
    await writeFile(join(scratchDir, name), text);
  }
  await library.importThroughDialog(app, files);
  for (const title of ['A Field Guide to Moss', 'Lichens of the Old Wall', 'Ferns in Winter']) {
    await expect(library.openButton(title)).toBeVisible();
    await library.delete(title);
  }
  await library.dismissToasts();
  const trash = new TrashPage(app.page);
  for (const theme of ['Light', 'Dark'] as const) {
    await library.setTheme(theme);
    await library.trashButton.click();
    await expect(app.page.getByRole('heading', { name: 'Trash', level: 1 })).toBeFocused();
    await expect(trash.deleteForeverButton('A Field Guide to Moss')).toBeVisible();
    await saveScreenshot(`trash-${theme.toLowerCase()}`);
    await trash.backButton.click();
  }
  await library.trashButton.click();

  // Cancel keeps it.
  let dialog = await trash.askToDeleteForever('Ferns in Winter');
  await expect(dialog).toContainText('cannot be undone');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(trash.restoreButton('Ferns in Winter')).toBeVisible();

  dialog = await trash.askToDeleteForever('Ferns in Winter');
  await dialog.getByRole('button', { name: 'Delete forever' }).click();
  await expect(trash.restoreButton('Ferns in Winter')).toHaveCount(0);
  await expect(library.status('Deleted “Ferns in Winter” forever')).toBeVisible();
  await expect(trash.restoreButton('A Field Guide to Moss')).toBeVisible();

  dialog = await trash.askToDeleteForever('all');
  await expect(dialog.getByRole('heading')).toHaveText('Delete 2 documents forever?');
  await dialog.getByRole('button', { name: 'Empty trash' }).click();
  await expect(app.page.getByText('The trash is empty')).toBeVisible();
  await expect(trash.emptyButton).toHaveCount(0);

  // Gone for good: nothing comes back after going to the library and back.
  await trash.backButton.click();
  await library.trashButton.click();
  await expect(app.page.getByText('The trash is empty')).toBeVisible();
});

test('the pruning rule is shown in the trash, changed by keyboard, and kept', async ({ app }) => {
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await library.trashButton.click();
  const rule = app.page.getByRole('combobox', { name: 'Delete for good' });
  await expect(rule).toHaveValue('30');
  await expect(app.page.getByText('earlier versions kept by “Update from file”')).toBeVisible();
  await rule.focus();
  await rule.selectOption({ label: 'Never' });
  await expect(rule).toHaveValue('never');
  // Stored, not just shown: it is still "Never" after the app loads again.
  await expect
    .poll(
      async () =>
        JSON.parse(await readFile(join(app.libraryDir, 'library.json'), 'utf8')).settings.pruneAfterDays,
    )
    .toBeNull();
  await app.page.reload();
  await library.waitUntilShown();
  await library.trashButton.click();
  await expect(rule).toHaveValue('never');
  await rule.selectOption({ label: 'After 7 days' });
  await expect(rule).toHaveValue('7');
});
