/**
 * Places imported annotations in a document's text with the same anchoring as every highlight
 * (common/anchoring: exact, near, then fuzzy for another edition's wording). Each comes out
 * placed, placed to check, or unplaced with its original quote: never dropped.
 */
import type {
  HighlightColor,
  ImportedAnnotation,
  TextPositionSelector,
  TextQuoteSelector,
} from '../../../preload/api';
import { anchorAll } from '../../../common/anchoring/anchor-many';
import { describeRange } from '../../../common/anchoring/describe';
import type { Anchor } from '../../../common/anchoring/types';
import { MAX_CONTEXT_LENGTH, MAX_QUOTE_LENGTH } from '../documents/schemas';

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
  const items = annotations.map((annotation, index) => ({
    id: index,
    quote: originalQuote(annotation),
    ...(annotation.position === null ? {} : { position: positionOf(annotation.position) }),
  }));
  const anchors = anchorAll(text, items);
  return annotations.map((annotation, index) => planOf(text, annotation, anchors.get(index) ?? null));
}

function planOf(text: string, annotation: ImportedAnnotation, anchor: Anchor | null): PlannedHighlight {
  const color = annotation.color ?? 'yellow';
  if (anchor === null) {
    const quote = originalQuote(annotation);
    const start = Math.max(0, annotation.position?.start ?? 0);
    return {
      annotation,
      outcome: 'unplaced',
      quote,
      position: positionOf({ start, end: start + quote.exact.length }),
      color,
    };
  }
  // A stored quote is at most MAX_QUOTE_LENGTH long: a longer match keeps its start and is cut.
  const end = Math.min(anchor.end, anchor.start + MAX_QUOTE_LENGTH);
  const described = describeRange(text, anchor.start, end);
  if (anchor.status === 'check') {
    // As the reader does: a place to check keeps the original passage, to compare with.
    return {
      annotation,
      outcome: 'check',
      quote: originalQuote(annotation),
      position: described.position,
      color,
    };
  }
  return { annotation, outcome: 'placed', quote: described.quote, position: described.position, color };
}

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
