/**
 * A reader marks passages of their field notes: with the mouse and with the keyboard, across
 * list items, overlapping; picks one of two overlapping highlights, recolours, deletes and
 * undoes; then updates the notes from an edited file and finds the highlights moved with
 * their text, and the one whose passage was deleted listed as unplaced.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type LecternTestApp } from '../fixtures';
import { HighlightsPanel } from '../models/highlights-panel';
import { LibraryPage } from '../models/library-page';
import { ReaderPage } from '../models/reader-page';

const TITLE = 'Field Notes';
const NOTES = `# ${TITLE}

The first paragraph talks about *rivers* and **mountains**, and how water finds its way around every stone.

- A list item about the heron standing still in the shallows.
- Another item about the kingfisher and its flash of blue.

The second paragraph explains that patience is the naturalist's first tool, and silence the second.

A passage that will be deleted when the file is edited: the old mill burned down in the winter of 1902.

The closing paragraph returns to the river at dusk, where the light turns copper and the swallows feed.

Evening brings the owls out of the beech wood, and the fox along the hedge to the water meadow.
`;

async function openNotes(
  app: LecternTestApp,
  scratchDir: string,
): Promise<{ reader: ReaderPage; highlights: HighlightsPanel; file: string }> {
  const file = join(scratchDir, 'field-notes.md');
  await writeFile(file, NOTES);
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await library.importThroughDialog(app, [file]);
  await library.open(TITLE);
  const reader = new ReaderPage(app.page);
  await reader.waitUntilShown();
  await expect(app.page.locator('reader-view')).toHaveAttribute('data-anchor-ms', /\d/);
  return { reader, highlights: new HighlightsPanel(reader), file };
}

test('highlights with the mouse and the keyboard, and finds them in place after reopening', async ({
  app,
  scratchDir,
  saveScreenshot,
}) => {
  const { reader, highlights } = await openNotes(app, scratchDir);
  // The first time, the empty panel says how to highlight.
  await highlights.open();
  await expect(highlights.panel).toContainText(
    'Select text to highlight it. Press H to use your last colour, 1–6 for a colour.',
  );
  await saveScreenshot('reader-highlights-empty');

  await highlights.dragOver('how water finds its way');
  await highlights.highlightAs('Key idea');
  expect((await highlights.painted())['lectern-yellow']?.join('')).toContain('water finds its way');

  // Keyboard: a selection extended with Shift+arrows, across two list items, then H.
  await highlights.select('standing still');
  await app.page.keyboard.press('Shift+ArrowDown');
  await app.page.keyboard.press('Shift+End');
  await app.page.keyboard.press('h');
  await expect(highlights.toolbar).toBeHidden();
  const crossing =
    (await highlights.painted())['lectern-yellow']?.find((t) => t.startsWith('standing still')) ?? '';
  expect(crossing).toContain('Another item');

  await highlights.open();
  await expect(highlights.items).toHaveCount(2);
  await expect(highlights.items.first()).toContainText('water finds its way');
  const before = await highlights.paintedTexts();

  await reader.back();
  const library = new LibraryPage(app.page);
  await expect(library.row(TITLE)).toContainText('2 highlights');
  await library.open(TITLE);
  await reader.waitUntilShown();
  await expect.poll(() => highlights.paintedTexts()).toEqual(before);
  await highlights.open();
  await expect(highlights.items).toHaveCount(2);
  await expect(highlights.items.nth(1)).toContainText('Key idea');
  // Esc in the panel closes it and returns to its button.
  await highlights.items.first().focus();
  await app.page.keyboard.press('Escape');
  await expect(highlights.panel).toBeHidden();
  await expect(highlights.toggle).toBeFocused();

  // Esc closes the innermost thing first: reading settings, the highlight toolbar, the panel; never the book.
  await highlights.open();
  await reader.openSettings();
  await highlights.select('the kingfisher');
  const settings = app.page.getByRole('dialog', { name: 'Reading settings' });
  await app.page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
  await expect(highlights.toolbar).toBeVisible();
  await app.page.keyboard.press('Escape');
  await expect(highlights.toolbar).toBeHidden();
  await expect(highlights.panel).toBeVisible();
  await app.page.keyboard.press('Escape');
  await expect(highlights.panel).toBeHidden();
  await app.page.keyboard.press('Escape');
  await expect(reader.text).toBeVisible();
  await app.page.keyboard.press('Alt+ArrowLeft');
  await expect(library.row(TITLE)).toBeVisible();
});

test('highlights without the mouse: Shift+arrows start a selection at the reading line', async ({
  app,
  scratchDir,
}) => {
  const { reader, highlights } = await openNotes(app, scratchDir);
  await expect(reader.readingArea).toBeFocused();
  // Nothing is selected: the selection starts at the first line of text, word by word.
  for (let i = 0; i < 3; i++) await app.page.keyboard.press('Control+Shift+ArrowRight');
  await expect(highlights.toolbar).toBeVisible();
  await app.page.keyboard.press('2');
  await expect(highlights.toolbar).toBeHidden();
  expect((await highlights.painted())['lectern-green']).toEqual(['The first paragraph']);
});

test('overlapping highlights: choose one, recolour it, delete it and undo', async ({ app, scratchDir }) => {
  const { reader, highlights } = await openNotes(app, scratchDir);
  await highlights.select('patience is the naturalist');
  await highlights.highlightAs('Key idea');
  await highlights.select("naturalist's first tool");
  await app.page.keyboard.press('2'); // Definition
  await expect(highlights.toolbar).toBeHidden();
  expect((await highlights.painted())['lectern-green']).toEqual(["naturalist's first tool"]);

  await highlights.clickOn('naturalist', 0, 0.5);
  await expect(highlights.chooser).toBeVisible();
  await expect(highlights.chooser.getByRole('button')).toHaveCount(2);
  await highlights.chooser.getByRole('button', { name: /^Definition/ }).click();
  await expect(highlights.popover).toBeVisible();
  expect((await highlights.painted())['lectern-selected']).toEqual(["naturalist's first tool"]);
  await highlights.expectClearOf(highlights.popover, "naturalist's first tool");

  await highlights.popover.getByRole('button', { name: 'Change colour to Evidence' }).click();
  await expect(highlights.popover.getByRole('button', { name: 'Change colour to Evidence' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  expect((await highlights.painted())['lectern-blue']).toEqual(["naturalist's first tool"]);
  expect((await highlights.painted())['lectern-green']).toEqual([]);

  // The other one, picked from the chooser too.
  await highlights.clickOn('naturalist', 0, 0.5);
  await highlights.chooser.getByRole('button', { name: /^Key idea/ }).click();
  expect((await highlights.painted())['lectern-selected']).toEqual(['patience is the naturalist']);

  await highlights.popover.getByRole('button', { name: 'Delete highlight' }).click();
  const toast = app.page.getByText('Highlight deleted');
  await expect(toast).toBeVisible();
  expect((await highlights.painted())['lectern-yellow']).toEqual([]);
  await app.page.getByRole('button', { name: 'Undo' }).click();
  await expect
    .poll(async () => (await highlights.painted())['lectern-yellow'])
    .toEqual(['patience is the naturalist']);

  // Ctrl+Z in the reader undoes a delete too.
  await highlights.clickOn('first tool');
  await highlights.popover.getByRole('button', { name: 'Delete highlight' }).click();
  await expect.poll(async () => (await highlights.painted())['lectern-blue']).toEqual([]);
  await reader.readingArea.focus();
  await app.page.keyboard.press('Control+z');
  await expect
    .poll(async () => (await highlights.painted())['lectern-blue'])
    .toEqual(["naturalist's first tool"]);

  // From the panel, by keyboard: the item selects the highlight and focuses its popover.
  await highlights.open();
  await highlights.items.first().focus();
  await app.page.keyboard.press('Enter');
  await expect(highlights.popover).toBeVisible();
  await expect(highlights.popover.getByRole('button', { name: 'Change colour to Key idea' })).toBeFocused();
});

test('updating from an edited file moves highlights with their text and lists the lost one', async ({
  app,
  scratchDir,
}) => {
  const { reader, highlights, file } = await openNotes(app, scratchDir);
  for (const [quote, key] of [
    ['how water finds its way', '1'],
    ['the old mill burned down', '4'],
    ['the light turns copper', '3'],
  ] as const) {
    await highlights.select(quote);
    await app.page.keyboard.press(key);
    await expect(highlights.toolbar).toBeHidden();
  }
  const edited = NOTES.replace(
    `# ${TITLE}\n`,
    `# ${TITLE}\n\nA new opening paragraph, written later, pushes everything down the page a little.\n`,
  ).replace(/A passage that will be deleted[^\n]*\n\n/, '');
  await writeFile(file, edited);
  await app.queueDialogResult([file]);
  // Icon-only buttons show their name as a tooltip.
  for (const name of ['Contents', 'Highlights', 'Update from file…', 'Reading settings']) {
    await expect(app.page.getByRole('button', { name, exact: true })).toHaveAttribute('title', name);
  }
  await app.page.getByRole('button', { name: 'Update from file…' }).click();
  await reader.waitUntilShown();
  await expect(reader.text).toContainText('A new opening paragraph');

  await highlights.open();
  await expect(highlights.items).toHaveCount(2);
  await expect(highlights.items.first()).toContainText('how water finds its way');
  await expect(highlights.items.nth(1)).toContainText('the light turns copper');
  await expect
    .poll(() => highlights.paintedTexts())
    .toEqual(['how water finds its way', 'the light turns copper']);
  await expect(highlights.unplacedItems).toHaveCount(1);
  await expect(highlights.unplacedItems.first()).toContainText('the old mill burned down');

  // Re-attach the lost highlight to other text.
  const lost = highlights.unplacedItems.first();
  await expect(lost.getByRole('button', { name: 'Re-attach to selection' })).toBeDisabled();
  await highlights.select('the owls out of the beech wood');
  await lost.getByRole('button', { name: 'Re-attach to selection' }).click();
  await expect(highlights.unplacedItems).toHaveCount(0);
  expect((await highlights.painted())['lectern-pink']).toEqual(['the owls out of the beech wood']);

  // Reopened: nothing is re-anchored again, everything is where it was.
  await reader.back();
  await new LibraryPage(app.page).open(TITLE);
  await reader.waitUntilShown();
  await expect
    .poll(() => highlights.paintedTexts())
    .toEqual(['how water finds its way', 'the light turns copper', 'the owls out of the beech wood']);
});

test('screenshots of highlights in light and dark', async ({ app, scratchDir, saveScreenshot }) => {
  const { reader, highlights } = await openNotes(app, scratchDir);
  const marks: [string, string][] = [
    ['rivers', '1'],
    ['how water finds its way around every stone', '2'],
    ['heron standing still', '3'],
    ['kingfisher and its flash of blue', '4'],
    ["patience is the naturalist's first tool", '5'],
    ["naturalist's first tool, and silence", '6'],
    ['the light turns copper', '1'],
    ['the swallows feed', '3'],
    ['owls out of the beech wood', '6'],
    ['the beech wood', '2'],
  ];
  for (const [quote, key] of marks) {
    await highlights.select(quote);
    await app.page.keyboard.press(key);
    await expect(highlights.toolbar).toBeHidden();
  }
  await highlights.open();
  await new LibraryPage(app.page).dismissToasts();
  // The reader's own notice ("Highlighted as …") fades by itself.
  await expect(app.page.getByRole('status').filter({ hasText: 'Highlighted as' })).toBeHidden({
    timeout: 10_000,
  });
  for (const theme of ['Light', 'Dark'] as const) {
    await reader.openSettings();
    await reader.chooseTheme(theme);
    await app.page.keyboard.press('Escape');
    await highlights.clickOn('the swallows feed');
    await expect(highlights.popover).toBeVisible();
    await highlights.expectClearOf(highlights.popover, 'the swallows feed');
    await saveScreenshot(`reader-highlights-${theme.toLowerCase()}`);
    await app.page.keyboard.press('Escape');
  }
});
