/**
 * Places imported annotations in a document's text with the same anchoring as every highlight
 * (common/anchoring: exact, near, then fuzzy for another edition's wording), after a cheap pass
 * for quotes found once as they are (exact-pass.ts). Each comes out placed, placed to check, or
 * unplaced with its original quote: never dropped.
 */
import type {
  HighlightColor,
  ImportedAnnotation,
  TextPositionSelector,
  TextQuoteSelector,
} from '../../../preload/api';
import { anchorQuote } from '../../../common/anchoring/anchor';
import { type AnchorItem, anchorAll } from '../../../common/anchoring/anchor-many';
import { describeRange } from '../../../common/anchoring/describe';
import type { Anchor } from '../../../common/anchoring/types';
import { MAX_CONTEXT_LENGTH, MAX_QUOTE_LENGTH } from '../documents/schemas';
import { FoldedText, searchWindows } from './exact-pass';

export type PlacementOutcome = 'placed' | 'check' | 'unplaced';

/** An annotation with the selectors it will be stored with. */
export interface PlannedHighlight {
  annotation: ImportedAnnotation;
  outcome: PlacementOutcome;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  color: HighlightColor;
}

/** Anchors every annotation of one group in `text` (the document's rendered text). */
export function placeAnnotations(
  text: string,
  annotations: readonly ImportedAnnotation[],
): PlannedHighlight[] {
  const folded = new FoldedText(text);
  const found = new Map<number, { start: number; end: number }>();
  annotations.forEach((annotation, index) => {
    // A source with offsets and context (W3C, Hypothesis) is placed by them: twins are told apart.
    if (annotation.position !== null) return;
    const span = folded.uniqueSpan(annotation.quote);
    if (span !== null) found.set(index, span);
  });
  const windows = searchWindows(
    annotations.map((a) => a.order),
    found,
    text.length,
  );
  const anchors = new Map<number, Anchor | null>();
  // Annotations between placed neighbours are searched for between them: the same anchoring,
  // on the stretch of text the book's order allows (a whole-text fuzzy search each costs ~10 ms).
  for (const [index, window] of windows) {
    const annotation = annotations[index];
    if (annotation !== undefined) anchors.set(index, anchorInWindow(text, annotation, window));
  }
  const rest: AnchorItem<number>[] = [];
  annotations.forEach((annotation, index) => {
    if (found.has(index) || windows.has(index)) return;
    const position = annotation.position === null ? {} : { position: positionOf(annotation.position) };
    rest.push({ id: index, quote: originalQuote(annotation), ...position });
  });
  for (const [index, anchor] of anchorAll(text, rest)) anchors.set(index, anchor);
  return annotations.map((annotation, index) => {
    const span = found.get(index);
    if (span !== undefined) return placedAt(text, annotation, span.start, span.end);
    return planOf(text, annotation, anchors.get(index) ?? null);
  });
}

/** anchorQuote on text[from, to), its answer moved back to whole-text offsets. */
function anchorInWindow(
  text: string,
  annotation: ImportedAnnotation,
  window: { from: number; to: number; hint: number },
): Anchor | null {
  const part = text.slice(window.from, window.to);
  const hint = Math.max(0, Math.min(part.length, window.hint - window.from));
  const expected = positionOf({ start: hint, end: hint + annotation.quote.length });
  const anchor = anchorQuote(part, originalQuote(annotation), expected);
  if (anchor === null) return null;
  const shift = (place: { start: number; end: number }) => ({
    start: place.start + window.from,
    end: place.end + window.from,
  });
  return {
    ...anchor,
    ...shift(anchor),
    alternatives: anchor.alternatives.map((a) => ({ ...a, ...shift(a) })),
  };
}

function planOf(text: string, annotation: ImportedAnnotation, anchor: Anchor | null): PlannedHighlight {
  if (anchor === null) {
    const quote = originalQuote(annotation);
    // Where the source had it means nothing in this text; the reader lists it by its quote.
    const position = positionOf({ start: 0, end: quote.exact.length });
    return { annotation, outcome: 'unplaced', quote, position, color: colorOf(annotation) };
  }
  if (anchor.status === 'check') {
    // As the reader does: a place to check keeps the original passage, to compare with.
    const { position } = placedAt(text, annotation, anchor.start, anchor.end);
    return {
      annotation,
      outcome: 'check',
      quote: originalQuote(annotation),
      position,
      color: colorOf(annotation),
    };
  }
  return placedAt(text, annotation, anchor.start, anchor.end);
}

function placedAt(
  text: string,
  annotation: ImportedAnnotation,
  start: number,
  end: number,
): PlannedHighlight {
  // A stored quote is at most MAX_QUOTE_LENGTH long: a longer match keeps its start and is cut.
  const described = describeRange(text, start, Math.min(end, start + MAX_QUOTE_LENGTH));
  return {
    annotation,
    outcome: 'placed',
    quote: described.quote,
    position: described.position,
    color: colorOf(annotation),
  };
}

const colorOf = (annotation: ImportedAnnotation): HighlightColor => annotation.color ?? 'yellow';

/** The quote as the source wrote it, cut to what a stored highlight may hold. */
function originalQuote(annotation: ImportedAnnotation): TextQuoteSelector {
  return {
    type: 'TextQuoteSelector',
    exact: annotation.quote.slice(0, MAX_QUOTE_LENGTH),
    prefix: annotation.prefix.slice(-MAX_CONTEXT_LENGTH),
    suffix: annotation.suffix.slice(0, MAX_CONTEXT_LENGTH),
  };
}

function positionOf({ start, end }: { start: number; end: number }): TextPositionSelector {
  return { type: 'TextPositionSelector', start, end: Math.max(start + 1, end) };
}
