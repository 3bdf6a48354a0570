/** What the workspace's toasts say after a bulk edit, its undo, or a part-way failure (pure). */
import type { HighlightsEdit, HighlightsEditOutcome, UndoOutcome } from '../../preload/api';

const highlights = (count: number) => `${count} highlight${count === 1 ? '' : 's'}`;

/** "Tagged 3 highlights #war." and what needed no change. */
export function editMessage(edit: HighlightsEdit, outcome: HighlightsEditOutcome): string {
  const changed = highlights(outcome.changed);
  const done =
    edit.kind === 'tag'
      ? `Tagged ${changed} #${edit.tag}.`
      : edit.kind === 'untag'
        ? `Removed #${edit.tag} from ${changed}.`
        : edit.kind === 'recolor'
          ? `Made ${changed} ${edit.color}.`
          : `Deleted ${changed}.`;
  if (outcome.changed === 0)
    return `Nothing to change: the ${highlights(outcome.unchanged)} already were so.`;
  const unchanged =
    outcome.unchanged === 0 ? '' : ` ${highlights(outcome.unchanged)} needed no change or were gone.`;
  return done + unchanged;
}

/** The error toast's text when an edit stopped part way. */
export function partWayMessage(outcome: HighlightsEditOutcome): string | null {
  if (outcome.failure === null) return null;
  return `Only ${highlights(outcome.changed)} changed (undo puts them back); ${highlights(outcome.failure.highlightsLeft)} were left as they were: ${outcome.failure.message}`;
}

export function undoMessage(outcome: UndoOutcome): string {
  const skipped =
    outcome.skipped === 0 ? '' : ` ${highlights(outcome.skipped)} changed since were left as they are.`;
  const failed =
    outcome.failure === null
      ? ''
      : ` ${highlights(outcome.failure.highlightsLeft)} could not be put back yet: ${outcome.failure.message}`;
  return `Put back ${highlights(outcome.restored)}.${skipped}${failed}`;
}
