/**
 * Places all of a document's highlights at once. Unchanged highlights are settled by one
 * cheap pass over their stored positions; the rest are searched in document order, each
 * expected where its stored position plus the drift of the last confidently placed neighbour
 * before it puts it. Text inserted or deleted upstream shifts a run of highlights by the
 * same amount, so after the first of the run is found the others are hit at once.
 *
 * One wrong placement must not drag the following highlights after it, so drift is learned
 * only from confident placements, and a placement far from the expected place (a jump) is
 * trusted only when the next highlight agrees with the jump; otherwise it is "check this".
 * A highlight left in doubt after an edit between its confident neighbours is then tried where
 * the next one's drift puts it (next-drift.ts). Last, one still in doubt is placed where the
 * confident placements around both its ends pin it (bracketed.ts).
 */
import { anchorAtPosition, anchorQuote, MIN_SCORE } from './anchor';
import { bracketedAnchor } from './bracketed';
import { settleFromNext } from './next-drift';
import { BRACKET_REACH, confident, OffsetMap } from './offset-map';
import { keepOrder, type Placement } from './order';
import { preferSplit } from './split-quote';
import type { Anchor, AnchorOptions, TextPositionSelector, TextQuoteSelector } from './types';

/** One stored highlight to place. */
export interface AnchorItem<Id> {
  id: Id;
  quote: TextQuoteSelector;
  position?: TextPositionSelector;
}

/** Items in stored document order; those without a position keep their order at the end. */
function inStoredOrder<Id>(items: readonly AnchorItem<Id>[]): AnchorItem<Id>[] {
  return items
    .map((item, index) => ({ item, index }))
    .toSorted((a, b) => {
      const startA = a.item.position?.start ?? Number.POSITIVE_INFINITY;
      const startB = b.item.position?.start ?? Number.POSITIVE_INFINITY;
      return startA === startB ? a.index - b.index : startA - startB;
    })
    .map(({ item }) => item);
}

/** The stored start moved by `drift`, kept inside the text. */
function predictStart(position: TextPositionSelector, drift: number, textLength: number): number {
  return Math.max(0, Math.min(textLength, position.start + drift));
}

/**
 * How far from its prediction a highlight may be found and still count as following its
 * neighbours; further than this it jumped (an edit in between, a moved passage, or a twin).
 */
const JUMP_TOLERANCE = 256;

/** True when `anchor` lies at `hint`: the prediction held. */
const isNear = (anchor: Anchor | null, hint: number | undefined) =>
  anchor !== null && hint !== undefined && Math.abs(anchor.start - hint) <= JUMP_TOLERANCE;

/** The same anchor marked "check this". */
const toCheck = (anchor: Anchor): Anchor => ({ ...anchor, status: 'check', reason: 'untrustedJump' });

/** The searches of one `anchorAll` call, each item searched at most once per hint. */
class Placer<Id> {
  private readonly searched = new Map<Id, { hint: number | undefined; anchor: Anchor | null }>();

  constructor(
    private readonly text: string,
    private readonly options: AnchorOptions,
  ) {}

  search(item: AnchorItem<Id>, drift: number): { hint: number | undefined; anchor: Anchor | null } {
    const { position } = item;
    const hint = position === undefined ? undefined : predictStart(position, drift, this.text.length);
    const cached = this.searched.get(item.id);
    if (cached !== undefined && cached.hint === hint) return cached;
    const anchor = anchorQuote(this.text, item.quote, position, { minScore: this.options.minScore, hint });
    const result = { hint, anchor };
    this.searched.set(item.id, result);
    return result;
  }
}

/**
 * Anchors every item in `text`. The result maps each id to its anchor (status 'placed' or
 * 'check'), or to null when the highlight cannot be placed (unplaced, for the caller to list).
 *
 * @param options - `minScore` as for `anchorQuote`; a `hint` here is ignored (each item gets its own)
 */
export function anchorAll<Id>(
  text: string,
  items: readonly AnchorItem<Id>[],
  options: AnchorOptions = {},
): Map<Id, Anchor | null> {
  const ordered = inStoredOrder(items);
  const anchors = new Map<Id, Anchor | null>();
  // Pass 1: the position check settles every unchanged highlight for a few microseconds each.
  for (const { id, quote, position } of ordered) {
    if (position === undefined) continue;
    const anchor = anchorAtPosition(text, quote, position.start);
    if (anchor !== null) anchors.set(id, anchor);
  }
  // Pass 2: the leftovers, predicted from the drift of the confident neighbour before them.
  const placer = new Placer<Id>(text, options);
  let drift = 0;
  ordered.forEach((item, index) => {
    const settled = anchors.get(item.id);
    if (settled !== undefined) {
      if (confident(settled) && item.position !== undefined) drift = settled.start - item.position.start;
      return;
    }
    const { hint, anchor: found } = placer.search(item, drift);
    const anchor = preferSplit(text, item.quote, found);
    if (anchor === null || hint === undefined || item.position === undefined) {
      anchors.set(item.id, anchor);
      return;
    }
    const jump = anchor.start - item.position.start;
    const trusted = isNear(anchor, hint) || nextJumps(ordered, index, jump, jump - drift, anchors, placer);
    anchors.set(item.id, trusted ? anchor : anchor.status === 'placed' ? toCheck(anchor) : anchor);
    if (trusted && confident(anchor)) drift = jump;
  });
  const minScore = options.minScore ?? MIN_SCORE;
  // Pass 2b: doubtful highlights tried where the next confident neighbour's drift puts them
  // (most documents have none: then the pass does not run).
  if (doubtfulOf(ordered, anchors).length > 0) {
    rewrite(ordered, anchors, (placements) => settleFromNext(text, placements, minScore));
  }
  // Pass 3: placements that break the stored order are checked again.
  rewrite(ordered, anchors, (placements) => keepOrder(text, placements, minScore));
  settleBracketed(text, ordered, anchors);
  return anchors;
}

/** The items with a stored position that are "check this" or unplaced, in stored order. */
const doubtfulOf = <Id>(ordered: readonly AnchorItem<Id>[], anchors: ReadonlyMap<Id, Anchor | null>) =>
  ordered.filter(({ id, position }) => position !== undefined && anchors.get(id)?.status !== 'placed');

/**
 * Pass 4: checks and unplaced highlights whose ends the confident placements pin down
 * (bracketed.ts), in rounds: one it places exactly is a confident point for its neighbours in
 * the next (a run of look-alike lines is pinned from its edges inwards).
 */
function settleBracketed<Id>(
  text: string,
  ordered: readonly AnchorItem<Id>[],
  anchors: Map<Id, Anchor | null>,
): void {
  // Stored offsets of the highlights the round before placed exactly (null: the first round).
  let pinned: number[] | null = null;
  for (let round = 0; round < ROUNDS; round++) {
    const points = pinned;
    // Later rounds retry only the highlights a new point lies within reach of.
    const doubtful = doubtfulOf(ordered, anchors).filter(
      ({ position }) => points === null || (position !== undefined && withinReach(points, position)),
    );
    // Most documents have none: the map is only built for those that do.
    if (doubtful.length === 0) return;
    const map = new OffsetMap(
      ordered.flatMap(({ id, position }) =>
        position === undefined ? [] : [{ position, anchor: anchors.get(id) ?? null }],
      ),
    );
    const placed: number[] = [];
    for (const { id, quote, position } of doubtful) {
      const bracketed = position === undefined ? null : bracketedAnchor(text, quote, position, map);
      if (bracketed === null || position === undefined) continue;
      anchors.set(id, bracketed);
      if (confident(bracketed)) placed.push(position.start, position.end);
    }
    if (placed.length === 0) return;
    pinned = placed.toSorted((a, b) => a - b);
  }
}

/** True when one of the sorted stored offsets `points` lies within a bracket's reach of `position`. */
function withinReach(points: readonly number[], position: TextPositionSelector): boolean {
  let low = 0;
  let high = points.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((points[middle] ?? 0) < position.start - BRACKET_REACH) low = middle + 1;
    else high = middle;
  }
  return low < points.length && (points[low] ?? 0) <= position.end + BRACKET_REACH;
}

/** Most rounds of the bracket pass (each one only when the one before placed a highlight exactly). */
const ROUNDS = 3;

/**
 * Runs a pass over the placements of the items with a stored position (in stored order) and
 * stores the anchors it answers, one per placement.
 */
function rewrite<Id>(
  ordered: readonly AnchorItem<Id>[],
  anchors: Map<Id, Anchor | null>,
  pass: (placements: Placement[]) => (Anchor | null)[],
): void {
  const positioned = ordered.flatMap(({ id, quote, position }) =>
    position === undefined ? [] : [{ id, placement: { quote, position, anchor: anchors.get(id) ?? null } }],
  );
  pass(positioned.map(({ placement }) => placement)).forEach((anchor, index) => {
    const item = positioned[index];
    if (item !== undefined) anchors.set(item.id, anchor);
  });
}

/**
 * True when the next highlight with a position confirms a jump of the drift from `drift -
 * change` to `drift`: it is not where the old drift puts it, and it is where the new one does.
 * A highlight whose passage was deleted may jump onto a twin elsewhere; its neighbour then
 * still sits where the old drift says, and the jump is not trusted.
 */
function nextJumps<Id>(
  ordered: readonly AnchorItem<Id>[],
  index: number,
  drift: number,
  change: number,
  anchors: ReadonlyMap<Id, Anchor | null>,
  placer: Placer<Id>,
): boolean {
  const next = ordered.slice(index + 1).find((item) => item.position !== undefined);
  if (next?.position === undefined) return false;
  const settled = anchors.get(next.id);
  if (settled !== undefined && settled !== null) {
    return Math.abs(settled.start - next.position.start - drift) <= JUMP_TOLERANCE;
  }
  const before = placer.search(next, drift - change);
  if (isNear(before.anchor, before.hint)) return false;
  const after = placer.search(next, drift);
  return confident(after.anchor) && isNear(after.anchor, after.hint);
}
