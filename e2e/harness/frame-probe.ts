/**
 * Page-side timing for the benchmarks: finds, frame by frame (requestAnimationFrame), the
 * first frame whose DOM — shadow roots included — shows the given texts, and when the user
 * last pressed a key or a pointer button. Installed with addInitScript so it is there before the app's first render.
 */
import type { Page } from '@playwright/test';

export interface FrameProbe {
  /** performance.now() of the first frame where every `present` text is shown and no `absent` one. */
  untilText(present: readonly string[], absent?: readonly string[], timeoutMs?: number): Promise<number>;
  /** performance.now() of the most recent keydown or pointerdown anywhere in the page. */
  lastInputAt: number;
}

interface ProbeWindow {
  lecternProbe: FrameProbe;
  requestAnimationFrame(callback: (time: number) => void): number;
  addEventListener(type: string, listener: () => void, capture: boolean): void;
  performance: { now(): number };
}

interface ProbeNode {
  nodeType: number;
  nodeValue: string | null;
  shadowRoot?: ProbeNode | null;
  childNodes: ArrayLike<ProbeNode>;
}

/** Self-contained: runs in the page. */
function defineFrameProbe(): void {
  const page = globalThis as unknown as ProbeWindow & { document: ProbeNode };
  const shownTexts = (wanted: readonly string[]): Set<string> => {
    const found = new Set<string>();
    const visit = (node: ProbeNode): void => {
      if (found.size === wanted.length) return;
      if (node.nodeType === 3) {
        for (const text of wanted) if (node.nodeValue?.includes(text)) found.add(text);
        return;
      }
      if (node.shadowRoot) visit(node.shadowRoot);
      for (let i = 0; i < node.childNodes.length; i++) {
        const child = node.childNodes[i];
        if (child) visit(child);
      }
    };
    visit(page.document);
    return found;
  };
  const probe: FrameProbe = {
    lastInputAt: Number.NaN,
    untilText(present, absent = [], timeoutMs = 30_000) {
      const started = page.performance.now();
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const now = page.performance.now();
          const shown = shownTexts([...present, ...absent]);
          if (present.every((t) => shown.has(t)) && !absent.some((t) => shown.has(t))) resolve(now);
          else if (now - started > timeoutMs) reject(new Error(`texts not shown: ${present.join(', ')}`));
          else page.requestAnimationFrame(check);
        };
        page.requestAnimationFrame(check);
      });
    },
  };
  const markInput = () => (probe.lastInputAt = page.performance.now());
  page.addEventListener('keydown', markInput, true);
  page.addEventListener('pointerdown', markInput, true);
  page.lecternProbe = probe;
}

export async function installFrameProbe(page: Page): Promise<void> {
  await page.addInitScript(defineFrameProbe);
  // Also in the current document, for probes started without a reload.
  await page.evaluate(defineFrameProbe);
}

/** Starts waiting in the page now; await the returned promise after acting. */
export async function startTextProbe(
  page: Page,
  present: readonly string[],
  absent: readonly string[] = [],
): Promise<() => Promise<number>> {
  await page.evaluate(
    ([p, a]) => {
      const w = globalThis as unknown as ProbeWindow & { lecternProbeResult?: Promise<number> };
      w.lecternProbeResult = w.lecternProbe.untilText(p, a);
    },
    [present, absent] as const,
  );
  return () =>
    page.evaluate(
      () => (globalThis as unknown as { lecternProbeResult: Promise<number> }).lecternProbeResult,
    );
}

/** When the user last pressed a key or a pointer button (page clock). */
export async function lastInputAt(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as ProbeWindow).lecternProbe.lastInputAt);
}
