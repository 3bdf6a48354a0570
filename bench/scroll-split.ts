/** The scroll part of first-screen.bench.ts: where its jumps go, and their time split per part. */
import type { Page } from '@playwright/test';
import { median } from './results';
import type { HarnessWindow } from '../e2e/harness/page-globals';
import type { JumpSplit } from './scroll-probe';

/** 20 jumps spread over the middle of the list, never twice to the same place. */
export const JUMP_FRACTIONS = Array.from({ length: 20 }, (_, i) => 0.3 + ((i * 7) % 20) * 0.02);

const ms = (value: number): string => (Number.isNaN(value) ? '—' : value.toFixed(1));

/** Medians (and the slowest) of each part of the jumps, as time from the part before. */
export function printSplits(splits: readonly JumpSplit[]): void {
  const steps: [string, (s: JumpSplit) => number][] = [
    ['scrollTo → scroll event', (s) => s.scrolled],
    ['scroll event → rows asked', (s) => s.asked - s.scrolled],
    ['rows asked → answer rendered (round trip)', (s) => s.arrived - s.asked],
    ['→ last render done', (s) => s.rendered - (Number.isNaN(s.arrived) ? s.asked : s.arrived)],
    ['→ frame seeing real rows', (s) => s.ready - s.rendered],
    ['→ next frame (painted)', (s) => s.painted - s.ready],
  ];
  console.log(`library.100k.scroll split over ${splits.length} jumps (median / max ms):`);
  for (const [name, part] of steps) {
    const values = splits.map(part).filter((v) => !Number.isNaN(v));
    const max = values.length === 0 ? Number.NaN : Math.max(...values);
    console.log(
      `  ${name}: ${ms(values.length === 0 ? Number.NaN : median(values))} / ${ms(max)} (${values.length} jumps)`,
    );
  }
  console.log(
    `  answers awaited in ${splits.filter((s) => !Number.isNaN(s.arrived)).length} of ${splits.length} jumps`,
  );
}

/** The page's JS heap after a GC (CDP), printed. */
export async function printRendererMemory(page: Page, when: string): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  const mb = heap.usedSize / (1024 * 1024);
  console.log(`memory.100k.renderer ${when}: ${mb.toFixed(1)} MB`);
  return mb;
}

/**
 * Waits until the row index is built (no queryRowIndex call for 500 ms, none in flight): the
 * jumps measure a list whose index is there, as a second or two after opening it. Prints how
 * long the last build took (its first call to its last answer).
 */
export async function waitForRowIndex(page: Page): Promise<void> {
  for (;;) {
    const state = await page.evaluate(() => {
      const calls = (globalThis as unknown as HarnessWindow).lecternHarnessCalls.filter(
        (c) => c.method === 'queryRowIndex',
      );
      const now = (globalThis as unknown as HarnessWindow).performance.now();
      const last = calls.at(-1);
      const quiet = last !== undefined && last.doneAt !== undefined && now - last.doneAt > 500;
      return { quiet, calls: calls.map((c) => [c.at, c.doneAt ?? Number.NaN]) };
    });
    if (state.quiet) {
      // The last build: the calls after the last pause longer than a second between two of them.
      let first = state.calls.length - 1;
      while (first > 0 && (state.calls[first]?.[0] ?? 0) - (state.calls[first - 1]?.[1] ?? 0) < 1000) first--;
      const took = (state.calls.at(-1)?.[1] ?? 0) - (state.calls[first]?.[0] ?? 0);
      console.log(`row index: last build ${state.calls.length - first} pages in ${took.toFixed(0)} ms`);
      return;
    }
    await page.waitForTimeout(200);
  }
}
