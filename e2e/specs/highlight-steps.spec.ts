/**
 * Reading with the keyboard: `]` and `[` walk the highlights in text order, each selected and
 * described in the status region; Q copies the selected one's quote with its source, Shift+Q alone.
 */
import { expect, test } from '../fixtures';
import { writeFiles } from '../harness/files';
import { HighlightsPanel } from '../models/highlights-panel';
import { LibraryPage } from '../models/library-page';
import { ReaderPage } from '../models/reader-page';

const TITLE = 'Notes on Herons';
const FIRST = 'the heron standing still in the shallows';
const SECOND = 'waits for the minnows to forget it';
const DOCUMENT = `# ${TITLE}

At dawn we watched ${FIRST} of the river.

${Array.from({ length: 30 }, (_, i) => `Paragraph ${i + 1}: reeds and water and the slow grey light.`).join('\n\n')}

It ${SECOND}, then strikes.
`;

const clipboard = (page: import('@playwright/test').Page) =>
  page.evaluate(() =>
    (
      globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
    ).navigator.clipboard.readText(),
  );

test('] and [ walk the highlights and say what each is; Q copies the quote', async ({ app, scratchDir }) => {
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await library.importThroughDialog(app, await writeFiles(scratchDir, { 'herons.md': DOCUMENT }));
  await library.open(TITLE);
  const reader = new ReaderPage(app.page);
  await reader.waitUntilShown();
  await expect(app.page.locator('reader-view')).toHaveAttribute('data-anchor-ms', /\d/);
  const highlights = new HighlightsPanel(reader);
  for (const [quote, label] of [
    [SECOND, 'Question'],
    [FIRST, 'Key idea'],
  ] as const) {
    await highlights.dragOver(quote);
    await highlights.highlightAs(label);
  }
  await reader.readingArea.focus();
  await app.page.keyboard.press('Home');

  await app.page.keyboard.press(']');
  await expect.poll(async () => (await highlights.painted())['lectern-selected']).toEqual([FIRST]);
  await expect(library.status(`Highlight 1 of 2, Key idea: “${FIRST}”.`)).toBeAttached();
  await app.page.keyboard.press(']');
  await expect.poll(async () => (await highlights.painted())['lectern-selected']).toEqual([SECOND]);
  await expect(library.status(/Highlight 2 of 2, Question/)).toBeAttached();
  await reader.expectOnScreen(reader.text.getByText(SECOND, { exact: false }));

  await app.page.keyboard.press('Shift+Q');
  await expect.poll(() => clipboard(app.page)).toBe(SECOND);
  await app.page.keyboard.press('q');
  await expect.poll(() => clipboard(app.page)).toContain(`> ${SECOND}`);

  await app.page.keyboard.press('[');
  await expect.poll(async () => (await highlights.painted())['lectern-selected']).toEqual([FIRST]);

  // The panel's list is one Tab stop: arrows, Home and End move in it.
  await highlights.open();
  const list = app.page.getByRole('list', { name: 'Highlights in document order' });
  const items = list.locator('button.item');
  await expect(items).toHaveCount(2);
  await items.first().focus();
  await app.page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await app.page.keyboard.press('Home');
  await expect(items.first()).toBeFocused();
  await app.page.keyboard.press('End');
  await expect(items.nth(1)).toBeFocused();
  // Only the active item's own controls are in the Tab order (its button and its note button).
  await expect(list.locator('button[tabindex="0"]')).toHaveCount(2);
  await expect(list.locator('button[tabindex="-1"]')).toHaveCount(2);
});
