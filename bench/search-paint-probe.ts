/**
 * search.p95 as the issue defines it: from a keystroke in the palette to the frame that shows the
 * results of the query it completes (the results list is named after the query it answers).
 */
import type { Page } from '@playwright/test';
import type { HarnessWindow } from '../e2e/harness/page-globals';
import { SearchPaletteModel } from '../e2e/models/search-palette';
import { lastInputAt } from '../e2e/harness/frame-probe';

interface PaletteWindow {
  performance: { now(): number; timeOrigin: number };
  requestAnimationFrame(callback: () => void): number;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number): void;
  document: PaletteNode;
  lecternPaletteShown?: Promise<number>;
  /** When the list took the query's name (the palette's render done, before the frame). */
  lecternPaletteRendered?: number;
  MutationObserver: new (callback: () => void) => {
    observe(node: PaletteNode, options: { attributes: boolean; attributeFilter: string[] }): void;
    disconnect(): void;
  };
}

interface PaletteNode {
  shadowRoot?: PaletteNode | null;
  querySelector(selector: string): PaletteNode | null;
  querySelectorAll(selector: string): Iterable<PaletteNode>;
  getAttribute(name: string): string | null;
}

/**
 * Runs in the page: starts waiting for the palette's results for `query`, then answers the first
 * frame that shows them. It asks for that frame only once the list took the query's name: a probe
 * that asked for every frame meanwhile would make the page look busy to Chromium's scheduler, which
 * then holds the answer's message after the keyup (a discrete input awaiting its frame) until the
 * next frame, and the results would show one frame later than in the app left alone.
 */
function watchForResults(query: string): void {
  const w = globalThis as unknown as PaletteWindow;
  const label = `Results for ${query}`;
  // The palette sits in the app's shadow root: look through every open shadow root.
  const find = (root: PaletteNode, selector: string): PaletteNode | null => {
    const found = root.querySelector(selector);
    if (found !== null) return found;
    for (const host of root.querySelectorAll('*')) {
      const inner = host.shadowRoot ? find(host.shadowRoot, selector) : null;
      if (inner !== null) return inner;
    }
    return null;
  };
  const list = find(w.document, 'search-palette')?.shadowRoot?.querySelector('[role="listbox"]') ?? null;
  if (list === null) throw new Error('the search palette is not open');
  w.lecternPaletteRendered = Number.NaN;
  w.lecternPaletteShown = new Promise((resolve, reject) => {
    const timeout = w.setTimeout(() => {
      observer.disconnect();
      reject(new Error(`no results shown for ${query}`));
    }, 30_000);
    const check = (): void => {
      if (list.getAttribute('aria-label') !== label) return;
      w.lecternPaletteRendered = w.performance.now();
      observer.disconnect();
      w.clearTimeout(timeout);
      // The first frame after the change is the one that paints it.
      w.requestAnimationFrame(() => resolve(w.performance.now()));
    };
    const observer = new w.MutationObserver(check);
    observer.observe(list, { attributes: true, attributeFilter: ['aria-label'] });
    check();
  });
}

async function shownAt(page: Page): Promise<number> {
  return page.evaluate(() => {
    const shown = (globalThis as unknown as PaletteWindow).lecternPaletteShown;
    if (shown === undefined) throw new Error('watchForResults was not started');
    return shown;
  });
}

/** Waits until search answers from the whole index (the app loads it from the library folder). */
export async function untilSearchReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const { lectern } = globalThis as unknown as HarnessWindow;
    for (;;) {
      const answer = await lectern.search('prince', 8);
      if (answer.ok && !answer.value.indexing) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
}

/** One keystroke timed: to the results painted, and its parts (page clock, ms). */
export interface TypedQueryTime {
  total: number;
  /** From the keydown to the palette's search call. */
  toCall: number;
  /** The search call, through the harness bridge and the core. */
  call: number;
  /** From the answer to the frame that shows it. */
  toPaint: number;
  /** Of toPaint: from the answer to the palette's render done. */
  render: number;
  /** When the call was made and when its answer reached the page, on the epoch clock (ms) main's times share. */
  calledAt: number;
  answeredAt: number;
}

/** The last search call the page made (the harness bridge records when each was made and answered). */
async function lastSearchCall(
  page: Page,
): Promise<{ at: number; doneAt: number; renderedAt: number; origin: number }> {
  return page.evaluate(() => {
    const { lecternHarnessCalls: calls } = globalThis as unknown as HarnessWindow;
    const last = calls.findLast((call) => call.method === 'search');
    const { lecternPaletteRendered, performance } = globalThis as unknown as PaletteWindow;
    return {
      at: last?.at ?? Number.NaN,
      doneAt: last?.doneAt ?? Number.NaN,
      renderedAt: lecternPaletteRendered ?? Number.NaN,
      origin: performance.timeOrigin,
    };
  });
}

/**
 * Types each query into the palette (opened with Ctrl+K; the frame probe must be installed for the
 * keydown's time): all but its last character, until their results are shown, then the last one,
 * timed from its keydown to the frame that shows the query's results. Answers the times, in query order.
 */
export async function typedQueryTimes(
  page: Page,
  queries: readonly string[],
  afterEach: () => void = () => undefined,
): Promise<TypedQueryTime[]> {
  const palette = new SearchPaletteModel(page);
  await palette.open();
  const times: TypedQueryTime[] = [];
  for (const query of queries) {
    const start = query.slice(0, -1);
    await palette.input.selectText();
    await page.evaluate(watchForResults, start);
    await page.keyboard.type(start);
    await shownAt(page);
    await page.evaluate(watchForResults, query);
    await page.keyboard.type(query.slice(-1));
    const painted = await shownAt(page);
    const keydown = await lastInputAt(page);
    const { at, doneAt, renderedAt, origin } = await lastSearchCall(page);
    times.push({
      total: painted - keydown,
      toCall: at - keydown,
      call: doneAt - at,
      toPaint: painted - doneAt,
      render: renderedAt - doneAt,
      calledAt: origin + at,
      answeredAt: origin + doneAt,
    });
    afterEach();
  }
  return times;
}
