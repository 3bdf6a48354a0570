/**
 * import.batch.100: 100 mixed files (the saved pages, EPUB books, chapters of War and Peace as
 * text and markdown, a few broken files) imported through the dialog path in one batch, with the
 * conversions in the app's worker threads. `.total` is the batch's time; `.uiWait` the longest
 * any other call (the library list, as the UI asks it while importing) waited for its answer.
 */
import { copyFile, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { expect, test } from '@playwright/test';
import { makeTempDir, openCore, removeDir } from '../e2e/harness/core';
import { recordMetric } from './results';
import { warAndPeacePath } from './support';

const FIXTURES = join(import.meta.dirname, '..', 'e2e', 'fixtures');

/** Writes the 100 files into `dir`; answers their paths and how many are broken on purpose. */
async function mixedFiles(dir: string): Promise<{ paths: string[]; broken: number }> {
  const paths: string[] = [];
  const pagesDir = join(FIXTURES, 'web-pages');
  for (const name of (await readdir(pagesDir)).toSorted()) {
    const path = join(dir, `${name}.html`);
    await copyFile(join(pagesDir, name, 'source.html'), path);
    paths.push(path);
  }
  for (const name of (await readdir(join(FIXTURES, 'epub'))).toSorted()) {
    const path = join(dir, name);
    await copyFile(join(FIXTURES, 'epub', name), path);
    paths.push(path);
  }
  const book = (await readFile(warAndPeacePath, 'utf8')).replaceAll('\r\n', '\n');
  const broken = ['empty.md', 'binary.txt', 'not-a-book.epub', 'no-markup.html'];
  const chapters = 100 - paths.length - broken.length;
  const size = Math.floor((book.length - 100_000) / chapters);
  for (let i = 0; i < chapters; i++) {
    const text = book.slice(50_000 + i * size, 50_000 + (i + 1) * size);
    const path = join(dir, i % 2 === 0 ? `chapter-${i}.txt` : `chapter-${i}.md`);
    await writeFile(path, i % 2 === 0 ? `Chapter ${i}\n\n${text}` : `# Chapter ${i}\n\n${text}`);
    paths.push(path);
  }
  await writeFile(join(dir, broken[0]!), '');
  await writeFile(join(dir, broken[1]!), new Uint8Array([0, 1, 2, 3, 0, 255, 0]));
  await writeFile(join(dir, broken[2]!), 'PK but not really');
  await writeFile(join(dir, broken[3]!), 'only words here, not a page');
  paths.push(...broken.map((name) => join(dir, name)));
  return { paths, broken: broken.length };
}

test('import.batch.100: total time, and the longest wait of a UI call meanwhile', async () => {
  const filesDir = await makeTempDir('lectern-bench-batch-files-');
  const root = await makeTempDir('lectern-bench-batch-');
  const core = await openCore(root, { seed: false });
  try {
    const { paths, broken } = await mixedFiles(filesDir);
    expect(paths).toHaveLength(100);
    core.platform.queueDialogResult(paths);
    const waits: number[] = [];
    let importing = true;
    const asking = (async () => {
      while (importing) {
        const asked = performance.now();
        const answer = await core.handlers.queryDocuments({
          sort: 'recent',
          filter: '',
          offset: 0,
          limit: 50,
        });
        waits.push(performance.now() - asked);
        expect(answer.ok).toBe(true);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const started = performance.now();
    const result = await core.handlers.chooseAndImportFiles();
    const total = performance.now() - started;
    importing = false;
    await asking;
    if (!result.ok || result.value === null) throw new Error('the import failed');
    const outcomes = result.value.outcomes;
    const refused = outcomes.filter((outcome) => outcome.status === 'refused');
    expect(refused.length).toBeGreaterThanOrEqual(broken);
    expect(outcomes.filter((outcome) => outcome.status === 'imported').length).toBeGreaterThan(80);
    const uiWait = Math.max(...waits);
    console.log(
      `import.batch.100: ${total.toFixed(0)} ms for ${outcomes.length} files (${refused.length} refused); ` +
        `${waits.length} list queries meanwhile, longest ${uiWait.toFixed(1)} ms`,
    );
    recordMetric('import.batch.100.total', total, null);
    recordMetric('import.batch.100.uiWait', uiWait, 50);
  } finally {
    await Promise.all([core.library.close(), core.converter.close()]);
    await removeDir(root);
    await removeDir(filesDir);
  }
});
