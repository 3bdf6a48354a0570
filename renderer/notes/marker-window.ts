/**
 * Which noted highlights get a margin marker: those whose first line is within a margin of the
 * reading area's view. Highlights come in document order, so their lines run down the page and the
 * first one in view is found by bisection: a book with thousands of notes measures a few dozen lines
 * per frame, and a note deep in the book has its marker when it is read, not only the first few hundred.
 */

/** A line's vertical place in client pixels (a DOMRect's top and bottom). */
export interface LineBox {
  readonly top: number;
  readonly bottom: number;
}

/** Lines probed beside an unmeasurable one (a highlight on text not laid out) before giving up. */
const PROBE = 8;

/**
 * The items whose line lies in [top, bottom], in order, at most `limit`; `lineOf` measures one item's
 * first line (undefined when it has none on screen: such items are skipped).
 */
export function itemsInView<T, L extends LineBox>(
  items: readonly T[],
  lineOf: (item: T) => L | undefined,
  top: number,
  bottom: number,
  limit: number,
): { item: T; line: L }[] {
  const found: { item: T; line: L }[] = [];
  for (let i = firstReaching(items, lineOf, top); i < items.length && found.length < limit; i++) {
    const item = items[i] as T;
    const line = lineOf(item);
    if (line === undefined) continue;
    if (line.top > bottom) break;
    if (line.bottom >= top) found.push({ item, line });
  }
  return found;
}

/** The first index whose line reaches `top` (its bottom at or below it): lines before it end above. */
function firstReaching<T>(
  items: readonly T[],
  lineOf: (item: T) => LineBox | undefined,
  top: number,
): number {
  let [low, high] = [0, items.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    const probed = measuredNear(items, lineOf, middle, high);
    // Nothing measurable from the middle up: the answer lies before it (or is the end).
    if (probed === null) high = middle;
    else if (probed.line.bottom < top) low = probed.index + 1;
    else high = middle;
  }
  return low;
}

/** The first measurable line at or after `index` (within PROBE items, before `end`). */
function measuredNear<T>(
  items: readonly T[],
  lineOf: (item: T) => LineBox | undefined,
  index: number,
  end: number,
): { index: number; line: LineBox } | null {
  for (let i = index; i < Math.min(end, index + PROBE); i++) {
    const line = lineOf(items[i] as T);
    if (line !== undefined) return { index: i, line };
  }
  return null;
}
