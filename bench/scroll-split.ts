/** The scroll part of first-screen.bench.ts: where its jumps go, and their time split per part. */
import type { Page } from '@playwright/test';
import { median } from './results';
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
