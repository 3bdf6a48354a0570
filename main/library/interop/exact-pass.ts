/**
 * The cheap first pass of an import: a quote found exactly once in the text, whitespace aside
 * (a Kindle writes a passage on one line; the rendered text keeps the source's line breaks), is
 * placed there without a search. The rest go to the shared anchoring, with a predicted place.
 */

/** The text with every whitespace run folded to one space, and the way back to the text's offsets. */
export class FoldedText {
  readonly folded: string;
  /** Per run of 2+ whitespace characters: where it starts in the folded text, and the characters it lost so far. */
  private readonly runStarts: number[] = [];
  private readonly lostBefore: number[] = [];

  constructor(readonly text: string) {
    // One space for one whitespace character keeps offsets; only longer runs shift them.
    let lost = 0;
    for (const run of text.matchAll(/\s{2,}/gu)) {
      this.runStarts.push(run.index - lost);
      lost += run[0].length - 1;
      this.lostBefore.push(lost);
    }
    this.folded = text.replace(/\s+/gu, ' ');
  }

  /** The offset in the text of the folded text's character at `at`. */
  private originOf(at: number): number {
    let low = 0;
    let high = this.runStarts.length;
    // The last run starting before `at` (a run's own space keeps its first character's offset).
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.runStarts[middle] ?? 0) < at) low = middle + 1;
      else high = middle;
    }
    return at + (low === 0 ? 0 : (this.lostBefore[low - 1] ?? 0));
  }

  /** The span of the text a folded quote occupies when it occurs exactly once; null otherwise. */
  uniqueSpan(quote: string): { start: number; end: number } | null {
    const needle = foldWhitespace(quote);
    if (needle.length < MIN_UNIQUE_CHARS) return null;
    const first = this.folded.indexOf(needle);
    if (first < 0 || this.folded.indexOf(needle, first + 1) >= 0) return null;
    return { start: this.originOf(first), end: this.originOf(first + needle.length - 1) + 1 };
  }
}

/** Shorter quotes ("the war") are too likely to be somewhere else in another edition. */
const MIN_UNIQUE_CHARS = 12;

/** Whitespace runs as one space, ends trimmed. */
export const foldWhitespace = (text: string) => text.replace(/\s+/gu, ' ').trim();

/** Text around a window's neighbours that is searched too (an edition may add a paragraph). */
const WINDOW_MARGIN = 600;

/**
 * Where to look for each annotation the exact pass did not place, by its `order` (Kindle
 * location): between the places of its placed neighbours along the book, with a margin, and the
 * start predicted in proportion. Annotations without an order, or a book where nothing was
 * placed exactly, get no window (the whole text is searched).
 */
export function searchWindows(
  orders: readonly (number | null)[],
  placed: ReadonlyMap<number, { start: number; end: number }>,
  textLength: number,
): Map<number, { from: number; to: number; hint: number }> {
  const known = [...placed.entries()]
    .map(([index, span]) => ({ order: orders[index], ...span }))
    .filter((k): k is { order: number; start: number; end: number } => typeof k.order === 'number')
    .toSorted((a, b) => a.order - b.order || a.start - b.start);
  const windows = new Map<number, { from: number; to: number; hint: number }>();
  if (known.length === 0) return windows;
  orders.forEach((order, index) => {
    if (order === null || placed.has(index)) return;
    const after = lowerBound(known, order);
    const previous = after === 0 ? undefined : known[after - 1];
    const next = known[after];
    const from = Math.max(0, (previous?.start ?? 0) - WINDOW_MARGIN);
    const to = Math.min(textLength, (next?.end ?? textLength) + WINDOW_MARGIN);
    const share =
      previous !== undefined && next !== undefined && next.order > previous.order
        ? (order - previous.order) / (next.order - previous.order)
        : 0;
    const hint =
      previous === undefined
        ? (next?.start ?? 0)
        : previous.start + share * ((next?.start ?? previous.start) - previous.start);
    if (from < to) windows.set(index, { from, to, hint: Math.round(hint) });
  });
  return windows;
}

/** The first index whose order is at least `order` (binary search). */
function lowerBound(known: readonly { order: number }[], order: number): number {
  let low = 0;
  let high = known.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((known[middle]?.order ?? 0) < order) low = middle + 1;
    else high = middle;
  }
  return low;
}
