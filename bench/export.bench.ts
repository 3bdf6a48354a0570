/**
 * export.10k: formatting one document's notes as markdown (common/export) with 10,000
 * highlights, each with a note (holding a link) and two tags, on War and Peace with its book and
 * chapter headings as sections: placing them in sections, escaping, front matter, all of it joined
 * into one flat string (what the file is written from). Pure code, in Node.
 * export.library.1000docs: exporting a library of 1,000 documents (five highlights each) into an
 * empty folder through the core's export of many: gather, format, write every file durably.
 */
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { expect, test } from '@playwright/test';
import { formatDocumentMarkdown } from '../common/export/format';
import { TEN_THOUSAND, tenThousandHighlights, TEN_THOUSAND_OPTIONS } from '../common/export/ten-thousand';
import { openLibrary } from '../main/library/library';
import { median, recordMetric } from './results';
import { writeSearchLibrary } from './search-library';
import { benchTmpDir, warAndPeacePath } from './support';

test('export.10k: format 10,000 highlights with notes and tags as one markdown file', async () => {
  const book = (await readFile(warAndPeacePath, 'utf8')).replace(/\r\n/g, '\n');
  const doc = tenThousandHighlights(book);
  const options = TEN_THOUSAND_OPTIONS;
  // The warm-up is timed too, not counted: it is what a user waits for, one export in a running
  // app whose export code has not run yet (V8 interprets it, then optimises it partway through).
  const warmUpStarted = performance.now();
  let markdown = formatDocumentMarkdown(doc, options);
  const warmUp = performance.now() - warmUpStarted;
  const times: number[] = [];
  // CPU time beside wall time: on a shared, loaded machine the wall clock also counts waiting.
  const cpu: number[] = [];
  for (let run = 0; run < 7; run++) {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    markdown = formatDocumentMarkdown(doc, options);
    times.push(performance.now() - started);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
  }
  expect(markdown.match(/^\^h-/gm)).toHaveLength(TEN_THOUSAND);
  const value = median(times);
  console.log(
    `export.10k: ${value.toFixed(1)} ms (median of 7; CPU ${median(cpu).toFixed(1)} ms), ${(markdown.length / 1e6).toFixed(1)} MB of markdown`,
  );
  // Run by run: V8 is still optimising in the first runs after the one warm-up (they are 1.5-2.5x
  // the last ones), so the median of 7 sits where that settles; the series shows how far along it is.
  console.log(
    `export.10k runs: warm-up ${warmUp.toFixed(0)} ms, then wall ${times.map((t) => t.toFixed(0)).join(' ')} ms; CPU ${cpu.map((t) => t.toFixed(0)).join(' ')} ms`,
  );
  recordMetric('export.10k', value, 50);
});

test('export.library.1000docs: export 1,000 documents into an empty folder, each file durably', async () => {
  const root = join(benchTmpDir, 'export-library');
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  await writeSearchLibrary(root, 1000);
  const library = await openLibrary({ root });
  // Opening indexes the library in the background (search, links): the figure is the export's.
  await Promise.all([library.search.settled(), library.links.settled()]);
  try {
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      const folder = join(benchTmpDir, `export-library-out-${run}`);
      await rm(folder, { recursive: true, force: true });
      await mkdir(folder, { recursive: true });
      const started = performance.now();
      const report = await library.exporter.exportManyTo(
        { scope: { kind: 'all' }, includeNotes: false },
        folder,
      );
      times.push(performance.now() - started);
      expect(report.ok && report.value.files.length).toBe(1000);
      expect(await readdir(folder)).toHaveLength(1001);
      await rm(folder, { recursive: true, force: true });
    }
    const value = median(times);
    console.log(
      `export.library.1000docs: ${times.map((t) => t.toFixed(0)).join(', ')} ms (median ${value.toFixed(0)})`,
    );
    recordMetric('export.library.1000docs', value, 2000);
  } finally {
    await library.close();
    await rm(root, { recursive: true, force: true });
  }
});
