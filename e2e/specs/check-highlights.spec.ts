/**
 * A reader's harbour notes are re-typed: a long preface appears and the paragraph they marked
 * now stands twice. The highlights on it are not silently put on one copy: they are shown
 * dashed and listed at the top of the panel "to check", where the reader steps to the other
 * candidate, confirms it with one key, and finds it confirmed after reopening.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type LecternTestApp } from '../fixtures';
import { HighlightsPanel } from '../models/highlights-panel';
import { LibraryPage } from '../models/library-page';
import { ReaderPage } from '../models/reader-page';

const TITLE = 'Harbour Notes';
const FERRY =
  'The ferry left at seven. Nobody on the quay waved; the rain had eaten the far shore, and the gulls sat hunched on the bollards.';
const NOTES = `# ${TITLE}

The ferry left at six; the fog was down and the harbour lamps burned all morning.

${FERRY}

Later the harbour master walked the length of the breakwater, counting the lamps that still worked.
`;
const PREFACE =
  'These notes were typed up again years later, from two notebooks that disagree in places; where they do, both versions are kept. '.repeat(
    3,
  );
// The paragraph now stands twice, far from where it was: neither copy is certain.
const RETYPED = `# ${TITLE}

${PREFACE}

${FERRY}

${PREFACE}

${FERRY}

Later the harbour master walked the length of the breakwater, counting the lamps that still worked.
`;
const WAVED = 'Nobody on the quay waved';
const RAIN = 'the rain had eaten the far shore';

async function openRetyped(app: LecternTestApp, scratchDir: string) {
  const file = join(scratchDir, 'harbour-notes.md');
  await writeFile(file, NOTES);
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await library.importThroughDialog(app, [file]);
  await library.open(TITLE);
  const reader = new ReaderPage(app.page);
  await reader.waitUntilShown();
  await expect(app.page.locator('reader-view')).toHaveAttribute('data-anchor-ms', /\d/);
  const highlights = new HighlightsPanel(reader);
  for (const [quote, key] of [
    [WAVED, '5'],
    [RAIN, '3'],
  ] as const) {
    await highlights.select(quote);
    await app.page.keyboard.press(key);
    await expect(highlights.toolbar).toBeHidden();
  }
  await writeFile(file, RETYPED);
  await app.queueDialogResult([file]);
  await app.page.getByRole('button', { name: 'Update from file…' }).click();
  await reader.waitUntilShown();
  await expect(reader.text).toContainText('typed up again');
  await expect(app.page.locator('reader-view')).toHaveAttribute('data-anchor-ms', /\d/);
  await highlights.open();
  return { reader, highlights, library };
}

test('a highlight on a passage that now stands twice is listed to check, moved and confirmed', async ({
  app,
  scratchDir,
}) => {
  const { reader, highlights, library } = await openRetyped(app, scratchDir);
  await expect(highlights.panel.getByRole('heading', { name: '2 highlights to check' })).toBeVisible();
  await expect(highlights.toCheckItems).toHaveCount(2);
  // The purple ("Quote") highlight on "Nobody on the quay waved"; the other's context holds it too.
  const waved = highlights.toCheckItems.filter({ hasText: 'Quote · was' });
  await expect(waved).toContainText(`Quote · was…rning. The ferry left at seven. ${WAVED}; the rain`);
  await expect(waved).toContainText('place 1 of 2');
  // Painted dashed (its own highlight name), not as a certain highlight.
  await expect.poll(async () => (await highlights.painted())['lectern-check-purple']).toEqual([WAVED]);
  expect((await highlights.painted())['lectern-purple']).toEqual([]);
  const decoration = await reader.text.evaluate((article) => {
    const page = globalThis as unknown as {
      getComputedStyle(element: unknown, pseudo: string): { textDecorationStyle: string };
    };
    const sections = (article as { querySelector(selector: string): unknown }).querySelector('.sections');
    return page.getComputedStyle(sections, '::highlight(lectern-check-purple)').textDecorationStyle;
  });
  expect(decoration).toBe('dashed');

  const copies = await highlights.occurrencesOf(WAVED);
  expect(copies).toHaveLength(2);
  const start = async () => (await highlights.paintedStarts())['lectern-check-purple']?.[0];
  const first = await start();
  expect(copies).toContain(first);
  await waved.getByRole('button', { name: 'Next candidate' }).click();
  await expect(waved).toContainText('place 2 of 2');
  const other = copies.find((copy) => copy !== first);
  await expect.poll(start).toBe(other);

  // One key confirms it: C, with focus anywhere in its item.
  await waved.getByRole('button', { name: 'Next candidate' }).focus();
  await app.page.keyboard.press('c');
  await expect(highlights.toCheckItems).toHaveCount(1);
  await expect(highlights.panel.getByRole('heading', { name: '1 highlight to check' })).toBeVisible();
  await expect.poll(async () => (await highlights.paintedStarts())['lectern-purple']).toEqual([other]);

  // The confirmed place and the other highlight still to check survive a reopen.
  await reader.back();
  await library.open(TITLE);
  await reader.waitUntilShown();
  await expect.poll(async () => (await highlights.paintedStarts())['lectern-purple']).toEqual([other]);
  await highlights.open();
  await expect(highlights.toCheckItems).toHaveCount(1);
  await expect(highlights.toCheckItems.first()).toContainText(RAIN);
  expect((await highlights.painted())['lectern-check-blue']).toEqual([RAIN]);

  // Its item goes to it and opens its popover, which can confirm it too.
  await highlights.toCheckItems.first().getByRole('button').first().click();
  await expect(highlights.popover.getByRole('button', { name: 'Confirm place' })).toBeVisible();
  await app.page.keyboard.press('Escape');
  await expect(highlights.popover).toBeHidden();

  // Deleting one to check can be undone.
  await highlights.toCheckItems.first().getByRole('button', { name: 'Delete' }).click();
  await expect(highlights.toCheckItems).toHaveCount(0);
  await app.page.getByRole('button', { name: 'Undo' }).click();
  await expect(highlights.toCheckItems).toHaveCount(1);
  await expect.poll(async () => (await highlights.painted())['lectern-check-blue']).toEqual([RAIN]);
});

test('screenshots of highlights to check in light and dark', async ({ app, scratchDir, saveScreenshot }) => {
  const { reader, highlights, library } = await openRetyped(app, scratchDir);
  await expect(highlights.toCheckItems).toHaveCount(2);
  await library.dismissToasts();
  // The reader's notices ("Highlighted as …", "2 highlights to check …") fade by themselves.
  await expect(app.page.getByRole('status').filter({ hasText: /Highlighted as|to check/ })).toBeHidden({
    timeout: 10_000,
  });
  for (const theme of ['Light', 'Dark'] as const) {
    await reader.openSettings();
    await reader.chooseTheme(theme);
    await app.page.keyboard.press('Escape');
    await highlights.boxOf(WAVED);
    await saveScreenshot(`reader-highlights-check-${theme.toLowerCase()}`);
  }
});
