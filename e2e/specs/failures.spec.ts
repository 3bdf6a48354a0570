/**
 * When the core fails, the user is told what failed and why, and nothing pretends otherwise:
 * a refused delete leaves the document listed; a library that will not load offers Retry; a
 * recolour that cannot be stored goes back to the old colour; a bug inside the core reaches
 * the user as an 'internal' error they can copy for a report. The failures are forced through
 * the harness's fault hook, which only the browser project has.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type LecternTestApp } from '../fixtures';
import type { FaultHook } from '../harness/app';
import { dropFiles } from '../harness/drop';
import { HighlightsPanel } from '../models/highlights-panel';
import { LibraryPage } from '../models/library-page';
import { ReaderPage } from '../models/reader-page';

const SAMPLE_TITLE = /^Putin and Pashinian Meet in the Kremlin/;
const NO_FAULT_HOOK =
  'the Electron app has no fault hook: core failures are forced only in the browser harness';

/** What "Copy details" put on the clipboard (the page's globals; this file has no DOM types). */
async function clipboardText(app: LecternTestApp): Promise<string> {
  type PageWithClipboard = { navigator: { clipboard: { readText(): Promise<string> } } };
  return app.page.evaluate(() => (globalThis as unknown as PageWithClipboard).navigator.clipboard.readText());
}

function faultsOf(app: LecternTestApp): FaultHook {
  test.skip(!app.faults, NO_FAULT_HOOK);
  return app.faults as FaultHook;
}

test('a delete the core refuses says why, and the document stays listed', async ({ app, saveScreenshot }) => {
  const faults = faultsOf(app);
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  const title = (await library.openButton(SAMPLE_TITLE).textContent())?.trim() ?? '';
  await faults.failNext('deleteDocument', {
    code: 'read-only',
    message: 'The library folder is read-only (EROFS: read-only file system, rename)',
  });
  await library.delete(title);

  const alert = library.alert('Could not move');
  await expect(alert).toContainText(`Could not move “${title}” to the trash.`);
  await expect(alert).toContainText(
    'The library folder is read-only (EROFS: read-only file system, rename).',
  );
  await expect(library.openButton(SAMPLE_TITLE)).toBeVisible();
  await expect(library.documents).toHaveCount(2);
  await saveScreenshot('failure-toast');
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot('failure-toast-dark');

  // Copy details puts what a bug report needs on the clipboard; the toast stays.
  await alert.getByRole('button', { name: 'Copy details' }).click();
  await expect(alert).toBeVisible();
  const details = await clipboardText(app);
  expect(details).toContain('Method: deleteDocument');
  expect(details).toContain('Code: read-only');
  expect(details).toMatch(/Time: \d{4}-\d\d-\d\dT/);
  expect(details).toMatch(/App: Mozilla\/5\.0/);

  // The core answers again: the same delete now works.
  await library.dismissToasts();
  await library.delete(title);
  await expect(library.documents).toHaveCount(1);
});

test('files dragged in while the core cannot get ready say so, and the drop still imports', async ({
  app,
}) => {
  const faults = faultsOf(app);
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await faults.failNext('prepareImport', { code: 'internal', message: 'The converter could not start' });
  await dropFiles(app.page, { 'dragged.md': '# Dragged In\n\nA paragraph.\n' });

  await expect(library.alert('Could not get ready to import')).toContainText('The converter could not start');
  await expect(library.openButton('Dragged In')).toBeVisible();
});

test('a library that fails to load shows why, and Retry loads it', async ({ app, saveScreenshot }) => {
  const faults = faultsOf(app);
  const library = new LibraryPage(app.page);
  // The first load must be over, or it (not the reload) would meet the failure.
  await expect(library.openButton(SAMPLE_TITLE)).toBeVisible();
  await faults.failNext('queryDocuments', {
    code: 'io',
    message: 'EIO: i/o error, read ‘library.json’',
  });
  await app.page.reload();
  const error = app.page.getByRole('alert').filter({ hasText: 'Your library could not be loaded' });
  await expect(error).toContainText('EIO: i/o error, read ‘library.json’');
  await expect(error).toContainText('Error code: io');
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot('failure-library-dark');

  await error.getByRole('button', { name: 'Retry' }).click();
  await expect(library.openButton(SAMPLE_TITLE)).toBeVisible();
  await expect(error).toBeHidden();
});

test('a recolour the core cannot store goes back to the old colour, with a message', async ({
  app,
  scratchDir,
}) => {
  const faults = faultsOf(app);
  const file = join(scratchDir, 'heron.md');
  await writeFile(
    file,
    '# The Heron\n\nThe heron stood in the shallows for an hour, and the river went on around it.\n',
  );
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await library.importThroughDialog(app, [file]);
  await library.open('The Heron');
  const reader = new ReaderPage(app.page);
  await reader.waitUntilShown();
  await expect(app.page.locator('reader-view')).toHaveAttribute('data-anchor-ms', /\d/);
  const highlights = new HighlightsPanel(reader);
  await highlights.dragOver('stood in the shallows');
  await highlights.highlightAs('Key idea');
  await expect
    .poll(async () => (await highlights.painted())['lectern-yellow'])
    .toEqual(['stood in the shallows']);

  await faults.failNext('updateHighlight', { code: 'disk-full', message: 'No space left on device' });
  await highlights.clickOn('in the shallows');
  await highlights.popover.getByRole('button', { name: 'Change colour to Evidence' }).click();
  await expect(
    app.page.getByRole('alert').filter({ hasText: 'Could not change the highlight’s colour' }),
  ).toContainText('No space left on device.');
  const painted = await highlights.painted();
  expect(painted['lectern-yellow']).toEqual(['stood in the shallows']);
  expect(painted['lectern-blue'] ?? []).toEqual([]);
});

test('an unexpected error inside the core reaches the user as an internal error', async ({ app }) => {
  const faults = faultsOf(app);
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await faults.throwInNextDialog('Cannot read properties of undefined (reading ‘filePaths’)');
  await library.importButton.click();
  const alert = library.alert('Could not import');
  await expect(alert).toContainText(
    'Lectern could not complete chooseAndImportFiles: Cannot read properties of undefined (reading ‘filePaths’)',
  );
  await alert.getByRole('button', { name: 'Copy details' }).click();
  const details = await clipboardText(app);
  expect(details).toContain('Method: chooseAndImportFiles');
  expect(details).toContain('Code: internal');
  await expect(library.documents).toHaveCount(2);
});

test('a document or the trash that fails to load offers Retry, and a way back', async ({
  app,
  saveScreenshot,
}) => {
  const faults = faultsOf(app);
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await faults.failNext('openDocumentStart', {
    code: 'unreadable',
    message: 'EACCES: permission denied, open',
  });
  await library.open(SAMPLE_TITLE);
  const failed = app.page.getByRole('alert').filter({ hasText: 'This document could not be opened' });
  await expect(failed).toContainText('EACCES: permission denied, open');
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot('failure-reader-dark');
  await failed.getByRole('button', { name: 'Retry' }).click();
  const reader = new ReaderPage(app.page);
  await reader.waitUntilShown();
  await expect(reader.text.getByText(/Putin emphasized the “strategic character”/)).toBeVisible();
  await reader.back();

  await faults.failNext('listTrash', { code: 'io', message: 'EIO: i/o error, scandir ‘trash’' });
  await library.trashButton.click();
  const trashFailed = app.page.getByRole('alert').filter({ hasText: 'The trash could not be loaded' });
  await expect(trashFailed).toContainText('EIO: i/o error, scandir ‘trash’');
  await trashFailed.getByRole('button', { name: 'Retry' }).click();
  await expect(app.page.getByText('The trash is empty')).toBeVisible();
});

test('a settings change the core cannot store goes back, with a message', async ({ app }) => {
  const faults = faultsOf(app);
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await library.setTheme('Light');
  const theme = app.page.getByRole('button', { name: /^Theme: / });
  await faults.failNext('updateSettings', { code: 'read-only', message: 'The library folder is read-only' });
  await theme.click(); // Light → Dark, at once; then the write fails.
  await expect(library.alert('Could not save the settings')).toContainText(
    'The library folder is read-only.',
  );
  await expect(theme).toHaveAttribute('aria-label', 'Theme: Light');
  await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'light');
});
