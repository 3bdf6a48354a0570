/**
 * Web-page and EPUB import, in Node (the converters are pure): import.web.median/p95 per page
 * over the 35 saved pages (each page's median of 5 runs, after a warm-up pass), with the lowest
 * text agreement beside them; import.epub.moby and import.epub.300ch, median of 5 and of 3.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { expect, test } from '@playwright/test';
import { convertEpub } from '../main/library/import/epub/convert-epub';
import { manyChapterBook } from '../main/library/import/epub/test-books';
import { convertWebPage } from '../main/library/import/web/convert-web-page';
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

const runsText = (runs: readonly { ms: number; cpuMs: number }[]) =>
  runs.map((run) => `${run.ms.toFixed(1)} (cpu ${run.cpuMs.toFixed(1)})`).join(', ');

/** The value below which `share` of the sorted values fall (nearest rank). */
function percentile(values: readonly number[], share: number): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
}

test('import.web: every saved page of the fixtures, per page', () => {
  const pages = readdirSync(pagesDir)
    .toSorted()
    .map((name) => ({ name, bytes: readFileSync(join(pagesDir, name, 'source.html')) }));
  for (const page of pages) convertWebPage(`${page.name}.html`, page.bytes); // warm-up
  const rows = pages.map((page) => {
    const runs = Array.from({ length: 5 }, () =>
      timed(() => convertWebPage(`${page.name}.html`, page.bytes)),
    );
    const converted = runs[0]?.result;
    if (converted === undefined || 'ok' in converted) throw new Error(`${page.name} was refused`);
    const expected = readFileSync(join(pagesDir, page.name, 'expected.html'), 'utf8');
    const agreement = tokenAgreement(
      textTokens(expectedArticleText(expected)),
      textTokens(markdownText(converted.markdown)),
    );
    const cpuMs = median(runs.map((run) => run.cpuMs));
    return { name: page.name, ms: median(runs.map((run) => run.ms)), cpuMs, agreement };
  });
  const line = (r: (typeof rows)[number]) =>
    `${r.name.padEnd(20)} ${r.ms.toFixed(1).padStart(6)} ms (cpu ${r.cpuMs.toFixed(1).padStart(6)})  ${r.agreement.toFixed(3)}`;
  console.log(rows.map(line).join('\n'));
  const times = rows.map((row) => row.ms);
  recordMetric('import.web.median', median(times), 30);
  recordMetric('import.web.p95', percentile(times, 0.95), 30);
  recordMetric('import.web.agreement.min', Math.min(...rows.map((row) => row.agreement)), 0.9, 'ratio');
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
