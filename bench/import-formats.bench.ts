/**
 * Web-page and EPUB import, in Node: import.web.median/p95 per page over the 35 saved pages in the
 * app's converter worker (each page's median of 5 runs, after a warm-up pass), with the lowest
 * text agreement beside them, and the same in this process; import.epub.moby and .300ch.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { expect, test } from '@playwright/test';
import { convertEpub } from '../main/library/import/epub/convert-epub';
import { manyChapterBook } from '../main/library/import/epub/made-books';
import type { ConversionResult } from '../main/library/import/conversion';
import type { Refusal } from '../main/library/import/decode';
import { convertWebPage } from '../main/library/import/web/convert-web-page';
import { WorkerConverter } from '../main/library/import/worker-converter';
import {
  expectedArticleText,
  markdownText,
  textTokens,
  tokenAgreement,
} from '../main/library/import/web/token-agreement';
import { median, recordMetric } from './results';

const fixtures = join(import.meta.dirname, '..', 'e2e', 'fixtures');
const pagesDir = join(fixtures, 'web-pages');

/** Wall-clock time (the metric) and this process's CPU time (printed: shows how loaded the machine was). */
function timed<T>(work: () => T): { result: T; ms: number; cpuMs: number } {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = work();
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return { result, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

async function timedAsync<T>(work: () => Promise<T> | T): Promise<{ result: T; ms: number; cpuMs: number }> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return { result, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const runsText = (runs: readonly { ms: number; cpuMs: number }[]) =>
  runs.map((run) => `${run.ms.toFixed(1)} (cpu ${run.cpuMs.toFixed(1)})`).join(', ');

/** The value below which `share` of the sorted values fall (nearest rank). */
function percentile(values: readonly number[], share: number): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
}

interface PageRow {
  name: string;
  ms: number;
  cpuMs: number;
  agreement: number;
}

/** What a worker answers (the markdown as the file's bytes) or a converter run in this process. */
type Converted = ConversionResult | ReturnType<typeof convertWebPage>;

const markdownOf = (converted: Exclude<Converted, Refusal>): string =>
  'body' in converted ? Buffer.from(converted.body).toString('utf8') : converted.markdown;

/** Each page's median of 5 timed conversions (after a warm-up pass over all), and its text agreement. */
async function measurePages(
  convert: (name: string, bytes: Uint8Array) => Promise<Converted> | Converted,
): Promise<PageRow[]> {
  const pages = readdirSync(pagesDir)
    .toSorted()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(pagesDir, name, 'source.html'))) }));
  for (const page of pages) await convert(`${page.name}.html`, page.bytes); // warm-up
  const rows: PageRow[] = [];
  for (const page of pages) {
    const runs: { result: Converted; ms: number; cpuMs: number }[] = [];
    for (let run = 0; run < 5; run++)
      runs.push(await timedAsync(() => convert(`${page.name}.html`, page.bytes)));
    const converted = runs[0]?.result;
    if (converted === undefined || 'ok' in converted) throw new Error(`${page.name} was refused`);
    const expected = readFileSync(join(pagesDir, page.name, 'expected.html'), 'utf8');
    const agreement = tokenAgreement(
      textTokens(expectedArticleText(expected)),
      textTokens(markdownText(markdownOf(converted))),
    );
    const cpuMs = median(runs.map((run) => run.cpuMs));
    rows.push({ name: page.name, ms: median(runs.map((run) => run.ms)), cpuMs, agreement });
  }
  return rows;
}

const pageLine = (r: PageRow) =>
  `${r.name.padEnd(20)} ${r.ms.toFixed(1).padStart(6)} ms (cpu ${r.cpuMs.toFixed(1).padStart(6)})  ${r.agreement.toFixed(3)}`;

test('import.web: every saved page of the fixtures, per page, in the app’s converter worker', async () => {
  // The app converts in worker threads with their own heap limits (worker-converter.ts): measured
  // there, from the job sent to the document received (outline and messaging included).
  const converter = new WorkerConverter(join(import.meta.dirname, '..', 'out', 'main', 'convert-worker.js'), {
    size: 1,
  });
  try {
    const rows = await measurePages((fileName, bytes) =>
      converter.convert({ fileName, bytes, pagePath: null }),
    );
    console.log(rows.map(pageLine).join('\n'));
    const times = rows.map((row) => row.ms);
    recordMetric('import.web.median', median(times), 30);
    recordMetric('import.web.p95', percentile(times, 0.95), 30);
    recordMetric('import.web.agreement.min', Math.min(...rows.map((row) => row.agreement)), 0.9, 'ratio');
    expect(rows).toHaveLength(35);
  } finally {
    await converter.close();
  }
});

test('import.web.inProcess: the same pages converted in this process (the figure of earlier runs)', async () => {
  const rows = await measurePages((fileName, bytes) => convertWebPage(fileName, bytes));
  // The slowest pages, to set beside the worker's figures (a gap is the worker's own cost).
  console.log(
    rows
      .toSorted((a, b) => b.ms - a.ms)
      .slice(0, 8)
      .map(pageLine)
      .join('\n'),
  );
  const times = rows.map((row) => row.ms);
  recordMetric('import.web.inProcess.median', median(times), null);
  recordMetric('import.web.inProcess.p95', percentile(times, 0.95), null);
  expect(rows).toHaveLength(35);
});

test('import.epub.moby: Moby-Dick (144 spine items, 135 chapters)', () => {
  const bytes = readFileSync(join(fixtures, 'epub', 'moby-dick.epub'));
  convertEpub('moby-dick.epub', bytes); // warm-up
  const runs = Array.from({ length: 5 }, () => timed(() => convertEpub('moby-dick.epub', bytes)));
  console.log(`import.epub.moby runs (ms): ${runsText(runs)}`);
  expect('ok' in (runs[0]?.result ?? { ok: false })).toBe(false);
  recordMetric('import.epub.moby', median(runs.map((run) => run.ms)), 1000);
});

test('import.epub.300ch: a made book of 300 chapters', () => {
  const bytes = manyChapterBook(300);
  const runs = Array.from({ length: 3 }, () => timed(() => convertEpub('three-hundred.epub', bytes)));
  console.log(`import.epub.300ch runs (ms): ${runsText(runs)}`);
  expect('ok' in (runs[0]?.result ?? { ok: false })).toBe(false);
  recordMetric('import.epub.300ch', median(runs.map((run) => run.ms)), 2000);
});
