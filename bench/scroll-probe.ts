/**
 * Runs in the page (passed to page.evaluate): a jump in the 100,000-document list, timed until the
 * rows in view are real rows near the place jumped to.
 */
export interface ScrollWindow {
  performance: { now(): number };
  requestAnimationFrame(callback: () => void): number;
  scrollTo(x: number, y: number): void;
  innerHeight: number;
  scrollY: number;
  document: { scrollingElement: { scrollHeight: number } } & ScrollNode;
}

interface ScrollNode {
  nodeType: number;
  shadowRoot?: ScrollNode | null;
  children: ArrayLike<ScrollNode>;
  getAttribute?(name: string): string | null;
  getBoundingClientRect?(): { top: number; bottom: number };
  textContent: string | null;
}

/**
 * Runs in the page: jumps to `fraction` of the list's height and resolves, frame by frame, with the
 * ms until the rows in the viewport are real rows (none busy), far from the top the jump left.
 */
export function jumpAndWaitForRows([fraction, count]: [number, number]): Promise<number> {
  const w = globalThis as unknown as ScrollWindow;
  const rowsInView = (): ScrollNode[] => {
    const found: ScrollNode[] = [];
    const visit = (node: ScrollNode): void => {
      if (node.getAttribute?.('role') === 'listitem') {
        const box = node.getBoundingClientRect?.();
        if (box && box.bottom > 0 && box.top < w.innerHeight) found.push(node);
        return;
      }
      if (node.shadowRoot) visit(node.shadowRoot);
      for (let i = 0; i < node.children.length; i++) {
        const child = node.children[i];
        if (child) visit(child);
      }
    };
    visit(w.document as unknown as ScrollNode);
    return found;
  };
  const expected = fraction * count;
  const started = w.performance.now();
  w.scrollTo(0, (w.document.scrollingElement.scrollHeight - w.innerHeight) * fraction);
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const now = w.performance.now();
      const rows = rowsInView();
      const ready =
        rows.length > 0 &&
        rows.every((row) => {
          if (row.getAttribute?.('aria-busy') === 'true') return false;
          const n = Number(/Note (\d{5})/.exec(row.textContent ?? '')?.[1] ?? Number.NaN);
          // The default sort is newest first: row i shows Note (count - 1 - i). Rows have one fixed
          // height, so the offset maps linearly to an index: the rows must be within 1% of it.
          return Math.abs(count - 1 - n - expected) < count / 100;
        });
      if (ready) resolve(now - started);
      else if (now - started > 30_000)
        reject(
          new Error(
            `no rows near ${fraction} of the list: scrollY ${w.scrollY} of ${w.document.scrollingElement.scrollHeight}, in view: ${rows.map((r) => `${r.getAttribute?.('aria-busy') ?? ''}${(r.textContent ?? '').trim().slice(0, 12)}`).join(' | ')}`,
          ),
        );
      else w.requestAnimationFrame(check);
    };
    w.requestAnimationFrame(check);
  });
}

/** One jump split into its parts (ms from the scrollTo), from the list's performance marks. */
export interface JumpSplit {
  /** The scroll event (the rows are asked for in it). */
  scrolled: number;
  /** The rows of the jump asked for (library-view's `lectern-list:asked`). */
  asked: number;
  /** The first render after the jump's rows arrived (`lectern-list:arrived`), or NaN when none was needed. */
  arrived: number;
  /** The render that finished last before the rows were seen ready. */
  rendered: number;
  /** The frame (requestAnimationFrame) in which the rows in view were first seen real and placed. */
  ready: number;
  /** The next frame: the one painted with them is done by then. */
  painted: number;
}

interface MarkWindow {
  performance: { now(): number; getEntriesByType(type: string): { name: string; startTime: number }[] };
  addEventListener(type: string, listener: () => void, options: { once: boolean; capture: boolean }): void;
  requestAnimationFrame(callback: () => void): number;
}

/** Runs in the page: jumpAndWaitForRows, split into its parts by the list's performance marks. */
export async function jumpAndSplit(args: [number, number]): Promise<JumpSplit> {
  const w = globalThis as unknown as MarkWindow & { lecternListMarks?: boolean };
  w.lecternListMarks = true;
  const started = w.performance.now();
  let scrolled = Number.NaN;
  w.addEventListener('scroll', () => (scrolled = w.performance.now() - started), {
    once: true,
    capture: true,
  });
  // Not imported: page.evaluate sends this function alone, so it carries jumpAndWaitForRows itself.
  const ready = await (globalThis as unknown as { lecternJump: typeof jumpAndWaitForRows }).lecternJump(args);
  await new Promise((resolve) => w.requestAnimationFrame(() => resolve(null)));
  const painted = w.performance.now() - started;
  const marks = w.performance
    .getEntriesByType('mark')
    .filter((m) => m.startTime >= started && m.startTime <= started + ready);
  const at = (name: string, last = false): number => {
    const found = marks.filter((m) => m.name === name);
    const mark = last ? found.at(-1) : found[0];
    return mark === undefined ? Number.NaN : mark.startTime - started;
  };
  return {
    scrolled,
    asked: at('lectern-list:asked'),
    arrived: at('lectern-list:arrived'),
    rendered: at('lectern-list:rendered', true),
    ready,
    painted,
  };
}
