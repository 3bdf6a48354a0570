/**
 * A reader highlights a passage of their notes, exports the document's notes into a folder
 * (the folder dialog stubbed), reads the file, writes their own thoughts under it, highlights
 * more and exports again: the new highlight is in, their thoughts are kept byte for byte.
 */
import { appendFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../fixtures';
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
