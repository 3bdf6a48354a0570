/** A new user opens Lectern for the first time and reads the sample article. */
import { expect, test } from '../fixtures';
import { LibraryPage } from '../models/library-page';
import { ReaderPage } from '../models/reader-page';

const SAMPLE_TITLE = /^Russian President Vladimir Putin met with Armenian Prime Minister/;

test('first run shows the sample article and opens it', async ({ app }) => {
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await expect(library.openButton(SAMPLE_TITLE)).toBeVisible();
  await expect(library.documents).toHaveCount(1);

  await library.open(SAMPLE_TITLE);
  const reader = new ReaderPage(app.page);
  await reader.waitUntilShown();
  await expect(reader.text.getByText(/Putin emphasized the “strategic character”/)).toBeVisible();

  await reader.back();
  await expect(library.openButton(SAMPLE_TITLE)).toBeVisible();
});
