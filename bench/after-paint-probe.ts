/**
 * What the reader does after its first paint, seen from the page: the longest task (PerformanceObserver
 * 'longtask', which reports tasks of 50 ms or more) and the longest gap between two animation frames
 * (finer: any task that holds up a frame), within a span after the reader's first-paint mark.
 */
import type { Page } from '@playwright/test';
import { median, recordMetric } from './results';

/** Set by <reader-view> at the first frame with text (FIRST_PAINT_MARK in renderer/reader/reader-document.ts). */
const FIRST_PAINT_MARK = 'lectern:reader-first-paint';

interface AfterPaintWindow {
  lecternLongTasks?: { startTime: number; duration: number }[];
  lecternFrames?: number[];
  PerformanceObserver: new (
    callback: (list: { getEntries(): { startTime: number; duration: number }[] }) => void,
  ) => {
    observe(options: { type: string; buffered?: boolean }): void;
  };
  requestAnimationFrame(callback: (time: number) => void): number;
  performance: { now(): number; getEntriesByName(name: string): { startTime: number }[] };
}

/** Starts recording long tasks and frame times in the page (once per page load). */
export async function watchAfterPaint(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = globalThis as unknown as AfterPaintWindow;
    if (w.lecternLongTasks) return;
    const tasks: { startTime: number; duration: number }[] = [];
    w.lecternLongTasks = tasks;
    new w.PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        tasks.push({ startTime: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
    const frames: number[] = [];
    w.lecternFrames = frames;
    const frame = (): void => {
      frames.push(w.performance.now());
      // Only the last minute is kept: a bench runs for minutes.
      if (frames.length > 4000) frames.splice(0, 1000);
      w.requestAnimationFrame(frame);
    };
    w.requestAnimationFrame(frame);
  });
}

export interface AfterPaint {
  /** The longest task that started within the span (0: none of 50 ms or more). */
  longestTask: number;
  /** The longest time between two animation frames within the span. */
  longestFrame: number;
}

/** Waits `spanMs` after the last first-paint mark, then answers what happened meanwhile. */
export async function afterPaint(page: Page, spanMs: number): Promise<AfterPaint> {
  return page.evaluate(
    async ([mark, span]) => {
      const w = globalThis as unknown as AfterPaintWindow;
      const painted = w.performance.getEntriesByName(mark).at(-1)?.startTime;
      if (painted === undefined) throw new Error('no first paint to measure after');
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, painted + span - w.performance.now())));
      const within = (time: number) => time >= painted && time <= painted + span;
      const tasks = (w.lecternLongTasks ?? []).filter((task) => within(task.startTime));
      const frames = (w.lecternFrames ?? []).filter(within);
      let longestFrame = 0;
      for (let i = 1; i < frames.length; i++)
        longestFrame = Math.max(longestFrame, (frames[i] ?? 0) - (frames[i - 1] ?? 0));
      return { longestTask: Math.max(0, ...tasks.map((task) => task.duration)), longestFrame };
    },
    [FIRST_PAINT_MARK, spanMs] as const,
  );
}

const list = (values: readonly number[]): string => values.map((v) => v.toFixed(1)).join(', ');

/** How long after each first paint the page is watched for long tasks. */
export const AFTER_PAINT_MS = 3000;

/**
 * open.<size>.longestTaskAfterPaint (PerformanceObserver 'longtask': 0 when no task reached 50 ms)
 * and open.<size>.longestFrameAfterPaint (the longest gap between animation frames), medians.
 */
export function recordAfterPaint(prefix: string, runs: readonly AfterPaint[]): void {
  const tasks = runs.map((run) => run.longestTask);
  const frames = runs.map((run) => run.longestFrame);
  console.log(`${prefix}.longestTaskAfterPaint runs (ms, 0 = none of 50 ms or more): ${list(tasks)}`);
  console.log(`${prefix}.longestFrameAfterPaint runs (ms): ${list(frames)}`);
  recordMetric(`${prefix}.longestTaskAfterPaint`, median(tasks), 50);
  recordMetric(`${prefix}.longestFrameAfterPaint`, median(frames), 50);
}
