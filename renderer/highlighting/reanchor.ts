/**
 * Places a document's stored highlights on its current rendered text, and says which stored
 * selectors must change: highlights placed on an older text version get new selectors (taken
 * from the new text), uncertain ones are placed at their best candidate to check, and those
 * that cannot be placed are marked unplaced. Pure string code.
 */
import type { AnchorUpdate, Highlight } from '../../preload/api';
import { anchorAll } from '../../common/anchoring/anchor-many';
import { describeRange } from '../../common/anchoring/describe';
import type { Anchor } from '../../common/anchoring/types';
import type { TextSpan } from './text-map';

export interface Placement {
  /** Where each placed highlight lies now (a highlight to check: its current candidate). */
  spans: Map<string, TextSpan>;
  /** Per highlight to check, every candidate place, best first: kept for the session only. */
  candidates: Map<string, TextSpan[]>;
  /** What to store (one saveAnchors call); empty when nothing changed. */
  updates: AnchorUpdate[];
}

/**
 * Anchors every highlight that should be on this text: all placed ones, and unplaced ones
 * from an older version (the new text may hold them again). An unplaced highlight already
 * tried on this version is left alone: the reader repairs it by hand. A highlight to check on
 * this version stays where it was put, so the reader sees the same place on every open.
 *
 * A highlight that cannot be placed, or is placed but must be checked, keeps its old quote
 * (the original passage stays listed, for the reader to compare) but takes the new version, so
 * the fuzzy search is not repeated on every open.
 */
export function placeHighlights(
  text: string,
  highlights: readonly Highlight[],
  textVersion: string,
): Placement {
  const placement: Placement = { spans: new Map(), candidates: new Map(), updates: [] };
  const pending = highlights.filter((h) => !h.unplaced || h.anchoredVersion !== textVersion);
  const toAnchor = pending.filter((h) => !keepsCheckPlace(h, text, textVersion, placement));
  const anchors = anchorAll(
    text,
    toAnchor.map((h) => ({ id: h.id, quote: h.quote, position: h.position })),
  );
  for (const h of toAnchor) {
    const update = outcomeOf(h, anchors.get(h.id) ?? null, text, textVersion, placement);
    if (update) placement.updates.push(update);
  }
  return placement;
}

/** A highlight to check, already placed on this version: it keeps its place (true) with no update. */
function keepsCheckPlace(h: Highlight, text: string, textVersion: string, placement: Placement): boolean {
  const { start, end } = h.position;
  if (!h.needsCheck || h.unplaced || h.anchoredVersion !== textVersion || end > text.length) return false;
  placement.spans.set(h.id, { start, end });
  placement.candidates.set(h.id, [{ start, end }]);
  return true;
}

/** Records where `h` lies and returns what to store about it, or null when nothing changed. */
function outcomeOf(
  h: Highlight,
  anchor: Anchor | null,
  text: string,
  textVersion: string,
  placement: Placement,
): AnchorUpdate | null {
  const base = { id: h.id, anchoredVersion: textVersion };
  if (anchor === null) {
    return { ...base, quote: h.quote, position: h.position, unplaced: true, needsCheck: false };
  }
  const span = { start: anchor.start, end: anchor.end };
  placement.spans.set(h.id, span);
  const { quote, position } = describeRange(text, span.start, span.end);
  if (anchor.status === 'check') {
    const others = anchor.alternatives.map(({ start, end }) => ({ start, end }));
    placement.candidates.set(h.id, [span, ...others]);
    return { ...base, quote: h.quote, position, unplaced: false, needsCheck: true };
  }
  const unchanged =
    h.anchoredVersion === textVersion &&
    !h.needsCheck &&
    h.position.start === span.start &&
    h.position.end === span.end;
  return unchanged ? null : { ...base, quote, position, unplaced: false, needsCheck: false };
}

/** Highlight ids in document order: by placed start, then end; unplaced ones are not listed. */
export function documentOrder(spans: ReadonlyMap<string, TextSpan>): string[] {
  return [...spans.entries()]
    .toSorted(([, a], [, b]) => a.start - b.start || a.end - b.end)
    .map(([id]) => id);
}
