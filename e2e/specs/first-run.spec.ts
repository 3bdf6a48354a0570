/** A new user opens Lectern for the first time: a welcome guide and a sample article, both by title. */
import { expect, test } from '../fixtures';
import { LibraryPage } from '../models/library-page';
import { ReaderPage } from '../models/reader-page';

const WELCOME_TITLE = 'Welcome to Lectern';
const SAMPLE_TITLE = 'Putin and Pashinian Meet in the Kremlin';

test('first run shows the welcome guide and the sample article, and opens them', async ({ app }) => {
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await expect(library.openButton(WELCOME_TITLE)).toBeVisible();
  await expect(library.openButton(SAMPLE_TITLE)).toBeVisible();
  await expect(library.documents).toHaveCount(2);

  await library.open(WELCOME_TITLE);
  const reader = new ReaderPage(app.page);
  await reader.waitUntilShown();
  // The guide says how to import, highlight and find the shortcut sheet; its title is shown once.
  for (const heading of ['Bring in what you read', 'Highlight', 'Keys'])
    await expect(reader.text.getByRole('heading', { name: heading, exact: true })).toBeVisible();
  await expect(reader.text.getByRole('heading', { name: WELCOME_TITLE })).toHaveCount(1);
  await reader.back();

  await library.open(SAMPLE_TITLE);
  await reader.waitUntilShown();
  await expect(reader.text.getByText(/Putin emphasized the “strategic character”/)).toBeVisible();
  // The article's paragraphs stay paragraphs (the shipped text had one per line).
  const quote = reader.text
    .getByRole('paragraph')
    .filter({ hasText: /^“We need more than a million doses,”/ });
  await expect(quote).toHaveCount(1);

  await reader.back();
  await expect(library.openButton(SAMPLE_TITLE)).toBeVisible();
});
