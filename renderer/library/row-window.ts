/**
 * Which rows of a fixed-height list are on screen, and where each goes: exact arithmetic (no size
 * estimates), so a jump to any point of the scrollbar lands on the row that is really there.
 */

/**
 * The tallest list box we lay out. Chromium's layout units stop near 33.5 million px; past this a
 * list is laid out in a box this tall and the scroll offset is scaled (rows then move a little
 * faster than the wheel), so the scrollbar still maps linearly to the rows.
 */
export const MAX_LIST_HEIGHT = 30_000_000;

export interface WindowRequest {
  total: number;
  rowHeight: number;
  /** How far the viewport's top is past the list box's top (negative while the list starts lower). */
  scrollTop: number;
  viewportHeight: number;
  /** Rows rendered beyond each edge of the viewport. */
  overscan: number;
  maxHeight?: number;
}

export interface RowWindow {
  /** First and last row to render (inclusive); last < first when there are none. */
  first: number;
  last: number;
  /** The list box's height. */
  height: number;
  /** Where row `index` goes, in px from the top of the list box. */
  topOf(index: number): number;
}

/** The list box's height for `total` rows. */
export function listHeight(total: number, rowHeight: number, maxHeight = MAX_LIST_HEIGHT): number {
  return Math.min(Math.max(0, total) * rowHeight, maxHeight);
}

/** The rows in (and around) the viewport, and their positions. */
export function rowWindow(request: WindowRequest): RowWindow {
  const { total, rowHeight, viewportHeight, overscan } = request;
  const full = Math.max(0, total) * rowHeight;
  const height = listHeight(total, rowHeight, request.maxHeight);
  // The list's scroll range, and the same fraction of the full (unscaled) range.
  const boxRange = Math.max(0, height - viewportHeight);
  const fullRange = Math.max(0, full - viewportHeight);
  const scroll = Math.min(Math.max(0, request.scrollTop), boxRange);
  const virtual = boxRange === 0 || full <= height ? scroll : (scroll / boxRange) * fullRange;
  const first = Math.max(0, Math.floor(virtual / rowHeight) - overscan);
  const last = Math.min(total - 1, Math.ceil((virtual + viewportHeight) / rowHeight) - 1 + overscan);
  return { first, last, height, topOf: (index) => scroll + index * rowHeight - virtual };
}
