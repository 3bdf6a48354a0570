/**
 * A pass of `anchorAll` between the forward search and the order pass. The forward pass predicts
 * each highlight from the drift of the confident neighbour before it; when text was inserted or
 * deleted between that neighbour and the next confident one, a highlight past the edit is looked
 * for at its old offset. In repetitive text (a table of contents, runs of near-identical lines) a
 * look-alike close to that wrong prediction then wins as "check this", or nothing is placed. The
 * drift of the confident neighbour after it is a prediction too, and the text there is evidence:
 * walking back from the end, a doubtful highlight whose neighbours moved by different amounts is
 * placed where the next one's drift puts it when the exact quote reads there with its context
 * (anchorAtHint: justified context, and no near twin that agrees about as well), the forward
 * pass's place gives way (see overruled), and the reading there scores clearly better: by the
 * margin a far candidate needs to beat a near one (FAR_MARGIN), as an edited original beside an
 * intact copy scores only a little lower than the copy.
 */
import { anchorAtHint } from './anchor';
import { FAR_MARGIN } from './hint-evidence';
import { confident } from './offset-map';
import type { Placement } from './order';
import type { Anchor } from './types';

/** Drift of the last confident placement before each one (undefined before the first). */
function driftsBefore(placements: readonly Placement[]): (number | undefined)[] {
  let drift: number | undefined;
  return placements.map(({ position, anchor }) => {
    const before = drift;
    if (confident(anchor)) drift = anchor.start - position.start;
    return before;
  });
}

/**
 * True when the forward pass's `anchor` may give way to a reading at `hint`, where the next
 * neighbour puts the highlight: it reads the quote only approximately (an exact reading is as
 * likely the passage as the one at `hint`) and lies at neither prediction (where the previous
 * neighbour puts it, it may be the original, edited, and the reading at `hint` an intact copy:
 * text alone cannot tell them apart, so the reader checks).
 */
function overruled(anchor: Anchor, previousHint: number, hint: number): boolean {
  return anchor.method === 'fuzzy' && anchor.start !== previousHint && anchor.start !== hint;
}

/**
 * The placements, in stored order, with each doubtful one ("check this" or unplaced) placed where
 * the drift of the next confident placement puts it, when its previous confident neighbour moved
 * by another amount and the exact quote reads there clearly better (see the file header); the
 * others unchanged.
 */
export function settleFromNext(
  text: string,
  placements: readonly Placement[],
  minScore: number,
): (Anchor | null)[] {
  const before = driftsBefore(placements);
  const results = placements.map(({ anchor }) => anchor);
  let next: number | undefined;
  for (let index = placements.length - 1; index >= 0; index--) {
    const placement = placements[index];
    if (placement === undefined) continue;
    const { quote, position, anchor } = placement;
    if (anchor?.status === 'placed') {
      if (confident(anchor)) next = anchor.start - position.start;
      continue;
    }
    const previous = before[index];
    // Neighbours that moved alike predict one place, already searched by the forward pass.
    if (next === undefined || next === previous) continue;
    const hint = position.start + next;
    if (anchor !== null && !overruled(anchor, position.start + (previous ?? next), hint)) continue;
    const found = anchorAtHint(text, quote, hint, minScore);
    if (found?.status === 'placed' && (anchor === null || found.score >= anchor.score + FAR_MARGIN)) {
      results[index] = found;
    }
  }
  return results;
}
