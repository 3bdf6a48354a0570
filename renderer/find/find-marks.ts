/**
 * Marks find matches with the CSS Custom Highlight API, apart from the reader's highlights:
 * `lectern-find` for the matches near the reading place and `lectern-find-current` for the one
 * gone to. StaticRanges, since thousands of live Ranges would slow every change to the page.
 */
import type { TextMap } from '../highlighting/text-map';

export const FIND_NAME = 'lectern-find';
export const FIND_CURRENT_NAME = 'lectern-find-current';

export class FindMarks {
  private readonly matches = new Highlight();
  private readonly current = new Highlight();

  constructor() {
    // Over the highlights (0–5), the selected one (10) and the jump flash (20): a match stays visible.
    this.matches.priority = 30;
    this.current.priority = 31;
    CSS.highlights.set(FIND_NAME, this.matches);
    CSS.highlights.set(FIND_CURRENT_NAME, this.current);
  }

  /** Marks the matches [starts[i], ends[i]) for i in [from, to), and the current one. */
  show(
    map: TextMap,
    spans: { starts: number[]; ends: number[] },
    from: number,
    to: number,
    current: number,
  ): void {
    this.matches.clear();
    this.current.clear();
    for (let i = from; i < to; i++) {
      const range = staticRangeOf(map, spans.starts[i] ?? 0, spans.ends[i] ?? 0);
      if (range) this.matches.add(range);
    }
    const range =
      current < 0 ? null : staticRangeOf(map, spans.starts[current] ?? 0, spans.ends[current] ?? 0);
    if (range) this.current.add(range);
  }

  clear(): void {
    this.matches.clear();
    this.current.clear();
  }

  /** Unregisters both names if they are still ours (a newer reader may have registered its own). */
  dispose(): void {
    this.clear();
    if (CSS.highlights.get(FIND_NAME) === this.matches) CSS.highlights.delete(FIND_NAME);
    if (CSS.highlights.get(FIND_CURRENT_NAME) === this.current) CSS.highlights.delete(FIND_CURRENT_NAME);
  }
}

/** A StaticRange over [start, end) of the map's text, or null where the text has no node. */
export function staticRangeOf(map: TextMap, start: number, end: number): StaticRange | null {
  const from = map.pointAt(start);
  const to = map.pointAt(end);
  if (!from || !to) return null;
  return new StaticRange({
    startContainer: from.node,
    startOffset: from.offset,
    endContainer: to.node,
    endOffset: to.offset,
  });
}
