/** A library whose library.json was damaged (a bad sync, a crash) opens from its backup and says so. */
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
