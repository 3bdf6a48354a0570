/** Page-side probes of the highlight bench: the frame a new highlight is painted in, and the calls around it. */
import type { Page } from '@playwright/test';
import type { HarnessWindow } from '../e2e/harness/page-globals';

/**
 * Starts watching, frame by frame, the CSS highlight registered as `name`; the returned function
 * resolves with the page time of the first frame after now in which it holds one more range (the
 * new highlight painted: the painter never touches the DOM, so no text probe can see it).
 */
export async function startPaintProbe(page: Page, name: string): Promise<() => Promise<number>> {
  const key = await page.evaluate((highlightName) => {
    const win = globalThis as unknown as {
      CSS: { highlights: Map<string, { size: number }> };
      performance: { now(): number };
      requestAnimationFrame(callback: () => void): number;
      lecternPaintProbes?: Promise<number>[];
    };
    const before = win.CSS.highlights.get(highlightName)?.size ?? 0;
    const started = win.performance.now();
    const found = new Promise<number>((resolve, reject) => {
      const check = (): void => {
        const now = win.performance.now();
        if ((win.CSS.highlights.get(highlightName)?.size ?? 0) > before) resolve(now);
        else if (now - started > 30_000) reject(new Error(`${highlightName} never grew`));
        else win.requestAnimationFrame(check);
      };
      win.requestAnimationFrame(check);
    });
    win.lecternPaintProbes = [...(win.lecternPaintProbes ?? []), found];
    return win.lecternPaintProbes.length - 1;
  }, name);
  return () =>
    page.evaluate(
      (index) =>
        (globalThis as unknown as { lecternPaintProbes: Promise<number>[] }).lecternPaintProbes[
          index
        ] as Promise<number>,
      key,
    );
}

/** The bridge calls made since `since` (page clock), with when each left and was answered. */
export function callsSince(page: Page, since: number): Promise<string> {
  return page.evaluate((after) => {
    const calls = (globalThis as unknown as HarnessWindow).lecternHarnessCalls.filter((c) => c.at >= after);
    return calls
      .map(
        (c) => `${c.method} +${(c.at - after).toFixed(1)}..${((c.doneAt ?? Number.NaN) - after).toFixed(1)}`,
      )
      .join('; ');
  }, since);
}
