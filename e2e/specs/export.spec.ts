/**
 * A reader highlights a passage of their notes, exports the document's notes into a folder
 * (the folder dialog stubbed), reads the file, writes their own thoughts under it, highlights
 * more and exports again: the new highlight is in, their thoughts are kept byte for byte. Then
 * the whole library at once, through the Export dialog, with a template of their own.
 */
import { appendFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '../fixtures';
import { ExportDialogModel } from '../models/export-dialog';
import { HighlightsPanel } from '../models/highlights-panel';
import { LibraryPage } from '../models/library-page';
import { ReaderPage } from '../models/reader-page';

const TITLE = 'Field Notes: "Rivers" #1';
const NOTES = `# ${TITLE}

## Water

The first paragraph talks about *rivers* and **mountains**, and how water finds its way around every stone.

## Birds

Evening brings the owls out of the beech wood, and the fox along the hedge to the water meadow.
`;

test('exports a document’s notes to a folder and re-exports keeping what the reader wrote', async ({
  app,
  scratchDir,
  saveScreenshot,
}) => {
  const source = join(scratchDir, 'field-notes.md');
  await writeFile(source, NOTES);
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await library.importThroughDialog(app, [source]);
  await library.open(TITLE);
  const reader = new ReaderPage(app.page);
  await reader.waitUntilShown();
  await expect(app.page.locator('reader-view')).toHaveAttribute('data-anchor-ms', /\d/);
  const highlights = new HighlightsPanel(reader);
  await highlights.dragOver('how water finds its way');
  await highlights.highlightAs('Key idea');

  const exportButton = app.page.getByRole('button', { name: 'Export notes…' });
  await expect(exportButton).toHaveAttribute('title', /Export notes/);
  // Cancelling the dialog writes nothing and says nothing.
  await app.queueDialogResult(null);
  await exportButton.click();
  const folder = join(scratchDir, 'vault');
  await mkdir(folder);
  await app.queueDialogResult([folder]);
  await exportButton.click();
  await expect(library.status(/Notes exported to/)).toBeVisible();
  const files = await readdir(folder);
  expect(files).toEqual(['Field Notes Rivers 1.md']);
  const file = join(folder, files[0] ?? '');
  const first = await readFile(file, 'utf8');
  expect(first).toContain('title: "Field Notes: \\"Rivers\\" #1"');
  expect(first).toMatch(/### Water\n\n> how water finds its way/);
  expect(first).toContain('<!-- lectern:end -->');
  await saveScreenshot('reader-export-done');

  // The reader writes below Lectern's part, highlights more, exports again.
  const mine = '\n## My thoughts\n\nRivers *remember* their courses.\n';
  await appendFile(file, mine);
  await library.dismissToasts();
  await highlights.dragOver('owls out of the beech wood');
  await highlights.highlightAs('Key idea');
  await app.queueDialogResult([folder]);
  await exportButton.click();
  await expect(library.status(/updated; your own text in it was kept/)).toBeVisible();
  const second = await readFile(file, 'utf8');
  expect(second).toMatch(/### Birds\n\n> owls out of the beech wood/);
  expect(second.endsWith(`<!-- lectern:end -->\n${mine}`)).toBe(true);
  expect(await readdir(folder)).toEqual(['Field Notes Rivers 1.md']);

  // Copy as markdown puts the same notes on the clipboard.
  await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.page.getByRole('button', { name: 'Copy notes as markdown' }).click();
  await expect(library.status('Notes copied as markdown.')).toBeVisible();
  // The Node tsconfig has no DOM lib: the page-side call is typed by hand.
  const copied = await app.page.evaluate(() =>
    (
      globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
    ).navigator.clipboard.readText(),
  );
  expect(copied).toContain('> owls out of the beech wood');
});

const ESSAY = `# On Rivers

Rivers *remember* their courses long after the water has gone, and the valley keeps the shape of them.
`;

test('exports the whole library into a folder, previews a template of their own, and reads the report', async ({
  app,
  scratchDir,
  saveScreenshot,
}) => {
  const sources = [join(scratchDir, 'field-notes.md'), join(scratchDir, 'rivers.md')];
  await writeFile(sources[0] ?? '', NOTES);
  await writeFile(sources[1] ?? '', ESSAY);
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await library.importThroughDialog(app, sources);
  await expect(app.page.getByRole('button', { name: /On Rivers/ }).first()).toBeVisible();
  await library.dismissToasts();

  const exporter = new ExportDialogModel(app.page);
  await exporter.open();
  await expect(exporter.preview).toContainText('lectern-id:');
  // The preview is of the export's files: the first of four, as written, with its size.
  await expect(exporter.previewedFile).toHaveText(/^File 1 of 4: .+\.md, \d+(\.\d)? (bytes|KB)$/);
  await expect(exporter.preview).toContainText('<!-- lectern:end -->');
  await expect(exporter.dialog.getByRole('button', { name: 'Previous file' })).toBeDisabled();
  await exporter.stepFile('Next');
  await expect(exporter.previewedFile).toHaveText(/^File 2 of 4: /);
  // By keyboard to the last file: Next stays focused there, doing nothing more.
  await app.page.keyboard.press('Enter');
  await expect(exporter.previewedFile).toHaveText(/^File 3 of 4: /);
  await app.page.keyboard.press('Enter');
  await expect(exporter.previewedFile).toHaveText(/^File 4 of 4: /);
  await expect(exporter.dialog.getByRole('button', { name: 'Next file' })).toBeDisabled();
  await expect(exporter.dialog.getByRole('button', { name: 'Next file' })).toBeFocused();
  await app.page.keyboard.press('Enter');
  await expect(exporter.previewedFile).toHaveText(/^File 4 of 4: /);
  await exporter.fileChoice.selectOption({ label: 'Field Notes Rivers 1.md' });
  await expect(exporter.previewedFile).toHaveText(/^File \d of 4: Field Notes Rivers 1\.md, /);
  await expect(exporter.preview).toContainText('title: "Field Notes: \\"Rivers\\" #1"');
  // Only what a tag selects; none: the preview says nothing would be written.
  await exporter.dialog.getByRole('textbox', { name: 'Tag' }).fill('no-such-tag');
  await expect(exporter.dialog.getByText('No document is in this choice')).toBeVisible();
  await saveScreenshot('export-dialog-empty');
  await exporter.dialog.getByRole('radio', { name: 'All documents' }).check();
  await expect(exporter.previewedFile).toHaveText(/^File 1 of 4: /);
  await exporter.fileChoice.selectOption({ label: 'On Rivers.md' });
  await expect(exporter.preview).toContainText('# On Rivers');
  await saveScreenshot('export-dialog-light');
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot('export-dialog-dark');
  // The dialog alone: the page behind it is inert while it is open (and audited by a11y.spec).
  const audit = await new AxeBuilder({ page: app.page })
    .include({ fromShadowDom: ['lectern-app', 'library-view', 'export-dialog'] })
    .analyze();
  expect(audit.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  await app.page.emulateMedia({ colorScheme: 'light' });

  // Their own template: the preview follows; a mistake names its line and blocks the export.
  await exporter.chooseFormat('My template (Mustache)');
  await exporter.typeTemplate('Notes on {{title}}\n\n{{#highlights}}\n{{quote}}\n');
  await expect(exporter.dialog.getByRole('alert')).toContainText('line 3');
  await expect(exporter.dialog.getByRole('button', { name: 'Export…' })).toBeDisabled();
  await exporter.typeTemplate('Notes on {{title}}\n\n{{#highlights}}\n{{quote}}\n{{/highlights}}\n');
  await expect(exporter.preview).toContainText(/Notes on (On Rivers|Field Notes)/);
  await saveScreenshot('export-dialog-template');

  const folder = join(scratchDir, 'library-export');
  await mkdir(folder);
  await app.queueDialogResult([folder]);
  const summary = await exporter.exportAll();
  // The two seeded documents (the welcome guide, the sample article) are in the library too.
  await expect(summary).toHaveText('4 files: 4 created.');
  const items = await exporter.openFileList();
  await expect(items).toHaveCount(4);
  await expect(items.filter({ hasText: 'On Rivers.md: created' })).toHaveCount(1);
  await saveScreenshot('export-dialog-report');
  const files = await readdir(folder);
  expect(files).toHaveLength(5);
  expect(files).toEqual(
    expect.arrayContaining(['.lectern-export.json', 'Field Notes Rivers 1.md', 'On Rivers.md']),
  );
  const rivers = await readFile(join(folder, 'On Rivers.md'), 'utf8');
  expect(rivers).toContain('Notes on On Rivers');
  expect(rivers).toContain('<!-- lectern:end -->');

  // Export again into the same folder: nothing changed, nothing written.
  await exporter.dialog.getByRole('button', { name: 'Export again' }).click();
  await expect(summary).toHaveText('4 files: 4 unchanged.');
  await exporter.close();
  await expect(exporter.dialog).toBeHidden();

  // Opened again, the preview names the files as that folder has them, and can export there again.
  await exporter.open();
  await expect(exporter.dialog.getByText('Files named as in “library-export”')).toBeVisible();
  await expect(exporter.fileChoice.getByRole('option')).toHaveCount(4);
  await exporter.dialog.getByRole('button', { name: 'Export again' }).click();
  await expect(summary).toHaveText('4 files: 4 unchanged.');
  await exporter.close();
});
