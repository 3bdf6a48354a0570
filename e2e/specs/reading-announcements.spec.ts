/**
 * Scrolling the text into a highlight tells a screen reader its colour meaning, tags and note, in a
 * visually hidden polite live region ("Reading position"), once the scroll settles; `]` says it
 * itself; the reading settings turn it off.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { writeFiles } from '../harness/files';
import { HighlightsPanel } from '../models/highlights-panel';
import { LibraryPage } from '../models/library-page';
import { ReaderPage } from '../models/reader-page';

const TITLE = 'Notes on Herons';
const FIRST = 'the heron standing still in the shallows';
const SECOND = 'waits for the minnows to forget it';
const filler = (from: number) =>
  Array.from(
    { length: 25 },
    (_, i) => `Paragraph ${from + i}: reeds and water and the slow grey light.`,
  ).join('\n\n');
const DOCUMENT = `# ${TITLE}\n\n${filler(1)}\n\nAt dawn we watched ${FIRST} of the river.\n\n${filler(26)}\n\nIt ${SECOND}, then strikes.\n\n${filler(51)}\n`;

interface PageText {
  nodeValue: string | null;
  parentElement: { closest(s: string): PageBox | null } | null;
}
interface PageBox {
  scrollTop: number;
  clientHeight: number;
  getBoundingClientRect(): { top: number };
}

/** Runs in the page: scrolls the reading area so its reading line (a third down) is on `quote`'s first line. */
function scrollReadingLineTo(view: { shadowRoot: unknown }, quote: string): void {
  const page = globalThis as unknown as {
    document: {
      createTreeWalker(root: unknown, what: number): { nextNode(): PageText | null };
      createRange(): {
        setStart(n: unknown, o: number): void;
        setEnd(n: unknown, o: number): void;
        getBoundingClientRect(): { top: number };
      };
    };
  };
  const root = (view.shadowRoot as { querySelector(s: string): unknown }).querySelector('.sections');
  const walker = page.document.createTreeWalker(root, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.nodeValue?.indexOf(quote) ?? -1;
    const scroller = node.parentElement?.closest('.scroller');
    if (at < 0 || !scroller) continue;
    const range = page.document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + quote.length);
    const line = scroller.getBoundingClientRect().top + scroller.clientHeight / 3;
    scroller.scrollTop += range.getBoundingClientRect().top - line + 4;
    return;
  }
  throw new Error(`“${quote}” is not in the text`);
}

const scrollTo = (page: Page, quote: string) =>
  page.locator('reader-view').evaluate(scrollReadingLineTo as (v: unknown, q: string) => void, quote);

/** The document's highlights, as stored (through the app's own bridge). */
async function storedHighlights(page: Page): Promise<{ documentId: string; ids: Record<string, string> }> {
  return page.evaluate(async () => {
    type Bridge = {
      listDocuments(): Promise<{ ok: boolean; value: { id: string }[] }>;
      openDocument(
        id: string,
      ): Promise<{ ok: boolean; value: { highlights: { id: string; quote: { exact: string } }[] } }>;
    };
    const lectern = (globalThis as unknown as { lectern: Bridge }).lectern;
    const documentId = (await lectern.listDocuments()).value[0]?.id ?? '';
    const opened = await lectern.openDocument(documentId);
    return { documentId, ids: Object.fromEntries(opened.value.highlights.map((h) => [h.quote.exact, h.id])) };
  });
}

test('scrolling into a highlight says its meaning, tags and note; the setting turns it off', async ({
  app,
  scratchDir,
}) => {
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await library.importThroughDialog(app, await writeFiles(scratchDir, { 'herons.md': DOCUMENT }));
  await library.open(TITLE);
  const reader = new ReaderPage(app.page);
  await reader.waitUntilShown();
  await expect(app.page.locator('reader-view')).toHaveAttribute('data-anchor-ms', /\d/);
  const highlights = new HighlightsPanel(reader);
  for (const [quote, label] of [
    [FIRST, 'Key idea'],
    [SECOND, 'Question'],
  ] as const) {
    await highlights.dragOver(quote);
    await highlights.highlightAs(label);
  }
  const { documentId, ids } = await storedHighlights(app.page);
  await app.page.evaluate(
    async ({ document, id }) => {
      type Bridge = {
        setHighlightTags(d: string, h: string, t: string[]): Promise<unknown>;
        setHighlightNote(d: string, h: string, m: string): Promise<unknown>;
      };
      const lectern = (globalThis as unknown as { lectern: Bridge }).lectern;
      await lectern.setHighlightTags(document, id, ['birds', 'rivers/dawn']);
      await lectern.setHighlightNote(document, id, 'Compare with the egret.');
    },
    { document: documentId, id: ids[FIRST] ?? '' },
  );
  await reader.back();
  await library.open(TITLE);
  await expect(app.page.locator('reader-view')).toHaveAttribute('data-anchor-ms', /\d/);

  const region = app.page.getByRole('status', { name: 'Reading position' });
  await expect(region).toBeAttached();
  await expect(region).not.toBeInViewport(); // Visually hidden: heard, not seen.
  await scrollTo(app.page, FIRST);
  await expect(region).toHaveText('Key idea highlight. Tags: birds, rivers/dawn. Has a note.');
  await scrollTo(app.page, SECOND);
  await expect(region).toHaveText('Question highlight.');

  // `]` says the highlight it lands on in the reader's notice; the live region stays quiet.
  await reader.readingArea.focus();
  await app.page.keyboard.press('Home');
  await app.page.keyboard.press(']');
  await expect(library.status(/Highlight 1 of 2, Key idea/)).toBeAttached();
  await app.page.waitForTimeout(1200);
  await expect(region).toHaveText('Question highlight.');
  await app.page.keyboard.press('Escape');

  await reader.openSettings();
  const setting = app.page.getByRole('checkbox', { name: 'Say highlights while reading' });
  await expect(setting).toBeChecked();
  await setting.uncheck();
  await app.page.keyboard.press('Escape');
  await scrollTo(app.page, 'Paragraph 70');
  await app.page.waitForTimeout(800);
  await scrollTo(app.page, FIRST);
  await app.page.waitForTimeout(1200);
  await expect(region).toHaveText('Question highlight.');
});
