/**
 * Where matches lie on screen, read from the layout: which match is the first below a line
 * (a binary search, since matches are in document order and so are their lines) and how to
 * bring one to the middle of the reading area, chunks of estimated height notwithstanding.
 */
import type { TextMap } from '../highlighting/text-map';
import type { MatchList } from './find-matches';

/**
 * A range's box; for text in a chunk scrolled far away (content-visibility skips its layout, and
 * a Range's box is then empty) the box of its element, whose layout reading it forces.
 */
export function boxOf(range: Range): DOMRect {
  const box = range.getBoundingClientRect();
  if (box.width > 0 || box.height > 0) return box;
  return range.startContainer.parentElement?.getBoundingClientRect() ?? box;
}

/**
 * Whether a match's box reaches below `y`. The box of its render chunk answers first: a chunk
 * wholly above or below the line needs no layout of its text (reading the Range's box would
 * force the layout of every far-away chunk a binary search touches, some 100 ms on a 3 MB book).
 */
function reachesBelow(range: Range, y: number): boolean {
  const chunk = range.startContainer.parentElement?.closest('.chunk');
  const around = chunk?.getBoundingClientRect();
  if (around && around.height > 0 && (around.bottom <= y || around.top > y)) return around.top > y;
  return boxOf(range).bottom > y;
}

/** The index of the first match whose box reaches below `y` (viewport px); `length` when none does. */
export function firstMatchBelow(map: TextMap, matches: MatchList, y: number): number {
  let low = 0;
  let high = matches.starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const range = map.rangeOf({ start: matches.starts[middle] ?? 0, end: matches.ends[middle] ?? 0 });
    if (range && reachesBelow(range, y)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Whether a range's box lies wholly inside the scroller's box. */
export function isInView(scroller: HTMLElement, range: Range): boolean {
  const box = boxOf(range);
  const area = scroller.getBoundingClientRect();
  return box.height > 0 && box.top >= area.top && box.bottom <= area.bottom;
}

/**
 * Scrolls the range to the middle of the scroller, then checks again over the next frames:
 * chunks coming into view take their real height, which can move the text a little.
 */
export function centre(scroller: HTMLElement, range: Range, settled: () => void, tries = 3): void {
  const box = boxOf(range);
  const area = scroller.getBoundingClientRect();
  const off = box.top + box.height / 2 - (area.top + area.height / 2);
  if (Math.abs(off) > 4) scroller.scrollTop += off;
  if (Math.abs(off) <= 4 || tries <= 1) return settled();
  requestAnimationFrame(() => centre(scroller, range, settled, tries - 1));
}
