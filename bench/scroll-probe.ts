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
