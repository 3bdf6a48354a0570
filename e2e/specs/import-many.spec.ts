/**
 * A reader imports many files at once: a folder's worth of saved pages, a web archive and a
 * broken file through the dialog, with a progress view over the whole batch; then a second,
 * bigger batch dropped on the window and cancelled half way, keeping what was already imported.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { dropFiles } from '../harness/drop';
import { writeFiles } from '../harness/files';
import { LibraryPage } from '../models/library-page';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** A saved page as one MHTML file, the way Chromium writes it (quoted-printable page). */
function webArchive(title: string, paragraphs: string[]): string {
  const page = `<html><head><title>${title}</title></head><body><article><h1>${title}</h1>${paragraphs
    .map((p) => `<p>${p}</p>`)
    .join('')}</article></body></html>`;
  const quoted = page.replaceAll('=', '=3D').replace(/(.{70})/g, '$1=\r\n');
  return [
    'From: <Saved by Blink>',
    'Snapshot-Content-Location: https://example.org/archive',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related; type="text/html"; boundary="----B"',
    '',
    '------B',
    'Content-Type: text/html',
    'Content-Transfer-Encoding: quoted-printable',
    'Content-Location: https://example.org/archive',
    '',
    quoted,
    '------B--',
    '',
  ].join('\r\n');
}

/** `count` different chapters of War and Peace, as text files of about 60 KB each. */
async function bookParts(count: number): Promise<Record<string, string>> {
  const text = (await readFile(join(FIXTURES, 'books', 'war-and-peace.txt'), 'utf8')).replaceAll(
    '\r\n',
    '\n',
  );
  const size = 60_000;
  return Object.fromEntries(
    Array.from({ length: count }, (_, i) => [
      `part-${String(i + 1).padStart(3, '0')}.txt`,
      `War and Peace, part ${i + 1}\n\n${text.slice(200_000 + i * size, 200_000 + (i + 1) * size)}`,
    ]),
  );
}

test('imports many files with progress, and a cancelled batch keeps what it had imported', async ({
  app,
  scratchDir,
  saveScreenshot,
}) => {
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  const before = await library.documents.count();
  // The list is virtualized: the heading's count says how many documents there are.
  const counted = (n: number) => app.page.getByText(`${n} documents`, { exact: true });

  const pagesDir = join(FIXTURES, 'web-pages');
  const pages = (await readdir(pagesDir)).toSorted().slice(0, 20);
  const files: Record<string, string | Uint8Array> = {};
  for (const name of pages) files[`${name}.html`] = await readFile(join(pagesDir, name, 'source.html'));
  files['archived.mhtml'] = webArchive('An Archived Story', [
    'The lighthouse keeper kept a log of every ship that passed in the night, with the weather.',
    'In the spring the log was sent to the harbour master, who read it and filed it with the others.',
    'Nobody else ever read the logs, until a historian found them in a box two hundred years later.',
  ]);
  files['broken.epub'] = 'this is not a zip';
  const paths = await writeFiles(scratchDir, files);
  await library.importThroughDialog(app, paths);

  await expect(library.openButton('An Archived Story')).toBeVisible({ timeout: 30_000 });
  await expect(library.alert(/broken\.epub/)).toBeVisible();
  await expect(counted(before + 21)).toBeVisible();
  await library.dismissToasts();

  // A second batch, dropped: bigger than one call carries (100 files), cancelled while it runs.
  const parts = await bookParts(110);
  await dropFiles(app.page, parts);
  const progress = app.page.getByRole('status').filter({ hasText: /Importing \d+ of 110/ });
  await expect(progress).toBeVisible({ timeout: 30_000 });
  await saveScreenshot('import-progress');
  await app.page.getByRole('button', { name: 'Cancel import' }).click();

  const cancelled = library.status(/Import cancelled: \d+ files? (was|were) not imported/);
  await expect(cancelled).toBeVisible({ timeout: 30_000 });
  const notImported = Number(/(\d+) files?/.exec((await cancelled.textContent()) ?? '')?.[1]);
  expect(notImported).toBeGreaterThan(0);
  await expect(progress).toBeHidden();
  // Every file is either in the library, whole, or not imported at all: nothing in between.
  await expect(counted(before + 21 + 110 - notImported)).toBeVisible();
});
