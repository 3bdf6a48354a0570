/**
 * Places all of a document's highlights at once. Unchanged highlights are settled by one
 * cheap pass over their stored positions; the rest are searched in document order, each
 * expected where its stored position plus the drift of the nearest anchored neighbour
 * before it puts it. Text inserted or deleted upstream shifts a run of highlights by the
 * same amount, so after the first of the run is found the others are hit at once.
 */
import { anchorAtPosition, anchorQuote } from './anchor';
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
 * Anchors every item in `text`. The result maps each id to its anchor, or to null when the
 * highlight cannot be placed (an orphan for the caller to list).
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
  // Pass 2: the leftovers, predicted from the drift of the anchored neighbour before them.
  let drift = 0;
  for (const { id, quote, position } of ordered) {
    const settled = anchors.get(id);
    if (settled !== undefined) {
      if (settled !== null && position !== undefined) drift = settled.start - position.start;
      continue;
    }
    const hint = position === undefined ? undefined : predictStart(position, drift, text.length);
    const anchor = anchorQuote(text, quote, position, { minScore: options.minScore, hint });
    anchors.set(id, anchor);
    // A fuzzy anchor may sit a few characters off; only firm ones set the drift.
    if (anchor !== null && position !== undefined && anchor.method !== 'fuzzy') {
      drift = anchor.start - position.start;
    }
  }
  return anchors;
}
