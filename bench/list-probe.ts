/**
 * The library list's first paint after a reload, watched from the document's start: a probe
 * started only once `page.reload()` resolves (the load event, then a Playwright round trip) finds
 * rows painted before it began one frame late, and so timed Playwright's latency, not the app's.
 */
import type { Page } from '@playwright/test';
import type { HarnessWindow } from '../e2e/harness/page-globals';

interface EarlyProbeWindow {
  lecternProbe: { untilText(present: readonly string[]): Promise<number> };
  lecternListShown?: Promise<number>;
}

/**
 * From now on every page load starts waiting, at its first frame, for `title` to be shown
 * (installFrameProbe must have been called before, so the probe is defined first).
 */
export async function watchEveryLoadFor(page: Page, title: string): Promise<void> {
  await page.addInitScript((text) => {
    const w = globalThis as unknown as EarlyProbeWindow;
    w.lecternListShown = w.lecternProbe.untilText([text]);
  }, title);
}

/** After a reload: when the title was first shown, and the first queryDocuments call of this load. */
export async function listShownAfterReload(
  page: Page,
): Promise<{ shownAt: number; request: { at: number; doneAt?: number } }> {
  const shownAt = await page.evaluate(() => {
    const shown = (globalThis as unknown as EarlyProbeWindow).lecternListShown;
    if (shown === undefined) throw new Error('watchEveryLoadFor was not called before the reload');
    return shown;
  });
  const request = await page.evaluate(() =>
    (globalThis as unknown as HarnessWindow).lecternHarnessCalls.find((c) => c.method === 'queryDocuments'),
  );
  if (request === undefined) throw new Error('the page never called queryDocuments');
  return { shownAt, request };
}
