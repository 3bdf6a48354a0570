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

/** The index of the first match whose box reaches below `y` (viewport px); `length` when none does. */
export function firstMatchBelow(map: TextMap, matches: MatchList, y: number): number {
  let low = 0;
  let high = matches.starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const range = map.rangeOf({ start: matches.starts[middle] ?? 0, end: matches.ends[middle] ?? 0 });
    if (range && boxOf(range).bottom > y) high = middle;
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
