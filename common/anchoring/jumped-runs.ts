/**
 * Runs of highlights that jumped forward together past their neighbours' drift (text inserted
 * before them, or a landing in a copy further on), and the test that tells a copy from a move.
 */
import { fuzzyCandidates, maxErrorsFor } from './match-quote';
import type { Placement } from './order';
import type { Anchor } from './types';

/** Characters around a paragraph searched for to tell a copy from a move. */
export const PROBE_LENGTH = 48;

/**
 * True when `probe` (a few dozen characters) occurs inside `[from, to)`, within the approximate
 * search's budget (a quarter of it may differ): a copy may be a revised one, with a word in a few
 * changed, and it still is a copy; unrelated prose agrees on half or less.
 */
export function occursIn(text: string, probe: string, from: number, to: number): boolean {
  if (probe.trim().length < PROBE_LENGTH / 2) return false;
  return fuzzyCandidates(text, probe, from, to).some((c) => c.errors <= maxErrorsFor(probe.length));
}

/** How far from a highlight a paragraph break is looked for (rendered text may have none). */
const BREAK_REACH = 4096;

/** The last paragraph break before `at`, within reach, or -1. */
export function breakBefore(text: string, at: number): number {
  const from = Math.max(0, at - BREAK_REACH);
  const found = text.slice(from, at + 2).lastIndexOf('\n\n');
  return found < 0 ? -1 : from + found;
}

/** The first paragraph break after `at`, within reach, or -1. */
function breakAfter(text: string, at: number): number {
  const found = text.slice(at, at + BREAK_REACH).indexOf('\n\n');
  return found < 0 ? -1 : at + found;
}

/** The end of the paragraph before `anchor`'s and the start of the one after it. */
export function neighbourProbes(text: string, anchor: Anchor): string[] {
  const before = breakBefore(text, anchor.start);
  const afterAt = breakAfter(text, anchor.end);
  return [
    before > 0 ? text.slice(Math.max(0, before - PROBE_LENGTH), before) : '',
    afterAt >= 0 ? text.slice(afterAt + 2, afterAt + 2 + PROBE_LENGTH) : '',
  ];
}

/** A drift change above this between backbone neighbours is a jump worth checking. */
const JUMP = 256;
/** How far around a run member's unjumped place the original of a copy is looked for. */
const COPY_REACH = 2048;

const driftOf = (placement: Placement) => (placement.anchor?.start ?? 0) - placement.position.start;

/** A run of backbone placements that jumped together; `before`: where the one before it starts. */
export interface JumpedRun {
  members: number[];
  baseDrift: number;
  drift: number;
  before: number;
}

/**
 * Runs of backbone placements that jumped forward together from their predecessor's drift (text
 * was inserted before them, or they landed on a copy further on): each run as the indices of
 * its members and the drift before the jump.
 */
export function jumpedRuns(placements: readonly Placement[], chain: Set<number>): JumpedRun[] {
  const runs: JumpedRun[] = [];
  let previous: Placement | undefined;
  let run: JumpedRun | undefined;
  placements.forEach((placement, index) => {
    if (!chain.has(index)) return;
    const drift = driftOf(placement);
    if (run !== undefined && Math.abs(drift - run.drift) <= JUMP) run.members.push(index);
    else if (previous !== undefined && drift - driftOf(previous) > JUMP) {
      run = { members: [index], baseDrift: driftOf(previous), drift, before: previous.anchor?.start ?? 0 };
      runs.push(run);
    } else run = undefined;
    previous = placement;
  });
  return runs;
}

/** True when `probe` occurs more than twice in `text` (boilerplate, no evidence of a copy). */
function repeated(text: string, probe: string): boolean {
  let at = -1;
  for (let count = 0; count < 3; count++) {
    at = text.indexOf(probe, at + 1);
    if (at < 0) return false;
  }
  return true;
}

/**
 * True when a paragraph next to a run member's also occurs, unchanged, between `from`
 * and the member (not counting the text right before it) and is not boilerplate: the member
 * may sit in a copy of the passage its neighbours lie in, whose original lost the highlighted
 * text.
 */
function memberInCopy(
  text: string,
  anchor: Anchor | null,
  range: { from: number; to: number },
  skip: readonly string[] = [],
): boolean {
  if (anchor === null || anchor.method === 'position') return false;
  const { from, to } = range;
  const end = Math.min(to, breakBefore(text, anchor.start) - PROBE_LENGTH - 1);
  if (end <= from) return false;
  return neighbourProbes(text, anchor).some((probe) => {
    if (probe.trim().length < PROBE_LENGTH / 2 || skip.includes(probe)) return false;
    // Searched in the window only: indexOf from `from` would scan to the end of a long text.
    const window = text.slice(Math.max(0, from), end + probe.length);
    return window.includes(probe) && !repeated(text, probe);
  });
}

/**
 * Whether the run member at `order` (0 for the first) looks like it sits in a copy; `firstProbes`:
 * the paragraphs around the first member (computed once per run: each member would scan for them).
 */
function runMemberInCopy(
  text: string,
  placements: readonly Placement[],
  run: JumpedRun,
  order: number,
  firstProbes: readonly string[],
) {
  const placement = placements[run.members[order] ?? -1];
  if (placement === undefined) return false;
  if (order === 0)
    return memberInCopy(text, placement.anchor, { from: run.before - COPY_REACH, to: text.length });
  // Later members: near where the member would be without the jump, not counting the
  // paragraphs around the first member (they carry its ambiguity).
  const unjumped = placement.position.start + run.baseDrift;
  const range = { from: unjumped - COPY_REACH, to: unjumped + COPY_REACH };
  return memberInCopy(text, placement.anchor, range, firstProbes);
}

/**
 * The members of a jumped run that may sit in a copy. The first one is tested alone: after an
 * inserted copy it always looks copied. A later member that looks copied shows the run landed
 * in a copy: every member up to it is flagged, since a member whose own neighbours were deleted
 * from the original shows nothing by itself.
 */
export function copiedMembers(text: string, placements: readonly Placement[], run: JumpedRun): number[] {
  const first = placements[run.members[0] ?? -1]?.anchor ?? null;
  const firstProbes = first === null ? [] : neighbourProbes(text, first);
  let last = -1;
  for (let order = 1; order < run.members.length; order++) {
    if (runMemberInCopy(text, placements, run, order, firstProbes)) last = order;
  }
  if (last < 0) return runMemberInCopy(text, placements, run, 0, firstProbes) ? run.members.slice(0, 1) : [];
  return run.members.slice(0, last + 1);
}
