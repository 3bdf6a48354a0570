/**
 * A user imports documents crafted to make markdown parsers hang or throw, opens each one and
 * reads: the reader shows its text, formatted or as plain text under a notice, never a blank
 * page, and the app keeps answering (the Library button takes the user back).
 */
import { expect, test } from '../fixtures';
import { writeFiles } from '../harness/files';
import { LibraryPage } from '../models/library-page';
import { ReaderPage } from '../models/reader-page';

const NOTICE = 'This part could not be formatted; shown as plain text';
const PROSE = 'The boats came in at dusk, and nobody spoke of the storm. ';

/** Each body is crafted; `notice` says whether the reader must fall back to plain text for it. */
const CRAFTED: { name: string; body: string; notice: boolean }[] = [
  { name: 'underscores', body: '_a'.repeat(20_000), notice: false },
  { name: 'html blocks', body: '<div>'.repeat(100_000), notice: true },
  { name: 'deep quote', body: '>'.repeat(3000), notice: true },
  { name: 'brackets', body: '['.repeat(50_000), notice: false },
  { name: 'stars', body: '*'.repeat(100_000), notice: false },
  { name: 'one long paragraph', body: PROSE.repeat(6000), notice: true },
  {
    name: 'nested lists',
    body: Array.from({ length: 400 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth}`).join('\n'),
    notice: false,
  },
  { name: 'backticks', body: '`'.repeat(100_000), notice: false },
];

const fileFor = (name: string, body: string) => `---\ntitle: Crafted ${name}\n---\n\n${body}\n`;

test('opens every crafted document as text or plain text, and the app keeps answering', async ({
  app,
  scratchDir,
}) => {
  test.setTimeout(120_000);
  const library = new LibraryPage(app.page);
  const reader = new ReaderPage(app.page);
  await library.waitUntilShown();
  const files = Object.fromEntries(CRAFTED.map(({ name, body }) => [`${name}.md`, fileFor(name, body)]));
  await library.importThroughDialog(app, await writeFiles(scratchDir, files));
  for (const { name } of CRAFTED) await expect(library.openButton(`Crafted ${name}`)).toBeVisible();

  for (const { name, notice } of CRAFTED) {
    await library.open(`Crafted ${name}`);
    await reader.waitUntilShown();
    const shown = reader.text.getByText(NOTICE);
    if (notice) await expect(shown.first(), name).toBeVisible();
    // Never blank: the document's own text is on the page, formatted or not.
    await expect
      .poll(async () => ((await reader.text.textContent()) ?? '').replace(NOTICE, '').trim().length, {
        message: `${name} shows its text`,
      })
      .toBeGreaterThan(50);
    await reader.back();
    await library.waitUntilShown();
  }
});

test('a document whose parsing hangs can be left at once', async ({ app, scratchDir }) => {
  const library = new LibraryPage(app.page);
  const reader = new ReaderPage(app.page);
  await library.waitUntilShown();
  const [path] = await writeFiles(scratchDir, { 'slow.md': fileFor('slow', '_a'.repeat(100_000)) });
  await library.importThroughDialog(app, [path ?? '']);
  await library.open('Crafted slow');
  await expect(reader.backButton).toBeVisible();
  await reader.back();
  await library.waitUntilShown();
  await expect(library.openButton('Crafted slow')).toBeVisible();
});
