/**
 * Keyboard focus in the virtualized library list: ↑/↓ and Tab/Shift+Tab walk every row, even
 * the ones not rendered yet (the window scrolls until the row exists, then it takes focus), and
 * a deleted row hands focus to its neighbour, so focus never falls to <body>.
 */

/** How many frames to wait for a row to be rendered before giving up (the list then keeps focus where it is). */
const MAX_FRAMES = 30;

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

function rowButton(root: ParentNode, index: number): HTMLElement | null {
  return root.querySelector<HTMLElement>(`.open[data-index="${index}"]`);
}

/** The index of the row an event came from (any control inside it), or null. */
export function rowIndexOf(path: readonly EventTarget[]): number | null {
  for (const target of path) {
    if (!(target instanceof HTMLElement)) continue;
    if (target.classList.contains('row')) {
      const index = target.querySelector<HTMLElement>('.open')?.dataset['index'];
      return index === undefined ? null : Number(index);
    }
  }
  return null;
}

/**
 * Focuses row `index`'s open button, scrolling toward it until the virtualizer renders it.
 * `focusLast` lands on the row's last control instead (Shift+Tab from the row below).
 */
export async function focusRow(root: ParentNode, index: number, focusLast = false): Promise<boolean> {
  for (let i = 0; i < MAX_FRAMES; i++) {
    const button = rowButton(root, index);
    if (button) {
      const row = button.closest('.row');
      const controls = row ? [...row.querySelectorAll<HTMLElement>('button')] : [button];
      const target = (focusLast ? controls.at(-1) : button) ?? button;
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: 'nearest' });
      return true;
    }
    const rendered = [...root.querySelectorAll<HTMLElement>('.open[data-index]')].map((b) =>
      Number(b.dataset['index']),
    );
    // No rows yet (a window is loading): wait for them rather than scroll away.
    if (rendered.length > 0) {
      const below = index > Math.max(...rendered);
      window.scrollBy(0, (below ? 1 : -1) * Math.max(80, window.innerHeight / 2));
    }
    await frame();
  }
  return false;
}

/** ↑/↓ between rows' open buttons; Tab past a row's last control, or Shift+Tab before its first, to the next row. */
export function onListKey(event: KeyboardEvent, root: ParentNode, total: number): void {
  const origin = event.composedPath()[0];
  const index = rowIndexOf(event.composedPath());
  if (!(origin instanceof HTMLElement) || index === null) return;
  let next: number | null = null;
  let focusLast = false;
  if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && origin.classList.contains('open')) {
    next = index + (event.key === 'ArrowDown' ? 1 : -1);
  } else if (event.key === 'Tab' && !event.ctrlKey && !event.altKey && !event.metaKey) {
    const controls = [...(origin.closest('.row')?.querySelectorAll<HTMLElement>('button') ?? [])];
    const atEdge = event.shiftKey ? controls[0] === origin : controls.at(-1) === origin;
    const neighbour = index + (event.shiftKey ? -1 : 1);
    // Only when the neighbour is not rendered: otherwise the browser's own Tab order is right.
    if (atEdge && !rowButton(root, neighbour)) [next, focusLast] = [neighbour, event.shiftKey];
  }
  if (next === null || next < 0 || next >= total) return;
  event.preventDefault();
  void focusRow(root, next, focusLast);
}
