/**
 * Places a document's stored highlights on its current rendered text, and says which stored
 * selectors must change: highlights placed on an older text version get new selectors (taken
 * from the new text), those that cannot be placed are marked unplaced. Pure string code.
 */
import type { AnchorUpdate, Highlight } from '../../preload/api';
import { anchorAll } from '../../common/anchoring/anchor-many';
import { describeRange } from '../../common/anchoring/describe';
import type { TextSpan } from './text-map';

export interface Placement {
  /** Where each placed highlight lies now. */
  spans: Map<string, TextSpan>;
  /** What to store (one saveAnchors call); empty when nothing changed. */
  updates: AnchorUpdate[];
}

/**
 * Anchors every highlight that should be on this text: all placed ones, and unplaced ones
 * from an older version (the new text may hold them again). An unplaced highlight already
 * tried on this version is left alone: the reader repairs it by hand.
 *
 * A highlight that cannot be placed keeps its old selectors (its original quote and context
 * stay listed) but takes the new version, so the fuzzy search is not repeated on every open.
 */
export function placeHighlights(
  text: string,
  highlights: readonly Highlight[],
  textVersion: string,
): Placement {
  const candidates = highlights.filter((h) => !h.unplaced || h.anchoredVersion !== textVersion);
  const anchors = anchorAll(
    text,
    candidates.map((h) => ({ id: h.id, quote: h.quote, position: h.position })),
  );
  const spans = new Map<string, TextSpan>();
  const updates: AnchorUpdate[] = [];
  for (const h of candidates) {
    const anchor = anchors.get(h.id) ?? null;
    if (anchor) spans.set(h.id, { start: anchor.start, end: anchor.end });
    const current = h.anchoredVersion === textVersion;
    if (current && anchor && anchor.start === h.position.start && anchor.end === h.position.end) continue;
    if (anchor) {
      const { quote, position } = describeRange(text, anchor.start, anchor.end);
      updates.push({ id: h.id, quote, position, anchoredVersion: textVersion, unplaced: false });
    } else {
      updates.push({
        id: h.id,
        quote: h.quote,
        position: h.position,
        anchoredVersion: textVersion,
        unplaced: true,
      });
    }
  }
  return { spans, updates };
}

/** Highlight ids in document order: by placed start, then end; unplaced ones are not listed. */
export function documentOrder(spans: ReadonlyMap<string, TextSpan>): string[] {
  return [...spans.entries()]
    .toSorted(([, a], [, b]) => a.start - b.start || a.end - b.end)
    .map(([id]) => id);
}
