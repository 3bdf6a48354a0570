/**
 * A library whose library.json was damaged (a bad sync, a crash) opens from its backup and says so;
 * a notice about replaced data is shown until the user dismisses it.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { openCore } from '../harness/core';
import { LibraryPage } from '../models/library-page';

const SAMPLE_TITLE = /^Putin and Pashinian Meet in the Kremlin/;

test('a corrupt library.json is restored from the backup and the user is told', async ({
  launchApp,
  scratchDir,
}) => {
  const libraryDir = join(scratchDir, 'library');
  // First run (seeds the sample), then a second open, which snapshots library.json into backups/.
  for (let i = 0; i < 2; i++) await (await openCore(libraryDir)).library.close();
  await writeFile(join(libraryDir, 'library.json'), '{"schemaVersion": 1, "documents": {"trunc');

  const app = await launchApp({ libraryDir });
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await expect(
    app.page.getByRole('alert').filter({ hasText: /library\.json could not be read/ }),
  ).toBeVisible();
  await expect(app.page.getByRole('alert').filter({ hasText: /restored from the backup/ })).toBeVisible();
  await expect(library.openButton(SAMPLE_TITLE)).toBeVisible();
});

test('the notice about replaced highlights stays until the reader dismisses it', async ({
  launchApp,
  scratchDir,
}) => {
  const libraryDir = join(scratchDir, 'library');
  const core = await openCore(libraryDir);
  const [sample] = core.library.catalog.list();
  if (sample === undefined) throw new Error('the sample document was not seeded');
  await core.library.documents.saveReadingPosition(sample.id, {
    section: 0,
    offset: 0,
    quote: '',
    progress: 0.4,
  });
  await core.library.annotations.fold(sample.id);
  await core.library.close();
  await writeFile(join(libraryDir, 'annotations', `${sample.id}.json`), '{"schemaVersion": 3, "highl');

  const app = await launchApp({ libraryDir });
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  const notice = app.page
    .getByRole('alert')
    .filter({ hasText: /annotations of document .* could not be read/ });
  await expect(notice).toHaveCount(1);
  // Until dismissed, it is shown again whenever the window loads.
  await app.page.reload();
  await library.waitUntilShown();
  await expect(notice).toHaveCount(1);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  await app.page.reload();
  await library.waitUntilShown();
  await expect(library.openButton(SAMPLE_TITLE)).toBeVisible();
  await expect(notice).toHaveCount(0);
  // Closed here, so the recovery's delayed list write lands before the folder is removed.
  await app.close();
});
