/**
 * The last pass of `anchorAll`: placements must keep the stored order. Highlights sorted by
 * stored position keep their order after inserts, deletions and typographic edits; only a
 * moved passage breaks it. A run of highlights that followed each other into a copy of their
 * chapter agrees with itself, so agreement with the neighbour before is not enough: the
 * longest chain of placements in stored order is the backbone, and a placement off it must
 * show that nothing in the gap its backbone neighbours leave fits, and that it does not sit in
 * a copy of that gap's surroundings.
 */
import { decide, rivalsOf, type Found } from './decide';
import { exactCandidates, fuzzyCandidates } from './match-quote';
import { normalizedCandidates } from './normalize';
import { scoreAll, type Candidate } from './score';
import { copiedMembers, jumpedRuns, neighbourProbes, occursIn, PROBE_LENGTH } from './jumped-runs';
import type { Anchor, TextPositionSelector, TextQuoteSelector } from './types';

/** One highlight in stored order, with the result of the search. */
export interface Placement {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  anchor: Anchor | null;
}

/** An in-gap candidate may score this much below the far one and still be preferred. */
const GAP_MARGIN = 0.1;
/** Slack around the gap (overlapping highlights, neighbours placed a little off). */
const GAP_SLACK = 64;

/** Indices (into `placements`) of the longest chain of placed anchors whose starts never decrease. */
export function backbone(placements: readonly Placement[]): Set<number> {
  const tails: number[] = [];
  const previous = new Map<number, number>();
  const startOf = (index: number) => placements[index]?.anchor?.start ?? 0;
  placements.forEach((placement, index) => {
    if (placement.anchor?.status !== 'placed') return;
    const start = placement.anchor.start;
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (startOf(tails[middle] ?? 0) <= start) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous.set(index, tails[low - 1] ?? 0);
    tails[low] = index;
  });
  const chain = new Set<number>();
  for (let at = tails.at(-1); at !== undefined; at = previous.get(at)) chain.add(at);
  return chain;
}

/** Every candidate for the quote inside `[from, to)`. */
function candidatesIn(text: string, quote: TextQuoteSelector, from: number, to: number): Candidate[] {
  const exact = exactCandidates(text, quote.exact, from, to);
  if (exact.length > 0) return exact;
  const lenient = normalizedCandidates(text, quote.exact, from, to);
  return lenient.length > 0 ? lenient : fuzzyCandidates(text, quote.exact, from, to);
}

/**
 * True when the paragraph holding `anchor` looks like a copy of text in the gap: the end of the
 * paragraph before it or the start of the one after it also occurs there. A moved passage was
 * put between unrelated paragraphs; a copied chapter brings its neighbours along.
 */
function inCopyOfGap(text: string, anchor: Anchor, from: number, to: number): boolean {
  return neighbourProbes(text, anchor).some((probe) => occursIn(text, probe, from, to));
}

/**
 * True when the paragraphs around `anchor` also occur, unchanged, somewhere else in the text:
 * the anchor may sit in a copy whose original lost the highlighted passage, so a placement
 * off the backbone there is not known to be a move.
 */
function inAnyCopy(text: string, anchor: Anchor): boolean {
  return neighbourProbes(text, anchor).some((probe) => {
    if (probe.trim().length < PROBE_LENGTH / 2) return false;
    const first = text.indexOf(probe);
    return first >= 0 && text.indexOf(probe, first + 1) >= 0;
  });
}

/** The offsets between which a highlight off the backbone should lie, from its backbone neighbours. */
function gapOf(placements: readonly Placement[], chain: Set<number>, index: number, textLength: number) {
  let from = 0;
  let to = textLength;
  for (let i = index - 1; i >= 0; i--) {
    const anchor = placements[i]?.anchor;
    if (chain.has(i) && anchor) {
      from = anchor.start;
      break;
    }
  }
  for (let i = index + 1; i < placements.length; i++) {
    const anchor = placements[i]?.anchor;
    if (chain.has(i) && anchor) {
      to = anchor.start;
      break;
    }
  }
  return { from: Math.max(0, from - GAP_SLACK), to: Math.min(textLength, to + GAP_SLACK) };
}

/** The anchor for a placement off the backbone. */
function offBackbone(
  text: string,
  placement: Placement,
  gap: { from: number; to: number },
  minScore: number,
) {
  const { quote, anchor } = placement;
  if (anchor === null) return null;
  const hint = gap.from + GAP_SLACK;
  const far: Found = { ...anchor, errors: 0, context: 1, weakerSide: 1, agreement: 1, intactSide: true };
  const inGap: Found[] = scoreAll(
    text,
    quote,
    candidatesIn(text, quote, gap.from, gap.to + quote.exact.length),
    hint,
  ).map((c) => ({ ...c, method: c.errors === 0 ? 'near' : 'fuzzy' }));
  const decision = decide(inGap, quote.exact.length, minScore);
  if (decision === null) {
    // Nothing fits where the neighbours say: a moved passage, or a copy of a deleted one.
    if (inCopyOfGap(text, anchor, gap.from, gap.to)) return null;
    return inAnyCopy(text, anchor)
      ? { ...anchor, status: 'check' as const, reason: 'offOrder' as const }
      : anchor;
  }
  if (decision.status === 'placed' && decision.score >= anchor.score - GAP_MARGIN) return decision;
  const best: Found = { ...decision, errors: 0, context: 1, weakerSide: 1, agreement: 1, intactSide: true };
  const rivals = rivalsOf(best, [...inGap, far]);
  const alternatives = rivals.slice(0, 3).map(({ start, end, score }) => ({ start, end, score }));
  return { ...decision, status: 'check' as const, alternatives, reason: 'offOrder' as const };
}

/**
 * Checks every placement against the backbone of its neighbours (see the file header): one off
 * it is moved into the gap when a candidate fits there, becomes "check this" when the evidence
 * is split, is dropped (unplaced) when it sits in a copy of the gap's surroundings, and is kept
 * when it was moved. A run of backbone placements that jumped forward together becomes "check
 * this" as a whole when any member looks like it sits in a copy (an inserted copy and a copy
 * whose original lost text look alike; text alone cannot tell).
 */
export function keepOrder(
  text: string,
  placements: readonly Placement[],
  minScore: number,
): (Anchor | null)[] {
  const chain = backbone(placements);
  const results = placements.map((placement, index) => {
    if (chain.has(index) || placement.anchor === null || placement.anchor.status !== 'placed') {
      return placement.anchor;
    }
    return offBackbone(text, placement, gapOf(placements, chain, index, text.length), minScore);
  });
  for (const run of jumpedRuns(placements, chain)) {
    for (const index of copiedMembers(text, placements, run)) {
      const anchor = results[index];
      if (anchor) results[index] = { ...anchor, status: 'check', reason: 'copiedRun' };
    }
  }
  return results;
}
