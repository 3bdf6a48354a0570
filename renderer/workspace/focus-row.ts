/** Keyboard focus in the workspace's virtualized list: the row is scrolled into view, then focused once rendered. */
import { WORKSPACE_ROW_HEIGHT } from './workspace-row';

/** Room kept above a focused row for the sticky header. */
const HEADER_ROOM = 120;
/** Frames to wait for the row to be rendered before giving up. */
const MAX_FRAMES = 10;

export async function focusRow(root: ParentNode, rendered: Promise<unknown>, index: number): Promise<void> {
  const box = root.querySelector<HTMLElement>('.list');
  if (!box) return;
  const top = box.getBoundingClientRect().top + index * WORKSPACE_ROW_HEIGHT;
  if (top < HEADER_ROOM) window.scrollBy(0, top - HEADER_ROOM);
  else if (top + WORKSPACE_ROW_HEIGHT > innerHeight)
    window.scrollBy(0, top + WORKSPACE_ROW_HEIGHT - innerHeight + 16);
  await rendered;
  for (let frame = 0; frame < MAX_FRAMES; frame++) {
    const row = root.querySelector<HTMLElement>(`[data-row="${index}"]`);
    if (row) return row.focus({ preventScroll: true });
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}
