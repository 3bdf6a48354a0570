/**
 * Which items of the highlights panel's virtual list exist in the DOM, and where each sits. Items
 * vary in height (quote, tags, note, links): each starts at an estimate and is measured once shown.
 */

/** Heights by item id (measured ones kept across lists), laid end to end in list order. */
export class ItemLayout {
  private readonly measured = new Map<string, number>();
  private ids: readonly string[] = [];
  private indices = new Map<string, number>();
  private estimates: readonly number[] = [];
  /** offsets[i] = where item i starts; offsets[count] = the list's height. */
  private offsets: number[] = [0];

  /** Lays out a new list (same ids keep their measured heights). */
  reset(ids: readonly string[], estimate: (index: number) => number): void {
    this.ids = ids;
    this.indices = new Map(ids.map((id, index) => [id, index]));
    this.estimates = ids.map((_, index) => estimate(index));
    this.relayout();
  }

  /** Records item `id`'s measured height; returns how much it changed (0: not at all, or unknown id). */
  measure(id: string, height: number): number {
    const index = this.indexOf(id);
    if (index < 0) return 0;
    const before = this.heightOf(index);
    if (Math.abs(before - height) < 0.5) return 0;
    this.measured.set(id, height);
    return height - before;
  }

  /** Recomputes the offsets after measurements (one pass: 10,000 items take well under a millisecond). */
  relayout(): void {
    const offsets = [0];
    for (let i = 0; i < this.ids.length; i++) offsets.push((offsets[i] ?? 0) + this.heightOf(i));
    this.offsets = offsets;
  }

  get count(): number {
    return this.ids.length;
  }
  get height(): number {
    return this.offsets[this.ids.length] ?? 0;
  }
  topOf(index: number): number {
    return this.offsets[Math.max(0, Math.min(index, this.ids.length))] ?? 0;
  }
  heightOf(index: number): number {
    const id = this.ids[index];
    return (id === undefined ? undefined : this.measured.get(id)) ?? this.estimates[index] ?? 0;
  }
  indexOf(id: string): number {
    return this.indices.get(id) ?? -1;
  }

  /** The item covering `y` px from the list's top (the last one past the end, -1 when empty). */
  indexAt(y: number): number {
    let [low, high] = [0, this.ids.length - 1];
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.topOf(middle) <= y) low = middle;
      else high = middle - 1;
    }
    return high;
  }
}

/** First and last item (inclusive) within `overscan` px of the viewport; last < first when none. */
export function visibleItems(
  layout: ItemLayout,
  scrollTop: number,
  viewportHeight: number,
  overscan: number,
): { first: number; last: number } {
  if (layout.count === 0 || scrollTop + viewportHeight + overscan < 0 || scrollTop - overscan > layout.height)
    return { first: 0, last: -1 };
  const first = layout.indexAt(Math.max(0, scrollTop - overscan));
  const last = layout.indexAt(scrollTop + viewportHeight + overscan);
  return { first, last };
}

/** The items to render: the visible ones plus those that must stay (the focused, the edited), in order. */
export function itemsToRender(range: { first: number; last: number }, keep: readonly number[]): number[] {
  const indices = new Set<number>();
  for (let i = range.first; i <= range.last; i++) indices.add(i);
  for (const index of keep) if (index >= 0) indices.add(index);
  return [...indices].toSorted((a, b) => a - b);
}

const LINE = 20;

/** A first guess at an item's height before it is measured: close guesses keep the scrollbar still. */
export function estimateItemHeight(item: {
  quoteLength: number;
  tags: number;
  hasNote: boolean;
  backlinks: number;
}): number {
  // About 34 characters a line in the 320 px panel; the quote is clamped to 3 lines.
  const quoteLines = Math.min(3, Math.max(1, Math.ceil(item.quoteLength / 34)));
  let height = 24 + 16 + quoteLines * LINE;
  if (item.tags > 0) height += 28;
  if (item.hasNote) height += 2 * LINE + 34;
  if (item.backlinks > 0) height += 40 + item.backlinks * 44;
  return height;
}
