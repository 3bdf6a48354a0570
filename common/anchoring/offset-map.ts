/**
 * Where a stored offset lies now, read from the confident placements around it: when the
 * nearest confidently placed ends on both sides of it moved by the same amount, the text
 * between them kept its length (letters may have changed, nothing was inserted or deleted),
 * so the offset moved by exactly that amount too, whatever copies of the passage lie elsewhere.
 */
import type { Anchor, TextPositionSelector } from './types';

/** A stored offset and where a confident placement put it. */
interface MappedPoint {
  stored: number;
  now: number;
}

/**
 * Farthest a bracketing point may lie from the mapped offset: the closer the two points, the
 * less room for an insertion and a deletion of the same length between them (a paragraph moved
 * from one side of the offset to the other).
 */
export const BRACKET_REACH = 4096;

/** How far the points on each side of a stored offset moved, and where they lie now. */
export interface Bracket {
  before: number;
  after: number;
  /** Current offsets of the point before and the point after: the offset lies between them now. */
  from: number;
  to: number;
}

/** One placement in stored order, as the map reads it. */
export interface MappedPlacement {
  position: TextPositionSelector;
  anchor: Anchor | null;
}

/** True when `anchor` is evidence of where its stored offsets went: placed, and not approximate. */
export const confident = (anchor: Anchor | null): anchor is Anchor =>
  anchor !== null && anchor.status === 'placed' && anchor.method !== 'fuzzy';

/** True when the order pass flagged `anchor` as maybe sitting in a copy (order.ts). */
const doubted = (anchor: Anchor | null): anchor is Anchor => anchor?.reason === 'copiedRun';

/**
 * The confident points, less every run of points (in stored order) that moved by the same amount
 * as a doubted one: a run that jumped into what may be a copy is no evidence of where the text
 * went, however well each of its members agrees (the highlights after a wrong one follow it).
 */
function withoutDoubtedRuns(points: readonly (MappedPoint & { doubted: boolean })[]): MappedPoint[] {
  const drift = (point: MappedPoint) => point.now - point.stored;
  const dropped = new Set<number>();
  points.forEach((point, index) => {
    if (!point.doubted) return;
    for (let i = index; i >= 0 && drift(points[i] ?? point) === drift(point); i--) dropped.add(i);
    for (let i = index; i < points.length && drift(points[i] ?? point) === drift(point); i++) dropped.add(i);
  });
  return points.filter((_, index) => !dropped.has(index));
}

/** Stored offsets mapped to current ones by the confident placements of a document. */
export class OffsetMap {
  private readonly points: MappedPoint[];

  constructor(placements: readonly MappedPlacement[]) {
    const points = placements
      .flatMap(({ position, anchor }) =>
        confident(anchor) || doubted(anchor)
          ? [
              { stored: position.start, now: anchor.start, doubted: doubted(anchor) },
              { stored: position.end, now: anchor.end, doubted: doubted(anchor) },
            ]
          : [],
      )
      .toSorted((a, b) => a.stored - b.stored || a.now - b.now);
    this.points = withoutDoubtedRuns(points);
  }

  /** Index of the first point whose stored offset is at least `offset`. */
  private firstFrom(offset: number): number {
    let low = 0;
    let high = this.points.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.points[middle]?.stored ?? 0) < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /**
   * How far the nearest points on each side of stored `offset` moved: the last point at or
   * before it and the first at or after it (every point at those stored offsets must agree, as
   * several highlights share ends), or null when one is missing, too far, or they disagree among
   * themselves. Different drifts on the two sides: text was inserted or deleted between them.
   */
  bracket(offset: number): Bracket | null {
    const after = this.firstFrom(offset);
    const next = this.points[after];
    const before = next?.stored === offset ? next : this.points[after - 1];
    if (before === undefined || next === undefined) return null;
    if (offset - before.stored > BRACKET_REACH || next.stored - offset > BRACKET_REACH) return null;
    const drifts = {
      before: before.now - before.stored,
      after: next.now - next.stored,
      from: before.now,
      to: next.now,
    };
    const agree = (stored: number, drift: number) => {
      for (let i = this.firstFrom(stored); this.points[i]?.stored === stored; i++) {
        const point = this.points[i];
        if (point !== undefined && point.now - point.stored !== drift) return false;
      }
      return true;
    };
    return agree(before.stored, drifts.before) && agree(next.stored, drifts.after) ? drifts : null;
  }

  /** Where stored `offset` lies now when the points around it agree (see {@link bracket}), else null. */
  map(offset: number): number | null {
    const drifts = this.bracket(offset);
    return drifts !== null && drifts.before === drifts.after ? offset + drifts.before : null;
  }
}
