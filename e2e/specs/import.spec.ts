/**
 * A user imports files through the Import… dialog or by dropping them on the window: good
 * files appear in the library, each bad one is named in a message, nothing else appears.
 */
import { expect, test } from '../fixtures';
import { dataTransferWith } from '../harness/drop';
import { writeFiles } from '../harness/files';
import { LibraryPage } from '../models/library-page';

const GOOD_MARKDOWN =
  '---\ntitle: A Field Guide to Moss\nauthor: R. Lichen\n---\n\nMoss grows where the light is soft.\n';
const GOOD_TEXT = 'Evening Notes from the Harbour\n\nThe boats came in late, heavy with herring.\n';

const BAD_FILES = {
  'empty.md': '',
  'binary.txt': new Uint8Array([
    0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x3e, 0x00,
  ]),
  // A BOM that says UTF-8, then a byte that is not (a file without a BOM is read as Windows-1252).
  'broken-bom.txt': new Uint8Array([0xef, 0xbb, 0xbf, 0x43, 0x61, 0x66, 0xe9, 0x0a]),
  'paper.pdf': '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n',
};

test('imports good files through the dialog and names each refused one', async ({
  app,
  scratchDir,
  saveScreenshot,
}) => {
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await expect(library.documents).toHaveCount(2);
  const good = await writeFiles(scratchDir, { 'moss.md': GOOD_MARKDOWN, 'harbour.txt': GOOD_TEXT });
  const bad = await writeFiles(scratchDir, BAD_FILES);

  await library.importThroughDialog(app, [...good, ...bad]);

  await expect(library.openButton('A Field Guide to Moss')).toBeVisible();
  await expect(library.openButton('Evening Notes from the Harbour')).toBeVisible();
  for (const name of Object.keys(BAD_FILES)) await expect(library.alert(name)).toBeVisible();
  await expect(library.documents).toHaveCount(4);
  await saveScreenshot('library-import-errors');

  // The same file again: it is already there, and nothing is added.
  await library.importThroughDialog(app, [good[0] as string]);
  await expect(library.status(/“moss\.md” is already in your library/)).toBeVisible();
  await expect(library.documents).toHaveCount(4);
});

test('cancelling the import dialog changes nothing', async ({ app }) => {
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await library.importThroughDialog(app, null);
  await expect(library.documents).toHaveCount(2);
  await expect(app.page.getByRole('alert')).toHaveCount(0);
});

test('imports files dropped on the window', async ({ app, saveScreenshot }) => {
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  const transfer = await dataTransferWith(app.page, {
    'dropped.md': '# Dropped Thoughts\n\nA paragraph that arrived by drag and drop.\n',
    'plain-drop.txt': 'Letters from a Lighthouse\n\nThe lamp was lit at dusk.\n',
    'picture.png': 'not really a picture',
  });
  const target = app.page.getByRole('main');
  await target.dispatchEvent('dragenter', { dataTransfer: transfer });
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await expect(app.page.getByText('Drop to import')).toBeVisible();
  await saveScreenshot('library-drop-overlay');
  await target.dispatchEvent('drop', { dataTransfer: transfer });

  await expect(library.openButton('Dropped Thoughts')).toBeVisible();
  await expect(library.openButton('Letters from a Lighthouse')).toBeVisible();
  await expect(library.alert('picture.png')).toBeVisible();
  await expect(library.documents).toHaveCount(4);
  await expect(app.page.getByText('Drop to import')).toBeHidden();
});
