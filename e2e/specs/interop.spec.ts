/**
 * A reader brings their Kindle highlights: they choose `My Clippings.txt` (the file dialog
 * stubbed), see each book with the document it matched, confirm a look-alike title, import,
 * read the report and find the highlights painted in the book, the one that is not in this
 * edition listed as unplaced. Then they export the book's highlights as W3C JSON-LD.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { HighlightsPanel } from '../models/highlights-panel';
import { LibraryPage } from '../models/library-page';
import { ReaderPage } from '../models/reader-page';

// George Long's translation of the Meditations (1862), public domain.
const MEDITATIONS = `# Meditations

## Book II

Begin the morning by saying to thyself, I shall meet with the busy-body, the ungrateful, arrogant,
deceitful, envious, unsocial. All these things happen to them by reason of their ignorance of what is
good and evil.

Whatever this is that I am, it is a little flesh and breath, and the ruling part. Throw away thy books;
no longer distract thyself: it is not allowed.
`;
const SENECA = `# On the Shortness of Life

It is not that we have a short time to live, but that we waste a lot of it.
`;

const SEP = '==========';
const clip = (title: string, meta: string, text: string) => [title, meta, '', text, SEP].join('\r\n');
const CLIPPINGS = `\uFEFF${[
  clip(
    'Meditations (Marcus Aurelius)',
    '- Your Highlight on page 12 | Location 120-122 | Added on Sunday, 3 March 2019 10:00:00',
    'Throw away thy books; no longer distract thyself: it is not allowed.',
  ),
  clip(
    'Meditations (Marcus Aurelius)',
    '- Your Note on Location 122 | Added on Sunday, 3 March 2019 10:00:05',
    'Hard advice for a reader.',
  ),
  clip(
    'Meditations (Marcus Aurelius)',
    '- Ihre Markierung auf Seite 11 | Position 100-104 | Hinzugefügt am Sonntag, 3. März 2019 10:01:00',
    'All these things happen to them by reason of their ignorance of what is good and evil.',
  ),
  clip(
    'Meditations (Marcus Aurelius)',
    '- Your Highlight on Location 300-301 | Added on Sunday, 3 March 2019 10:02:00',
    'A sentence that is in no edition of this book at all, however hard one looks.',
  ),
  clip(
    'Meditations (Marcus Aurelius)',
    '- Your Bookmark on Location 400 | Added on Sunday, 3 March 2019 10:03:00',
    '',
  ),
  clip(
    'On the Shortness of Life: Life Is Long if You Know How to Use It (Seneca)',
    '- Your Highlight on Location 5-6 | Added on Monday, 4 March 2019 10:00:00',
    'we waste a lot of it',
  ),
  clip(
    'A Book Lectern Has Never Seen (Nobody)',
    '- Your Highlight on Location 5-6 | Added on Monday, 4 March 2019 10:00:00',
    'Some passage.',
  ),
].join('\r\n')}\r\n`;

/** The dialog's accessibility (WCAG 2.1 A/AA), after its entrance animation. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.waitForTimeout(400);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('imports Kindle clippings: matches books, confirms a look-alike, places the highlights', async ({
  app,
  scratchDir,
  saveScreenshot,
}) => {
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  const meditations = join(scratchDir, 'meditations.md');
  const seneca = join(scratchDir, 'seneca.md');
  await writeFile(meditations, MEDITATIONS);
  await writeFile(seneca, SENECA);
  await library.importThroughDialog(app, [meditations, seneca]);
  // Matching reads the library as it is: both books must be in before the file is read.
  await expect(library.status('Imported 2 documents.')).toBeVisible();
  await library.dismissToasts();
  const clippings = join(scratchDir, 'My Clippings.txt');
  await writeFile(clippings, CLIPPINGS);

  const importButton = app.page.getByRole('button', { name: 'Import highlights…' });
  await app.queueDialogResult(null);
  await importButton.click();
  await app.queueDialogResult([clippings]);
  await importButton.click();
  const dialog = app.page.getByRole('dialog', { name: 'Import highlights from My Clippings.txt' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(
    'Kindle clippings: 3 books, 5 highlights (1 bookmark counted, not imported).',
  );
  const sureMatch = dialog.getByRole('checkbox', { name: /^Meditations \(Marcus Aurelius\)/ });
  const lookAlike = dialog.getByRole('checkbox', { name: /^On the Shortness of Life/ });
  await expect(sureMatch).toBeChecked();
  await expect(lookAlike).not.toBeChecked();
  await expect(dialog).toContainText('Similar title');
  await expect(dialog).toContainText('No document in the library matches');
  await expect(dialog.getByRole('button', { name: 'Import 3 highlights' })).toBeEnabled();
  await saveScreenshot('import-highlights-light');
  expect(await axeViolations(app.page)).toEqual([]);
  await lookAlike.check();
  await dialog.getByRole('button', { name: 'Import 4 highlights' }).click();

  const report = app.page.getByRole('dialog', { name: 'Highlights imported' });
  await expect(report.getByRole('status')).toContainText('4 highlights imported into 2 documents.');
  await expect(report).toContainText('1 highlight could not be placed');
  await expect(report).toContainText('A Book Lectern Has Never Seen (Nobody)');
  await report.getByRole('button', { name: 'Done' }).click();
  await expect(report).toBeHidden();

  await library.open('Meditations');
  const reader = new ReaderPage(app.page);
  await reader.waitUntilShown();
  await expect(app.page.locator('reader-view')).toHaveAttribute('data-anchor-ms', /\d/);
  const highlights = new HighlightsPanel(reader);
  await expect
    .poll(() => highlights.paintedTexts())
    .toEqual([
      'All these things happen to them by reason of their ignorance of what is\ngood and evil.',
      'Throw away thy books;\nno longer distract thyself: it is not allowed.',
    ]);
  await highlights.open();
  await expect(highlights.items).toHaveCount(2);
  await expect(highlights.unplacedItems).toHaveCount(1);
  await expect(highlights.unplacedItems.first()).toContainText('in no edition of this book');
  await expect(highlights.panel).toContainText('Hard advice for a reader.');

  // The same book's highlights as W3C Web Annotations.
  await app.queueDialogResult([scratchDir]);
  await app.page.getByRole('button', { name: 'Export highlights as W3C JSON-LD…' }).click();
  await expect(library.status(/Highlights exported to/)).toBeVisible();
  expect((await readdir(scratchDir)).filter((name) => name.endsWith('.jsonld'))).toEqual([
    'Meditations.jsonld',
  ]);
  const json = JSON.parse(await readFile(join(scratchDir, 'Meditations.jsonld'), 'utf8'));
  expect(json).toMatchObject({ type: 'AnnotationCollection', total: 3, label: 'Meditations' });
});

test('the import dialog in the dark theme', async ({ app, scratchDir, saveScreenshot }) => {
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await library.setTheme('Dark');
  const meditations = join(scratchDir, 'meditations.md');
  await writeFile(meditations, MEDITATIONS);
  await library.importThroughDialog(app, [meditations]);
  await expect(library.status('Imported “Meditations”.')).toBeVisible();
  await library.dismissToasts();
  const clippings = join(scratchDir, 'My Clippings.txt');
  await writeFile(clippings, CLIPPINGS);
  await app.queueDialogResult([clippings]);
  await app.page.getByRole('button', { name: 'Import highlights…' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Import highlights from My Clippings.txt' });
  await expect(dialog).toBeVisible();
  await saveScreenshot('import-highlights-dark');
  expect(await axeViolations(app.page)).toEqual([]);
  // A book nothing matched can be put into a document by hand.
  await dialog
    .getByRole('combobox', { name: /^Document for A Book Lectern Has Never Seen/ })
    .selectOption({ label: 'Meditations' });
  await dialog.getByRole('button', { name: 'Import 4 highlights' }).click();
  const report = app.page.getByRole('dialog', { name: 'Highlights imported' });
  await expect(report.getByRole('status')).toContainText('4 highlights imported into 1 document.');
  await expect(report).toContainText('0 placed, 1 unplaced');
  await saveScreenshot('import-highlights-report-dark');
  expect(await axeViolations(app.page)).toEqual([]);
});
