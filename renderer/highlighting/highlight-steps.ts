/**
 * Moving through the highlights in the text with `]` and `[`: which highlight comes next from the
 * selected one (or from the reading line when none is selected), and what a screen reader hears.
 * Pure, so it is unit-tested.
 */
import type { Highlight } from '../../preload/api';

/** A placed highlight in document order, with where its first line is on screen. */
export interface PlacedStop {
  id: string;
  top: number;
}

/**
 * The highlight `direction` steps away: from the selected one in document order, else the first
 * starting below the reading line (forward) or the last above it (back); null past either end.
 */
export function stepFrom(
  stops: readonly PlacedStop[],
  selectedId: string | null,
  readingLine: number,
  direction: 1 | -1,
): string | null {
  const at = selectedId === null ? -1 : stops.findIndex((stop) => stop.id === selectedId);
  if (at >= 0) return stops[at + direction]?.id ?? null;
  // A pixel of slack: the highlight the reading line sits on counts as "below" going forward.
  if (direction === 1) return stops.find((stop) => stop.top >= readingLine - 1)?.id ?? null;
  return stops.findLast((stop) => stop.top < readingLine - 1)?.id ?? null;
}

const MAX_QUOTE_WORDS = 12;

/** "Highlight 3 of 12, Key idea: “…”. Tags: … . Has a note." — said when a step lands on one. */
export function describeStop(highlight: Highlight, label: string, index: number, total: number): string {
  const words = highlight.quote.exact.trim().split(/\s+/);
  const quote =
    words.length > MAX_QUOTE_WORDS ? `${words.slice(0, MAX_QUOTE_WORDS).join(' ')}…` : words.join(' ');
  const parts = [`Highlight ${index + 1} of ${total}, ${label}: “${quote}”.`];
  if (highlight.needsCheck) parts.push('To check.');
  if (highlight.tags.length > 0) parts.push(`Tags: ${highlight.tags.join(', ')}.`);
  if (highlight.note !== null && highlight.note.trim() !== '') parts.push('Has a note.');
  return parts.join(' ');
}
