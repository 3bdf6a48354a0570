/**
 * import.30mb.*: the core's event loop while the ~30 MB book (big-book.ts) is imported and indexed for
 * search. A user's call made meanwhile (open a book, scroll the library) waits for the longest task.
 * - import.30mb.coreMaxDelay: the longest event-loop delay (perf_hooks monitorEventLoopDelay) from
 *   the import's start until the book is searchable; split into `.importing` (until importPaths
 *   answers) and `.indexing` (from then until the index has every passage);
 * - import.30mb.indexing.maxTaskCpu: while indexing, the most CPU time spent between two turns of the
 *   event loop (less swayed by a busy machine than the delay; V8's helper threads included);
 * - import.30mb.searchable: from the import's start until a phrase of its last chapter is found.
 * - import.30mb.indexing.cpu: the CPU time of indexing (report only: less swayed by a busy machine).
 * Median of 3 imports, a fresh library each.
 */
import { readFile } from 'node:fs/promises';
import { PerformanceObserver, monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { expect, test } from '../e2e/fixtures';
import { makeTempDir, openCore, removeDir } from '../e2e/harness/core';
import { thirtyMegabyteBook } from './big-book';
import { median, recordMetric } from './results';

const list = (values: readonly number[]): string => values.map((v) => v.toFixed(1)).join(', ');
const NS_PER_MS = 1e6;

/** The last chapter's heading: found only once the whole book is indexed. */
async function lastHeading(file: string): Promise<string> {
  const text = await readFile(file, 'utf8');
  const at = text.lastIndexOf('\n## Copy ');
  return text.slice(at + 4, text.indexOf('\n', at + 1));
}

interface ImportRun {
  importing: number;
  indexing: number;
  searchable: number;
  /** While indexing: the most CPU time between two turns of the event loop (watchTaskCpu). */
  taskCpu: number;
  /** CPU time (this process, all threads) from the import's answer until searchable. */
  indexingCpu: number;
  /** The longest garbage collection pause meanwhile (part of the delays, not the code's own work). */
  longestGc: number;
}

/**
 * The most CPU time (this process's: the main thread and V8's helpers) spent between two turns of
 * the event loop, ticking every millisecond: the longest task as a quiet machine would see it. The
 * delay figures are wall-clock, and on a busy machine they also count the time the core waits for a core.
 */
function watchTaskCpu(): { stop(): number } {
  let longest = 0;
  let last = process.cpuUsage();
  let timer = setTimeout(function tick() {
    const spent = process.cpuUsage(last);
    longest = Math.max(longest, (spent.user + spent.system) / 1000);
    last = process.cpuUsage();
    timer = setTimeout(tick, 1);
  }, 1);
  return {
    stop() {
      clearTimeout(timer);
      return longest;
    },
  };
}

/** Watches garbage collection pauses; `stop` answers the longest. */
function watchGc(): { stop(): number } {
  let longest = 0;
  const observer = new PerformanceObserver((entries) => {
    for (const entry of entries.getEntries()) longest = Math.max(longest, entry.duration);
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop() {
      observer.disconnect();
      return longest;
    },
  };
}

async function importOnce(file: string, heading: string): Promise<ImportRun> {
  const root = await makeTempDir('lectern-bench-big-import-');
  const { library } = await openCore(root, { seed: false });
  try {
    await library.search.ready();
    await library.search.settled();
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const gc = watchGc();
    const started = performance.now();
    const report = await library.documents.importPaths([file]);
    const importing = delay.max / NS_PER_MS;
    expect(report.outcomes[0]?.status).toBe('imported');
    delay.reset();
    // From here on: the converter's worker threads are idle, the CPU is the core's and V8's.
    const cpu = watchTaskCpu();
    const cpuBefore = process.cpuUsage();
    await library.search.settled();
    const spent = process.cpuUsage(cpuBefore);
    const searchable = performance.now() - started;
    delay.disable();
    const longestGc = gc.stop();
    const taskCpu = cpu.stop();
    const indexing = delay.max / NS_PER_MS;
    const found = await library.search.search(`"${heading}"`, 8);
    expect(found.ok && found.value.passages.some((hit) => hit.heading === heading)).toBe(true);
    return {
      importing,
      indexing,
      searchable,
      longestGc,
      taskCpu,
      indexingCpu: (spent.user + spent.system) / 1000,
    };
  } finally {
    await library.close();
    await removeDir(root);
  }
}

test('import.30mb: the core stays responsive while a 30 MB book is imported and indexed', async () => {
  const file = await thirtyMegabyteBook();
  const heading = await lastHeading(file);
  const runs: ImportRun[] = [];
  for (let i = 0; i < 3; i++) runs.push(await importOnce(file, heading));
  const importing = runs.map((run) => run.importing);
  const indexing = runs.map((run) => run.indexing);
  const worst = runs.map((run) => Math.max(run.importing, run.indexing));
  const searchable = runs.map((run) => run.searchable);
  console.log(`import.30mb.coreMaxDelay runs (ms): ${list(worst)}`);
  console.log(`  while importing: ${list(importing)}; while indexing: ${list(indexing)}`);
  const taskCpu = runs.map((run) => run.taskCpu);
  console.log(`import.30mb.indexing.maxTaskCpu runs (ms): ${list(taskCpu)}`);
  console.log(`  longest garbage collection pause: ${list(runs.map((run) => run.longestGc))}`);
  console.log(`import.30mb.searchable runs (ms): ${list(searchable)}`);
  recordMetric('import.30mb.coreMaxDelay', median(worst), 50);
  recordMetric('import.30mb.coreMaxDelay.importing', median(importing), 50);
  recordMetric('import.30mb.coreMaxDelay.indexing', median(indexing), 50);
  recordMetric('import.30mb.indexing.maxTaskCpu', median(taskCpu), 20);
  recordMetric('import.30mb.searchable', median(searchable), null);
  const indexingCpu = runs.map((run) => run.indexingCpu);
  console.log(`import.30mb.indexing.cpu runs (ms): ${list(indexingCpu)}`);
  recordMetric('import.30mb.indexing.cpu', median(indexingCpu), null);
});
