/**
 * Links between notes and passages: a note links, through the `[[` autocomplete, to a highlighted
 * passage of another document and to that document; following the link opens the document at the
 * passage, which shows a margin marker and its backlink; renaming the document keeps the link (it
 * shows the new title); deleting it breaks the link, which says why and is listed in Broken links;
 * restoring it repairs the link.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { HighlightsPanel } from '../models/highlights-panel';
import { LibraryPage } from '../models/library-page';
import { LinksModel } from '../models/links-model';
import { NotesPage } from '../models/notes-page';
import { ReaderPage } from '../models/reader-page';
import { TrashPage } from '../models/trash-page';

const TITLE = 'The Soirée';
const RENAMED = 'Anna’s Soirée';
const PASSAGE = 'the well-known Anna Pávlovna Schérer';
const SOIREE = `# ${TITLE}

${Array.from({ length: 12 }, (_, i) => `An opening paragraph ${i + 1} about Petersburg society in the summer of 1805, long enough to push the passage below the fold.`).join('\n\n')}

It was in July, 1805, and the speaker was ${PASSAGE}, maid of honour and favourite of the Empress Márya Fëdorovna.

She had a cough for some days, an attack of la grippe, as she said.
`;

test('a note links to a passage, follows it, and survives a rename; a delete breaks it until restored', async ({
  app,
  scratchDir,
  saveScreenshot,
}) => {
  const { page } = app;
  const file = join(scratchDir, 'soiree.md');
  await writeFile(file, SOIREE);
  const library = new LibraryPage(page);
  await library.waitUntilShown();
  await library.importThroughDialog(app, [file]);
  await library.open(TITLE);
  const reader = new ReaderPage(page);
  await reader.waitUntilShown();
  await expect(page.locator('reader-view')).toHaveAttribute('data-anchor-ms', /\d/);
  const highlights = new HighlightsPanel(reader);
  await highlights.dragOver(PASSAGE);
  await highlights.highlightAs('Key idea');
  await reader.back();

  // Write the note: two links picked by keyboard from the [[ autocomplete.
  const notes = new NotesPage(page);
  const links = new LinksModel(page);
  await notes.openFromLibrary();
  await notes.create('On the hostess', 'Tolstoy opens with ');
  await links.linkTo(notes.textarea, 'Anna Pá', PASSAGE);
  await notes.textarea.pressSequentially(' at her soirée, in ');
  await links.linkTo(notes.textarea, 'soir', new RegExp(`^${TITLE}`));
  await notes.textarea.pressSequentially('.');
  await expect(notes.textarea).toHaveValue(
    /\[\[lectern:highlight\/[0-9a-f]{16}\/[0-9a-f]{16}\|.*\]\] at her/,
  );
  await expect(notes.saveStatus).toHaveText('Saved');

  await notes.togglePreview();
  const toPassage = links.link(notes.preview, PASSAGE);
  await expect(toPassage).toBeVisible();
  await expect(links.link(notes.preview, TITLE)).toBeVisible();
  await saveScreenshot('note-links-light');

  // Follow the passage link by keyboard: the document opens at the passage, marked and listed.
  await toPassage.focus();
  await page.keyboard.press('Enter');
  await reader.waitUntilShown();
  await expect(links.marker()).toBeVisible();
  await reader.expectOnScreen(links.marker());
  // The passage is painted in its colour and selected, not only scrolled to with its popover open.
  await expect.poll(async () => (await highlights.painted())['lectern-yellow']).toEqual([PASSAGE]);
  await expect.poll(async () => (await highlights.painted())['lectern-selected']).toEqual([PASSAGE]);
  await expect(
    links.linkedFrom(highlights.panel).getByRole('button', { name: /^On the hostess/ }),
  ).toBeVisible();
  await saveScreenshot('reader-link-markers-light');
  await reader.openSettings();
  await reader.chooseTheme('Dark');
  await page.keyboard.press('Escape');
  await reader.expectOnScreen(links.marker());
  await saveScreenshot('reader-link-markers-dark');
  await reader.openSettings();
  await reader.chooseTheme('Light');
  await page.keyboard.press('Escape');

  // Back returns to the note the link was followed from; from there, the library.
  await page.getByRole('button', { name: 'Back to notes' }).click();
  await expect(notes.titleInput).toHaveValue('On the hostess');
  await page.getByRole('button', { name: 'All notes' }).click();
  await page.getByRole('button', { name: 'Back to library' }).click();

  // Rename the document: the link shows the new title and still leads to the passage.
  await library.rename(TITLE, RENAMED);
  await notes.openFromLibrary();
  await notes.openButton('On the hostess').click();
  await notes.togglePreview();
  await expect(links.link(notes.preview, RENAMED)).toBeVisible();
  await links.link(notes.preview, PASSAGE).click();
  await reader.waitUntilShown();
  await expect(page.getByRole('article', { name: RENAMED })).toBeVisible();
  await expect(links.marker()).toBeVisible();

  // Delete it: both links break and say why; Broken links lists them; restoring repairs them.
  await reader.back();
  await page.getByRole('button', { name: 'All notes' }).click();
  await page.getByRole('button', { name: 'Back to library' }).click();
  await library.delete(RENAMED);
  await notes.openFromLibrary();
  await notes.openButton('On the hostess').click();
  await notes.togglePreview();
  const broken = links.link(notes.preview, RENAMED);
  await expect(broken).toHaveAttribute('data-status', 'trashed');
  await expect(broken).toHaveAttribute('aria-description', /in the trash; restoring it repairs the link/);
  await page.getByRole('button', { name: 'All notes' }).click();
  await page.getByRole('button', { name: 'Back to library' }).click();
  await links.openBrokenLinks();
  await expect(links.brokenList.getByRole('listitem')).toHaveCount(2);
  await saveScreenshot('broken-links-light');
  await page.getByRole('button', { name: 'Back to library' }).click();
  await page.getByRole('button', { name: 'Trash' }).click();
  await new TrashPage(page).restore(RENAMED);
  await page.getByRole('button', { name: 'Back to library' }).click();
  await links.openBrokenLinks();
  await expect(page.getByText('No broken links')).toBeVisible();
  await page.getByRole('button', { name: 'Back to library' }).click();
});

test('a note links to another note, which lists it under Linked from; light and dark', async ({
  app,
  scratchDir,
  saveScreenshot,
}) => {
  const { page } = app;
  const file = join(scratchDir, 'soiree.md');
  await writeFile(file, SOIREE);
  const library = new LibraryPage(page);
  await library.waitUntilShown();
  await library.importThroughDialog(app, [file]);
  const notes = new NotesPage(page);
  const links = new LinksModel(page);
  await notes.openFromLibrary();
  await notes.create('On the hostess', 'Anna Pávlovna receives in ');
  await links.linkTo(notes.textarea, 'soir', new RegExp(`^${TITLE}`));
  await page.getByRole('button', { name: 'All notes' }).click();
  await notes.create('Reading plan', 'First read ');
  await links.linkTo(notes.textarea, 'hostess', /^On the hostess/);
  await notes.textarea.pressSequentially(
    ', then a link to nowhere: [[lectern:note/0000000000000000|Lost note]].',
  );
  await expect(notes.saveStatus).toHaveText('Saved');
  await notes.togglePreview();
  const lost = links.link(notes.preview, 'Lost note');
  await expect(lost).toHaveAttribute('aria-description', /The note this link points to was deleted/);

  // Following a note link opens that note, which lists the linking note with its snippet.
  await links.link(notes.preview, 'On the hostess').press('Enter');
  await expect(notes.titleInput).toHaveValue('On the hostess');
  const linkedFrom = links.linkedFrom(page);
  await expect(
    linkedFrom.getByRole('button', { name: /^Reading plan.*First read On the hostess/ }),
  ).toBeVisible();
  // The editor stays in preview from the note the link was followed in.
  await expect(links.link(notes.preview, TITLE)).toBeVisible();
  await library.dismissToasts();
  await saveScreenshot('note-backlinks-light');
  await linkedFrom.getByRole('button', { name: /^Reading plan/ }).click();
  await expect(notes.titleInput).toHaveValue('Reading plan');

  await page.getByRole('button', { name: 'All notes' }).click();
  await page.getByRole('button', { name: 'Back to library' }).click();
  await library.setTheme('Dark');
  await notes.openFromLibrary();
  await notes.openButton('Reading plan').click();
  await notes.togglePreview();
  await expect(links.link(notes.preview, 'On the hostess')).toBeVisible();
  await library.dismissToasts();
  await saveScreenshot('note-links-dark');
  await links.link(notes.preview, 'On the hostess').click();
  await expect(notes.titleInput).toHaveValue('On the hostess');
  await expect(links.linkedFrom(page).getByRole('button', { name: /^Reading plan/ })).toBeVisible();
  await saveScreenshot('note-backlinks-dark');
});
