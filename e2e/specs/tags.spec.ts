/**
 * A reader tags a passage with T and a document in the library, filters the library by the
 * parent tag, then renames the parent in the tag manager and finds the new name everywhere.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type LecternTestApp } from '../fixtures';
import { HighlightsPanel } from '../models/highlights-panel';
import { LibraryPage } from '../models/library-page';
import { ReaderPage } from '../models/reader-page';
import { TagField, TagManagerPage } from '../models/tags-page';

const RIVERS = `# Field Notes

The first paragraph talks about rivers and mountains, and how water finds its way around every stone.

The closing paragraph returns to the river at dusk, where the light turns copper and the swallows feed.
`;
const MILL = `# The Old Mill

The old mill burned down in the winter of 1902, and the miller moved his family to the town.
`;

async function importBoth(app: LecternTestApp, scratchDir: string): Promise<LibraryPage> {
  const files = [join(scratchDir, 'field-notes.md'), join(scratchDir, 'old-mill.md')];
  await writeFile(files[0] as string, RIVERS);
  await writeFile(files[1] as string, MILL);
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await library.importThroughDialog(app, files);
  await expect(library.openButton('The Old Mill')).toBeVisible();
  return library;
}

async function tagPassageWithT(app: LecternTestApp, library: LibraryPage, tag: string): Promise<void> {
  await library.open('Field Notes');
  const reader = new ReaderPage(app.page);
  await reader.waitUntilShown();
  await expect(app.page.locator('reader-view')).toHaveAttribute('data-anchor-ms', /\d/);
  const highlights = new HighlightsPanel(reader);
  await highlights.dragOver('how water finds its way');
  await highlights.highlightAs('Key idea');
  await highlights.clickOn('water finds');
  await expect(highlights.popover).toBeVisible();
  await app.page.keyboard.press('t');
  const field = new TagField(app.page, 'Tags of the selected highlight');
  await expect(field.input).toBeFocused();
  await app.page.keyboard.type(tag);
  await app.page.keyboard.press('Enter');
  await expect(field.chips).toHaveText([new RegExp(tag)]);
  // A refused tag says why and adds nothing.
  await field.add('#heading');
  await expect(app.page.getByText('(it breaks #tags in markdown or YAML)', { exact: false })).toBeVisible();
  await expect(field.chips).toHaveCount(1);
  await app.page.keyboard.press('Escape');
  await reader.back();
  await library.waitUntilShown();
}

async function tagDocument(app: LecternTestApp, title: string, tag: string): Promise<void> {
  await app.page.getByRole('button', { name: `Edit tags of “${title}”` }).click();
  const dialog = app.page.getByRole('dialog', { name: `Tags of “${title}”` });
  const field = new TagField(dialog, `Tags of “${title}”`);
  await expect(field.input).toBeFocused();
  await app.page.keyboard.type(tag.slice(0, 3));
  // The tag of the highlight is suggested; arrows and Enter pick it.
  await expect(field.suggestions.first()).toHaveText(tag);
  await app.page.keyboard.press('ArrowDown');
  await app.page.keyboard.press('Enter');
  await expect(field.chips).toHaveText([new RegExp(tag)]);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
}

test('tags a passage with T, tags its document, and filters the library by the parent tag', async ({
  app,
  scratchDir,
  saveScreenshot,
}) => {
  const library = await importBoth(app, scratchDir);
  await tagPassageWithT(app, library, 'Nature/Rivers');
  await tagDocument(app, 'Field Notes', 'Nature/Rivers');
  await expect(library.row('Field Notes').getByRole('list', { name: 'Tags of “Field Notes”' })).toContainText(
    '#Nature/Rivers',
  );
  await app.page.getByLabel('Filter by tag').selectOption('Nature');
  await expect(library.openButton('Field Notes')).toBeVisible();
  await expect(library.openButton('The Old Mill')).toBeHidden();
  await library.dismissToasts();
  await saveScreenshot('library-tag-filter');
  await app.page.getByRole('button', { name: 'Clear the tag filter' }).click();
  await expect(library.openButton('The Old Mill')).toBeVisible();
});

test('renames a parent tag in the tag manager and sees the new name everywhere', async ({
  app,
  scratchDir,
  saveScreenshot,
}) => {
  const library = await importBoth(app, scratchDir);
  await tagPassageWithT(app, library, 'Nature/Rivers');
  await tagDocument(app, 'Field Notes', 'Nature/Rivers');
  const manager = new TagManagerPage(app.page);
  await manager.openFromLibrary();
  await expect(manager.row('Nature/Rivers')).toContainText('1 document · 1 highlight');
  await library.dismissToasts();
  await saveScreenshot('tag-manager-light');
  // The theme button is the library's: set it there, then come back.
  const back = app.page.getByRole('button', { name: 'Back to library' });
  await back.click();
  await library.setTheme('Dark');
  await manager.openFromLibrary();
  await expect(manager.row('Nature/Rivers')).toBeVisible();
  await saveScreenshot('tag-manager-dark');
  await back.click();
  await library.setTheme('Light');
  await manager.openFromLibrary();

  await manager.rename('Nature', 'Outdoors');
  await expect(library.status(/Renamed “Nature” to “Outdoors”/)).toBeVisible();
  await expect(manager.row('Outdoors/Rivers')).toContainText('1 document · 1 highlight');
  await back.click();
  await expect(library.row('Field Notes')).toContainText('#Outdoors/Rivers');
  await library.open('Field Notes');
  const reader = new ReaderPage(app.page);
  await reader.waitUntilShown();
  await expect(app.page.locator('reader-view')).toHaveAttribute('data-anchor-ms', /\d/);
  const highlights = new HighlightsPanel(reader);
  await highlights.clickOn('water finds');
  await expect(new TagField(app.page, 'Tags of the selected highlight').chips).toHaveText([
    /Outdoors\/Rivers/,
  ]);
});

test('tags the open document from the reader’s header, and a colour adds its tag to new highlights', async ({
  app,
  scratchDir,
}) => {
  const library = await importBoth(app, scratchDir);
  await library.open('The Old Mill');
  const reader = new ReaderPage(app.page);
  await reader.waitUntilShown();
  await expect(app.page.locator('reader-view')).toHaveAttribute('data-anchor-ms', /\d/);
  await app.page.getByRole('button', { name: 'Tags of this document' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Tags of “The Old Mill”' });
  await new TagField(dialog, 'Tags of “The Old Mill”').add('history/1902');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(app.page.getByRole('button', { name: 'Tags of this document: history/1902' })).toBeVisible();

  await reader.openSettings();
  const tagOfGreen = app.page.getByLabel('Tag added by green');
  await tagOfGreen.fill('fire, and');
  await tagOfGreen.press('Enter');
  await expect(
    app.page.getByRole('alert').filter({ hasText: 'green: A tag cannot contain “,”' }),
  ).toBeVisible();
  await tagOfGreen.fill('disasters');
  await tagOfGreen.press('Enter');
  await app.page.keyboard.press('Escape');
  const highlights = new HighlightsPanel(reader);
  await highlights.dragOver('burned down');
  await highlights.highlightAs('Definition');
  await highlights.clickOn('burned');
  await expect(new TagField(app.page, 'Tags of the selected highlight').chips).toHaveText([/disasters/]);
});
