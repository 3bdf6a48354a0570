/** Page-side probes of the highlight bench: the frame a new highlight is painted in, and the calls around it. */
import type { Page } from '@playwright/test';
import type { HarnessWindow } from '../e2e/harness/page-globals';

/** Page times (ms) of the frame that painted a new highlight. */
export interface PaintedFrame {
  /** Its animation-frame callbacks ran (the highlight is in the registry it paints). */
  paintedAt: number;
  /** Its work (style, layout, paint, commit) is done: the first task after it started. */
  doneAt: number;
}

/**
 * Starts watching the CSS highlight registered as `name`; the returned function resolves with the
 * first frame after the app adds a range to it (the new highlight painted: the painter never
 * touches the DOM, so no text probe can see it).
 * The probe wraps Highlight.prototype.add and asks for one animation frame from inside the app's
 * add, a frame the app's change asks for anyway. It never polls frame by frame: a pending
 * animation frame at the end of the click's input task would make Chromium hold every other task
 * of the page (the bridge's answer among them) until that frame (DeferRendererTasksAfterInput),
 * a wait the probe would add and a user's click would not have.
 * `doneAt` comes from a user-blocking scheduler.postTask posted in that frame's callback: it
 * cannot run before the frame's task ends, and outranks the normal-priority tasks Chromium may
 * have held back until that frame, so it runs first once the frame is done.
 */
export async function startPaintProbe(page: Page, name: string): Promise<() => Promise<PaintedFrame>> {
  const key = await page.evaluate((highlightName) => {
    interface Registered {
      add(range: unknown): unknown;
    }
    const win = globalThis as unknown as {
      CSS: { highlights: Map<string, Registered> };
      Highlight: { prototype: Registered };
      performance: { now(): number };
      requestAnimationFrame(callback: () => void): number;
      setTimeout(callback: () => void, ms: number): number;
      scheduler: { postTask(callback: () => void, options: { priority: 'user-blocking' }): Promise<void> };
      lecternPaintProbes?: Promise<PaintedFrame>[];
    };
    const prototype = win.Highlight.prototype;
    const add = prototype.add;
    const found = new Promise<PaintedFrame>((resolve, reject) => {
      const timeout = win.setTimeout(() => {
        prototype.add = add;
        reject(new Error(`${highlightName} never grew`));
      }, 30_000);
      prototype.add = function (this: Registered, range: unknown) {
        const result = add.call(this, range);
        if (win.CSS.highlights.get(highlightName) !== this) return result;
        prototype.add = add;
        clearTimeout(timeout);
        win.requestAnimationFrame(() => {
          const paintedAt = win.performance.now();
          void win.scheduler.postTask(() => resolve({ paintedAt, doneAt: win.performance.now() }), {
            priority: 'user-blocking',
          });
        });
        return result;
      };
    });
    win.lecternPaintProbes = [...(win.lecternPaintProbes ?? []), found];
    return win.lecternPaintProbes.length - 1;
  }, name);
  return () =>
    page.evaluate(
      (index) =>
        (globalThis as unknown as { lecternPaintProbes: Promise<PaintedFrame>[] }).lecternPaintProbes[
          index
        ] as Promise<PaintedFrame>,
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

/** The first addHighlight call made after `since` (page clock), once its answer has reached the page. */
export async function answeredCall(page: Page, since: number): Promise<{ at: number; doneAt: number }> {
  return page.evaluate(
    (after) =>
      new Promise<{ at: number; doneAt: number }>((resolve) => {
        const win = globalThis as unknown as HarnessWindow & {
          setTimeout(callback: () => void, ms: number): number;
        };
        const check = (): void => {
          const call = win.lecternHarnessCalls.find((c) => c.method === 'addHighlight' && c.at >= after);
          if (call?.doneAt !== undefined) resolve({ at: call.at, doneAt: call.doneAt });
          else win.setTimeout(check, 1);
        };
        check();
      }),
    since,
  );
}
