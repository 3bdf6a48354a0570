/**
 * Small things about highlights a reader meets in the first week: highlighting a passage that is
 * already highlighted selects it, "Copy quote" carries its source, and Ctrl+Z closes the Undo toast.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type LecternTestApp } from '../fixtures';
import { HighlightsPanel } from '../models/highlights-panel';
import { LibraryPage } from '../models/library-page';
import { ReaderPage } from '../models/reader-page';

const NOTES = `---
title: Field Notes
author: Gilbert White
---

# Field Notes

## Herons

A list of birds begins with the heron standing still in the shallows, patient as a post.

## Kingfishers

The kingfisher is a flash of blue along the bank, gone before the eye can follow it.
`;

const HERON = 'the heron standing still in the shallows';

async function clipboardText(app: LecternTestApp): Promise<string> {
  type PageWithClipboard = { navigator: { clipboard: { readText(): Promise<string> } } };
  return app.page.evaluate(() => (globalThis as unknown as PageWithClipboard).navigator.clipboard.readText());
}

async function openNotes(app: LecternTestApp, scratchDir: string) {
  const file = join(scratchDir, 'field-notes.md');
  await writeFile(file, NOTES);
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await library.importThroughDialog(app, [file]);
  await library.open('Field Notes');
  const reader = new ReaderPage(app.page);
  await reader.waitUntilShown();
  const highlights = new HighlightsPanel(reader);
  await highlights.select(HERON);
  await highlights.highlightAs('Key idea');
  await highlights.open();
  await expect(highlights.items).toHaveCount(1);
  return { reader, highlights, library };
}

test('highlighting exactly a highlighted passage selects it instead of making a twin', async ({
  app,
  scratchDir,
}) => {
  const { highlights } = await openNotes(app, scratchDir);
  await highlights.select(HERON);
  await app.page.keyboard.press('2');
  await expect(highlights.popover).toBeVisible();
  await expect(highlights.popover.getByRole('button', { name: 'Change colour to Key idea' })).toBeVisible();
  await expect(highlights.items).toHaveCount(1);
  expect((await highlights.painted())['lectern-green'] ?? []).toEqual([]);
});

test('Copy quote copies the quote with its source; Shift+click the quote alone', async ({
  app,
  scratchDir,
}) => {
  const { highlights } = await openNotes(app, scratchDir);
  await highlights.clickOn(HERON);
  const copy = highlights.popover.getByRole('button', { name: 'Copy quote' });
  await copy.click();
  await expect
    .poll(() => clipboardText(app))
    .toBe(`> ${HERON}\n>\n> — Gilbert White, *Field Notes*, “Herons”\n`);
  await copy.click({ modifiers: ['Shift'] });
  await expect.poll(() => clipboardText(app)).toBe(HERON);
});

test('the Undo toast says its shortcut and closes once Ctrl+Z undid the delete', async ({
  app,
  scratchDir,
}) => {
  const { highlights, reader } = await openNotes(app, scratchDir);
  await highlights.clickOn(HERON);
  await highlights.popover.getByRole('button', { name: 'Delete highlight' }).click();
  await expect(highlights.items).toHaveCount(0);
  const undo = app.page.getByRole('button', { name: /^Undo/ });
  await expect(undo).toBeVisible();
  await expect(undo).toHaveAttribute('aria-keyshortcuts', 'Control+Z');
  await expect(app.page.getByRole('status').filter({ hasText: 'Highlight deleted' })).toContainText('Ctrl+Z');
  // F6 reaches the toast in one key, and F6 again goes back.
  await reader.readingArea.focus();
  await app.page.keyboard.press('F6');
  await expect(undo).toBeFocused();
  await app.page.keyboard.press('F6');
  await expect(reader.readingArea).toBeFocused();
  await app.page.keyboard.press('Control+z');
  await expect(highlights.items).toHaveCount(1);
  await expect(undo).toBeHidden();
});
