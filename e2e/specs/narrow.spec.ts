/**
 * Reading beside another window, at 900 px: panels push the column instead of covering it, and
 * with no room for both, opening one closes the other; every line of text stays whole.
 */
import { expect, test } from '../fixtures';
import { booksDir } from '../harness/paths';
import { HighlightsPanel } from '../models/highlights-panel';
import { LibraryPage } from '../models/library-page';
import { ReaderPage } from '../models/reader-page';

test('at 900 px with the panels open, every line of text is whole', async ({ app, saveScreenshot }) => {
  await app.page.setViewportSize({ width: 900, height: 760 });
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await library.importThroughDialog(app, [`${booksDir}/moby-dick-excerpt.txt`]);
  await library.open('Moby-Dick; or, The Whale');
  const reader = new ReaderPage(app.page);
  await reader.waitUntilShown();
  const highlights = new HighlightsPanel(reader);

  await reader.openContents();
  await highlights.open();
  await expect(reader.toc, 'opening Highlights closed Contents: no room for both').toBeHidden();
  await reader.openContents();
  await expect(highlights.panel, 'and the other way round').toBeHidden();

  for (const panel of [reader.toc, highlights.panel]) {
    if (!(await panel.isVisible())) await (panel === reader.toc ? reader.openContents() : highlights.open());
    const panelBox = await panel.boundingBox();
    const area = await reader.readingArea.boundingBox();
    const paragraph = await reader.text.getByText(/^Call me Ishmael/).boundingBox();
    if (!panelBox || !area || !paragraph) throw new Error('panel, reading area or paragraph not laid out');
    // The panel sits beside the reading area, and the paragraph inside it, whole.
    const overlaps = panelBox.x < area.x + area.width - 1 && panelBox.x + panelBox.width > area.x + 1;
    expect(overlaps, 'the panel covers the reading area').toBe(false);
    expect(paragraph.x).toBeGreaterThanOrEqual(area.x);
    expect(paragraph.x + paragraph.width).toBeLessThanOrEqual(area.x + area.width);
    expect(paragraph.width, 'a readable column').toBeGreaterThan(380);
  }
  await library.dismissToasts();
  await saveScreenshot('reader-900px-panels');
});
