/**
 * Books as people have them: a Project Gutenberg .txt opens at the book with its chapters in
 * the contents, the licence kept but folded; an old Windows-1252 file comes in converted and
 * says so; footnotes are links; six bad files are each named with their reason.
 */
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { writeFiles } from '../harness/files';
import { booksDir } from '../harness/paths';
import { LibraryPage } from '../models/library-page';
import { ReaderPage } from '../models/reader-page';

const MOBY_DICK = 'Moby-Dick; or, The Whale';

test('a Gutenberg book opens at the book, with its chapters in the contents', async ({
  app,
  saveScreenshot,
}) => {
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await library.importThroughDialog(app, [join(booksDir, 'moby-dick-excerpt.txt')]);
  await expect(library.row(MOBY_DICK)).toContainText('Call me Ishmael. Some years ago');
  await expect(library.row(MOBY_DICK)).not.toContainText('Project Gutenberg');
  await library.open(MOBY_DICK);

  const reader = new ReaderPage(app.page);
  await reader.waitUntilShown();
  const licenceLine = reader.text.getByText(/This eBook is for the use of anyone anywhere/);
  await expect(licenceLine).toBeHidden();
  await reader.expectOnScreen(reader.text.getByText('MOBY-DICK;', { exact: true }));
  expect(await reader.firstVisibleText()).not.toMatch(/Project Gutenberg EBook/);

  await reader.openContents();
  const entries = reader.toc.getByRole('button');
  await expect(entries).toHaveText([
    'CHAPTER 1. Loomings.',
    'CHAPTER 2. The Carpet-Bag.',
    'CHAPTER 3. The Spouter-Inn.',
  ]);
  await saveScreenshot('reader-gutenberg-contents');
  await reader.jumpTo('CHAPTER 2. The Carpet-Bag.');
  await reader.expectOnScreen(reader.text.getByText(/^I stuffed a shirt or two into my old carpet-bag/));

  // The header is kept: one click unfolds it.
  await reader.text.getByText('Project Gutenberg header', { exact: true }).click();
  await expect(licenceLine).toBeVisible();
});

test('an old Windows-1252 file is imported converted, and the import says so', async ({
  app,
  scratchDir,
}) => {
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  // “Café crème” with curly quotes, as Windows Notepad saved it.
  const bytes = new Uint8Array([
    0x93, 0x43, 0x61, 0x66, 0xe9, 0x20, 0x63, 0x72, 0xe8, 0x6d, 0x65, 0x94, 0x0d, 0x0a,
  ]);
  const files = await writeFiles(scratchDir, { 'menu.txt': bytes });
  await library.importThroughDialog(app, files);
  await expect(library.openButton('“Café crème”')).toBeVisible();
  await expect(library.status(/Read as Windows-1252/)).toBeVisible();
});

test('footnotes are links to their notes and back', async ({ app, scratchDir }) => {
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  const note =
    '---\ntitle: The Burial of the Dead\n---\n\nApril is the cruellest month, breeding\nLilacs out of the dead land[^1], mixing\n' +
    'Memory and desire.\n\n[^1]: Not only the title, but the plan of the poem were suggested by Miss Weston’s book.\n';
  await library.importThroughDialog(app, await writeFiles(scratchDir, { 'waste-land.md': note }));
  await expect(library.row('The Burial of the Dead')).toContainText('April is the cruellest month');
  await expect(library.row('The Burial of the Dead')).not.toContainText('[^1]');
  await library.open('The Burial of the Dead');
  const reader = new ReaderPage(app.page);
  await reader.waitUntilShown();
  await expect(reader.text).not.toContainText('[^1]');
  // No heading in the text: the contents say why they are empty.
  await reader.openContents();
  await expect(reader.toc).toContainText('no headings to list');
  await reader.text.getByRole('link', { name: '1', exact: true }).click();
  await reader.expectOnScreen(reader.text.getByText(/Not only the title/));
  await expect(reader.text.getByRole('link', { name: '↩︎' })).toHaveAttribute('href', '#fnref-1');
});

test('a title in the front matter and again as the first heading is shown once', async ({
  app,
  scratchDir,
}) => {
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  const guide = '---\ntitle: "Don\'t Panic: a guide"\n---\n\n# Don’t Panic — A Guide\n\nKeep your towel.\n';
  await library.importThroughDialog(app, await writeFiles(scratchDir, { 'guide.md': guide }));
  await library.open('Don’t Panic — A Guide');
  const reader = new ReaderPage(app.page);
  await reader.waitUntilShown();
  await expect(reader.text.getByText('Keep your towel.')).toBeVisible();
  await expect(reader.text.getByRole('heading', { name: /Panic/ })).toHaveCount(1);
});

test('an import of six bad files names every one with its reason', async ({
  app,
  scratchDir,
  saveScreenshot,
}) => {
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  const bad = await writeFiles(scratchDir, {
    'empty.md': '',
    'blank.txt': ' \n\t\n',
    'program.txt': new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x00, 0x3e, 0x00]),
    'broken-bom.md': new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xe9, 0x0a]),
    'paper.pdf': '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n',
    'photo.jpeg': new Uint8Array([0xff, 0xd8, 0xff, 0xe0]),
  });
  await library.importThroughDialog(app, bad);
  const report = library.alert('6 files could not be imported.');
  await expect(report).toBeVisible();
  await report.getByText('Show each file and why').click();
  const reasons = report.getByRole('listitem');
  await expect(reasons).toHaveCount(6);
  for (const name of ['empty.md', 'blank.txt', 'program.txt', 'broken-bom.md', 'paper.pdf', 'photo.jpeg']) {
    await expect(reasons.filter({ hasText: `“${name}”` })).toHaveCount(1);
  }
  await expect(reasons.filter({ hasText: '“broken-bom.md” is not valid UTF-8' })).toHaveCount(1);
  await expect(app.page.getByText(/more files could not be imported/)).toHaveCount(0);
  await saveScreenshot('library-import-report');
});
