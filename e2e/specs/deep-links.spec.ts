/**
 * A reader clicks the deep link of an exported highlight (in Obsidian, say) while Lectern runs: the
 * running window opens the document at that passage, selected. A link to a document this library
 * does not have says so; a malformed one does nothing.
 */
import { expect, test } from '../fixtures';
import { writeFiles } from '../harness/files';
import { HighlightsPanel } from '../models/highlights-panel';
import { LibraryPage } from '../models/library-page';
import { ReaderPage } from '../models/reader-page';

const TITLE = 'The Long Walk';
const PASSAGE = 'the lighthouse keeper counted every ship by its lamps';
const DOCUMENT = `# ${TITLE}

${Array.from({ length: 80 }, (_, i) => `Paragraph ${i + 1} of the walk along the cliffs, wind and gulls and grass.`).join('\n\n')}

At the end of the path ${PASSAGE}, and wrote them down.
`;

test('a deep link clicked outside opens the passage in the running window', async ({ app, scratchDir }) => {
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await library.importThroughDialog(app, await writeFiles(scratchDir, { 'walk.md': DOCUMENT }));
  await library.open(TITLE);
  const reader = new ReaderPage(app.page);
  await reader.waitUntilShown();
  await expect(app.page.locator('reader-view')).toHaveAttribute('data-anchor-ms', /\d/);
  const highlights = new HighlightsPanel(reader);
  await highlights.dragOver(PASSAGE);
  await highlights.highlightAs('Key idea');

  // The link as an export writes it.
  await app.page.getByRole('button', { name: 'Copy notes as markdown' }).click();
  await expect(library.status('Notes copied as markdown.')).toBeVisible();
  const copied = await app.page.evaluate(() =>
    (
      globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
    ).navigator.clipboard.readText(),
  );
  const link = /lectern:\/\/open\?doc=[0-9a-f]{16}&highlight=[0-9a-f]{16}/.exec(copied)?.[0] ?? '';
  expect(link).not.toBe('');
  await library.dismissToasts();

  // Back at the top of the library, the reader clicks the link in their notes app.
  await reader.back();
  await library.waitUntilShown();
  await app.clickDeepLink(link);
  await reader.waitUntilShown();
  await expect.poll(async () => (await highlights.painted())['lectern-selected']).toEqual([PASSAGE]);
  await reader.expectOnScreen(reader.text.getByText(PASSAGE, { exact: false }));

  // A link to a document that is not in this library is refused with a message; a malformed one is ignored.
  await app.clickDeepLink('lectern://open?doc=00000000000000ff');
  await expect(library.alert(/not in this library/)).toBeVisible();
  await app.clickDeepLink('lectern://open?doc=../../etc/passwd');
  await expect(reader.backButton).toBeVisible();
});
