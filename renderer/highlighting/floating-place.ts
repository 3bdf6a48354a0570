/**
 * Where a floating highlight control goes so it hides as little of the text as it can: just
 * above the first line of what it belongs to when there is room, else just below the last
 * line, always inside the reading area. Only the visible lines count, so a selection taller
 * than the reading area keeps its control on screen. Pure geometry, unit-tested.
 */

/** A rectangle in viewport pixels (a DOMRect, or a plain copy of one). */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** What a floating control is placed against: line boxes inside a reading area. */
export interface FloatingAnchor {
  /** The line boxes of the selection or highlight, in document order. */
  lines: Box[];
  /** The reading area: the control never leaves it. */
  area: Box;
}

/** Space between the control and the line it belongs to. */
const GAP = 6;
/** Space kept between the control and the reading area's edges. */
const MARGIN = 8;

const bottom = (box: Box) => box.top + box.height;
const right = (box: Box) => box.left + box.width;
const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(value, Math.max(min, max)));

/** The top-left corner (viewport pixels) for a control of `size` against `anchor`. */
export function placeFloating(
  anchor: FloatingAnchor,
  size: { width: number; height: number },
): { left: number; top: number } {
  const { area } = anchor;
  const lines = anchor.lines.filter((line) => line.width > 0 || line.height > 0);
  const visible = lines.filter((line) => bottom(line) > area.top && line.top < bottom(area));
  const first = visible[0] ?? lines[0];
  const last = visible[visible.length - 1] ?? lines[lines.length - 1];
  const minTop = area.top + MARGIN;
  const maxTop = bottom(area) - MARGIN - size.height;
  if (!first || !last)
    return { left: clamp(area.left + (area.width - size.width) / 2, area.left, right(area)), top: minTop };
  const centredOn = (line: Box) =>
    clamp(line.left + line.width / 2 - size.width / 2, area.left + MARGIN, right(area) - MARGIN - size.width);
  const above = first.top - GAP - size.height;
  if (above >= minTop && above <= maxTop) return { left: centredOn(first), top: above };
  const below = bottom(last) + GAP;
  if (below <= maxTop && below >= minTop) return { left: centredOn(last), top: below };
  // No room on either side (the lines fill the reading area): over the text, at the top of
  // the visible part (or at the edge it went off through).
  return { left: centredOn(first), top: clamp(first.top, minTop, maxTop) };
}
