/**
 * Full-text search on a generated library (bench/search-library.ts; SEARCH_BENCH_DOCS documents,
 * 10,000 by default: ~50 MB of War and Peace and 50,000 highlights): search.index.build (no index
 * file), search.index.startup (opening the library, after the build's garbage is collected as a new
 * process would have none, until search answers titles, highlights and notes from the persisted files;
 * search.index.startup.text: passages too; search.index.catchup: until it has also checked every
 * document for changes made meanwhile), search.index.update (one edited document,
 * event to indexed), search.p95.core over 100 varied queries (in main: the IPC hop and the paint are
 * not in it), search.memory (main's heap with the index loaded, after a garbage collection), and
 * search.p95 as the issue defines it: the same queries typed into the palette of the app (the renderer
 * in Chromium, the core bridged in), from the keystroke to the results painted. It also prints the
 * processor time start-up and the queries used (steadier than wall time on a shared machine).
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, test } from '../e2e/fixtures';
import { makeTempDir, openCore, removeDir } from '../e2e/harness/core';
import type { Library } from '../main/library/library';
import { installFrameProbe } from '../e2e/harness/frame-probe';
import type { BrowserApp } from '../e2e/harness/browser-app';
import type { QueryParts } from '../main/library/search/part-timer';
import { recordMetric } from './results';
import { writeSearchLibrary } from './search-library';
import { type TypedQueryTime, typedQueryTimes, untilSearchReady } from './search-paint-probe';

const DOCUMENTS = Number(process.env.SEARCH_BENCH_DOCS ?? 10_000);
const WORDS = [
  'prince',
  'napoleon',
  'moscow',
  'natasha',
  'battle',
  'countess',
  'regiment',
  'french',
  'peace',
  'soldiers',
];
const QUERY_SHAPES = [
  (w: string) => w,
  (w: string) => w.slice(0, 4),
  (w: string) => `"the ${w}"`,
  (w: string) => `${w.slice(0, 2)}${w.slice(3)}`,
  (w: string) => `tag:war ${w}`,
  (w: string) => `${w} -moscow`,
  (w: string) => `color:pink ${w}`,
  (w: string) => `prince ${w}`,
  (w: string) => `is:note ${w.slice(0, 3)}`,
  (w: string) => `in:study ${w}`,
];

/** The 100 queries: each shape with each word. */
const QUERIES = Array.from({ length: 100 }, (_, q) => {
  const shape = QUERY_SHAPES[q % QUERY_SHAPES.length] ?? ((w: string) => w);
  return shape(WORDS[Math.floor(q / QUERY_SHAPES.length)] ?? 'war');
});

const percentile = (values: readonly number[], p: number): number => {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
};

/** Each part's median over the queries, and the slowest query's parts. */
function partMedians(parts: readonly QueryParts[]): string {
  const names = [...new Set(parts.flatMap((part) => Object.keys(part)))];
  return names
    .map(
      (name) =>
        `${name} ${percentile(
          parts.map((part) => part[name] ?? 0),
          50,
        ).toFixed(2)}`,
    )
    .join(', ');
}

/** A full garbage collection, now. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** The heap's live size: what is left after a full collection (garbage is not the index's). */
function liveHeapMegabytes(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** Processor time (user and system, every thread) this process used since `since`. */
function cpuMilliseconds(since: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
}

/** Main's clock as milliseconds since the epoch (the page gives its times the same way). */
const epochNow = () => performance.timeOrigin + performance.now();

/** The smallest finite value. */
const fastest = (values: readonly number[]) => Math.min(...values.filter(Number.isFinite));

/** A search handler's run in main: start and end on the epoch clock, its duration on main's own. */
interface HandlerTime {
  start: number;
  end: number;
  duration: number;
}

/**
 * What the bridge and the two event loops add to each timed call (the app's IPC hop, in Electron), each
 * way. The page's and main's epoch clocks can differ by a few milliseconds: they are aligned so that the
 * fastest call each way took as long one way as the other.
 */
function callLegs(
  typed: readonly TypedQueryTime[],
  handled: readonly HandlerTime[],
): { toCore: number[]; backToPage: number[] } {
  const toCore = typed.map((time, q) => (handled[q]?.start ?? Number.NaN) - time.calledAt);
  const backToPage = typed.map((time, q) => time.answeredAt - (handled[q]?.end ?? Number.NaN));
  const skew = (fastest(toCore) - fastest(backToPage)) / 2;
  return { toCore: toCore.map((ms) => ms - skew), backToPage: backToPage.map((ms) => ms + skew) };
}

async function ready(library: Library, since: number): Promise<number> {
  await library.search.settled();
  return performance.now() - since;
}

test(`search on ${DOCUMENTS} documents: build, startup, update, queries, memory`, async ({ launchApp }) => {
  const root = await makeTempDir('lectern-bench-search-');
  try {
    await writeSearchLibrary(root, DOCUMENTS);
    let started = performance.now();
    let { library } = await openCore(root, { seed: false });
    const buildMs = await ready(library, started);
    expect(library.search.status()).toMatchObject({ origin: 'built', building: false });
    recordMetric('search.index.build', buildMs, null);
    await library.close();
    const sizes = await Promise.all(
      ['search-index.json', 'search-entries.bin', 'search-body.bin'].map(async (name) => {
        const { size } = await stat(join(root, 'cache', name));
        return `${name} ${(size / 1024 / 1024).toFixed(1)} MB`;
      }),
    );
    console.log(`index files: ${sizes.join(', ')}`);

    // The app starts in a new process: the build's garbage (hundreds of MB) is not start-up's to collect.
    collectGarbage();
    started = performance.now();
    const cpuAtStart = process.cpuUsage();
    ({ library } = await openCore(root, { seed: false }));
    await library.search.ready();
    const startupMs = performance.now() - started;
    // Processor time too: on a shared machine it varies far less than the time it takes.
    console.log(`search.index.startup used ${cpuMilliseconds(cpuAtStart).toFixed(0)} ms of processor time`);
    while (library.search.status().building) await new Promise((resolve) => setTimeout(resolve, 5));
    const textMs = performance.now() - started;
    const catchupMs = await ready(library, started);
    expect(library.search.status().origin).toBe('file');
    recordMetric('search.index.startup', startupMs, 1000);
    recordMetric('search.index.startup.text', textMs, null);
    recordMetric('search.index.catchup', catchupMs, null);
    try {
      const heap = liveHeapMegabytes();
      console.log(`index entries: ${library.search.status().entries}, heap ${heap.toFixed(0)} MB`);
      recordMetric('search.memory', heap, null, 'MB');

      const cpuAtQueries = process.cpuUsage();
      const parts: QueryParts[] = [];
      const times: number[] = [];
      const slowest: [number, string][] = [];
      for (const query of QUERIES) {
        const at = performance.now();
        const result = await library.search.search(query, 8);
        times.push(performance.now() - at);
        parts.push(library.search.lastQueryParts);
        slowest.push([performance.now() - at, query]);
        expect(result.ok).toBe(true);
      }
      console.log(`100 queries used ${cpuMilliseconds(cpuAtQueries).toFixed(0)} ms of processor time`);
      const worst = slowest.toSorted(([a], [b]) => b - a).slice(0, 6);
      console.log(
        `search median ${percentile(times, 50).toFixed(1)} ms; slowest: ${worst.map(([ms, q]) => `${q} ${ms.toFixed(1)}`).join(', ')}`,
      );
      console.log(`in main, median parts: ${partMedians(parts)}`);
      recordMetric('search.p95.core', percentile(times, 95), null);

      const [record] = library.catalog.list();
      let heard = 0;
      const unsubscribe = library.catalog.subscribe(() => (heard = performance.now()));
      await library.documents.renameDocument(record?.id ?? '', 'A renamed study of Borodinó');
      const updateMs = await ready(library, heard);
      unsubscribe();
      expect((await library.search.search('borodino renamed', 5)).ok).toBe(true);
      recordMetric('search.index.update', updateMs, 20);
    } finally {
      await library.close();
    }

    // The queries typed into the palette, on the index the core just saved.
    const app = await launchApp({ libraryDir: root });
    const typedParts: QueryParts[] = [];
    // The handler's own time in main (the rest of the call is the bridge's), on the epoch clock the
    // page's times are also given on.
    const handled: HandlerTime[] = [];
    if (app.mode === 'browser') {
      const { handlers } = (app as BrowserApp).core;
      const search = handlers.search;
      handlers.search = async (...args) => {
        const call = { start: epochNow(), end: Number.NaN, duration: Number.NaN };
        handled.push(call);
        const at = performance.now();
        const answer = await search(...args);
        call.end = epochNow();
        call.duration = performance.now() - at;
        return answer;
      };
    }
    await installFrameProbe(app.page);
    await untilSearchReady(app.page);
    // The handler's times of each timed keystroke's call (the last call made for its query).
    const timedHandled: HandlerTime[] = [];
    const typed = await typedQueryTimes(app.page, QUERIES, () => {
      if (app.mode === 'browser') typedParts.push((app as BrowserApp).core.library.search.lastQueryParts);
      timedHandled.push(handled.at(-1) ?? { start: Number.NaN, end: Number.NaN, duration: Number.NaN });
    });
    const painted = typed.map((time) => time.total);
    const worst = painted
      .map((ms, q): [number, string] => [ms, QUERIES[q] ?? ''])
      .toSorted(([a], [b]) => b - a)
      .slice(0, 6);
    const medianOf = (part: 'toCall' | 'call' | 'toPaint' | 'render') =>
      percentile(
        typed.map((time) => time[part]),
        50,
      ).toFixed(1);
    console.log(
      `keystroke to painted: median ${percentile(painted, 50).toFixed(1)} ms (to the call ${medianOf('toCall')}, ` +
        `the call ${medianOf('call')}, to the paint ${medianOf('toPaint')} of which render ${medianOf('render')}); ` +
        `slowest: ${worst.map(([ms, q]) => `${q} ${ms.toFixed(1)}`).join(', ')}`,
    );
    console.log(
      `typed, in main, median parts: ${partMedians(typedParts)}; handler median ${percentile(
        handled.map(({ duration }) => duration),
        50,
      ).toFixed(1)}`,
    );
    const { toCore, backToPage } = callLegs(typed, timedHandled);
    const spread = (values: number[]) =>
      `median ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms`;
    if (app.mode === 'browser')
      console.log(
        `timed calls outside the handler: ${spread(typed.map((time, q) => time.call - (timedHandled[q]?.duration ?? 0)))} ` +
          `(to main ${spread(toCore)}; back to the page ${spread(backToPage)})`,
      );
    for (const [ms, query] of worst) {
      const at = QUERIES.indexOf(query);
      const part = typedParts[at] ?? {};
      const time = typed[at];
      const legs = `to main ${toCore[at]?.toFixed(1)}, back ${backToPage[at]?.toFixed(1)}`;
      const core = Object.entries(part)
        .map(([name, t]) => `${name} ${t.toFixed(1)}`)
        .join(' ');
      console.log(
        `  ${query} ${ms.toFixed(1)}: call ${time?.call.toFixed(1)} (${legs}; ${core}), render ${time?.render.toFixed(1)}, paint ${time?.toPaint.toFixed(1)}`,
      );
    }
    recordMetric('search.p95', percentile(painted, 95), 30);
    // Closed here, not at the fixture's teardown: that runs after `finally` has removed the folder.
    await app.close();
  } finally {
    await removeDir(root);
  }
});
