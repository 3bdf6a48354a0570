/**
 * Per-hop timing of one highlight write for the persist bench (click, call sent, core handler,
 * each open, fsync, rename, link and lock read, the first frame after the click done, answer
 * handled in the page, on the epoch clock both processes share), the settled disk it is measured
 * on, and a Chromium trace of the clicks when asked for.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import type { Library } from '../main/library/library';

/** One file-system step of the core, on the epoch clock (ms). */
interface Step {
  name: string;
  start: number;
  end: number;
}

const epochNow = (): number => performance.timeOrigin + performance.now();

const steps: Step[] = [];
let installed = false;

type Patchable = Record<string, unknown>;

/** Wraps `target[name]` (an async function) so each call is recorded as a step. */
function timed(target: Patchable, name: string, label: (args: unknown[]) => string): void {
  const original = target[name] as (...args: unknown[]) => Promise<unknown>;
  target[name] = function (this: unknown, ...args: unknown[]) {
    const start = epochNow();
    return original
      .apply(this, args)
      .finally(() => steps.push({ name: label(args), start, end: epochNow() }));
  };
}

const baseName = (value: unknown): string =>
  String(value)
    .split('/')
    .slice(-2)
    .join('/')
    .replace(/\.lectern-tmp-[0-9a-f]+/, '.tmp');

/** Starts recording the core's file steps (once per process: the patches stay). */
export async function installFileTrace(probeFile: string): Promise<void> {
  if (installed) return;
  installed = true;
  const handle = await fs.open(probeFile, 'r');
  const fileHandle = Object.getPrototypeOf(handle) as Patchable;
  await handle.close();
  timed(fileHandle, 'sync', () => 'fsync');
  const promises = fs as unknown as Patchable;
  for (const name of ['rename', 'link', 'mkdir', 'stat', 'unlink']) {
    timed(promises, name, (args) => `${name} ${baseName(args[args.length === 1 ? 0 : 1] ?? args[0])}`);
  }
  timed(promises, 'open', (args) => `open(${String(args[1])}) ${baseName(args[0])}`);
  timed(promises, 'readFile', (args) => `read ${baseName(args[0])}`);
}

/** The steps recorded from `from` to `to` (epoch ms), as "name +start..end" relative to `origin`. */
export function stepsBetween(from: number, to: number, origin: number): string {
  return steps
    .filter((step) => step.start >= from && step.start <= to)
    .toSorted((a, b) => a.start - b.start)
    .map((step) => `${step.name} +${(step.start - origin).toFixed(1)}..${(step.end - origin).toFixed(1)}`)
    .join('; ');
}

/** Dirty + Writeback memory (kB): what the kernel still has to write back (the disk is busy while > 0). */
export async function unwrittenKilobytes(): Promise<number> {
  const text = await readFile('/proc/meminfo', 'utf8').catch(() => '');
  const field = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0);
  return field('Dirty') + field('Writeback');
}

/**
 * Waits until the disk is settled: the core's derived work (search index of the setup's 10,000
 * highlights) done and everything written back (`sync`). A user's click does not follow 10 MB of
 * writes by seconds; measured right after them, the fsyncs queued behind the writeback.
 */
export async function settleDisk(library: Library): Promise<void> {
  await library.search.settled();
  await promisify(execFile)('sync');
}

/** A page-clock span of one call, as the harness records it. */
interface PageCall {
  at: number;
  doneAt: number;
}

/**
 * Records when the core's addHighlight ran (wrapping the service the handler calls) and the core's
 * file steps; the returned function describes one click's hops, from the click (page clock) on.
 */
export async function traceHighlightWrites(
  library: Library,
  page: Page,
  probeFile: string,
): Promise<(clickedAt: number, call: PageCall, unwrittenKb: number, frameDoneAt: number) => string> {
  await installFileTrace(probeFile);
  const service = library.highlights;
  const original = service.addHighlight.bind(service);
  const spans: { start: number; end: number }[] = [];
  service.addHighlight = async (...args) => {
    const start = epochNow();
    try {
      return await original(...args);
    } finally {
      spans.push({ start, end: epochNow() });
    }
  };
  const origin = await page.evaluate(
    () => (globalThis as unknown as { performance: { timeOrigin: number } }).performance.timeOrigin,
  );
  return (clickedAt, call, unwrittenKb, frameDoneAt) => {
    const click = origin + clickedAt;
    const span = spans.at(-1) ?? { start: Number.NaN, end: Number.NaN };
    const at = (epoch: number): string => `+${(epoch - click).toFixed(1)}`;
    return (
      `  unwritten ${unwrittenKb} kB; call sent ${at(origin + call.at)}; core ${at(span.start)}..` +
      `${at(span.end)}; first frame done ${at(origin + frameDoneAt)}; answer handled ${at(origin + call.doneAt)}\n  ` +
      stepsBetween(span.start, span.end, click)
    );
  };
}

/** The renderer's tasks (type and queue), frames, input and script, as a Chromium trace records them. */
const TRACE_CATEGORIES = [
  'toplevel',
  'toplevel.flow',
  'scheduler',
  'sequence_manager',
  'disabled-by-default-sequence_manager',
  'renderer.scheduler',
  'disabled-by-default-renderer.scheduler',
  'mojom',
  'ipc',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink',
  'cc',
  'benchmark',
  'input',
  'blink.user_timing',
  // RunMicrotasks (Lit's updates after a listener), for bench/trace-clicks.mjs.
  'v8.execute',
];

/**
 * LECTERN_BENCH_TRACE=<file>: records a Chromium trace (for Perfetto) of what follows, until the
 * returned function is called: which task ran when, and of which type (a bridge answer is
 * handled in a kNetworking task; see bench/trace-clicks.mjs). Without it, nothing is recorded.
 */
export async function traceIfAsked(page: Page): Promise<() => Promise<void>> {
  const file = process.env.LECTERN_BENCH_TRACE;
  const browser = page.context().browser();
  if (!file || !browser) return async () => undefined;
  await browser.startTracing(page, { path: file, categories: TRACE_CATEGORIES });
  return async () => void (await browser.stopTracing());
}
