/**
 * The anchoring evaluation: random highlights made with the app's own selector code, an edit
 * applied to a marked copy of the text, every highlight placed again by `anchorAll` and
 * classified against where its markers say it truly is. Nothing here is tuned to the anchoring
 * code: the highlights, edits and truths come from the seed alone.
 */
import { anchorAll } from '../anchor-many';
import { describeRange } from '../describe';
import type { Anchor, CheckReason } from '../types';
import { applyEdit, type EditKind } from './edits';
import { addMarkers, readTruths, stripMarkers, type Truth } from './markers';
import { randomHighlights } from './highlights';
import { seededRandom } from './random';

/** What became of one highlight. `wrong` is the outcome that must never happen. */
export const OUTCOMES = [
  'correct',
  'wrong',
  'wronglyUnplaced',
  'correctlyUnplaced',
  'checkRight',
  'checkAlternative',
  'checkWrong',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Counts of each outcome for one document and edit, and the anchoring time. */
export interface Tally {
  document: string;
  edit: EditKind;
  total: number;
  counts: Record<Outcome, number>;
  /** Time `anchorAll` took, by the caller's clock (0 without one). */
  anchorMs: number;
  /** The first few wrong placements, to read when the test fails. */
  wrongExamples: string[];
  /** "Check this" outcomes by the rule that asked for the check. */
  checkReasons: Partial<Record<CheckReason | 'unknown', number>>;
}

/** A text to evaluate on. */
export interface EvalDocument {
  name: string;
  text: string;
}

/** Tuning of one evaluation run. */
export interface EvalOptions {
  count: number;
  seed: number;
  clock?: () => number;
}

/**
 * True when a placement covers the true passage: ends within 2 characters, or 60 % overlap.
 * An edit may put text inside a highlight (a paragraph inserted at a break within it): its
 * markers then enclose more than was highlighted, and the quote's text itself is split. A
 * placement that lies inside the marked span and shares one of its ends is on the
 * highlighted text (it cannot be another passage), so it counts too, for every edit alike.
 */
function onTruth(place: { start: number; end: number }, truth: Truth): boolean {
  if (truth.kind === 'absent') return false;
  if (truth.kind === 'partial') return place.start - 2 <= truth.at && truth.at <= place.end + 2;
  const startsWith = Math.abs(place.start - truth.start) <= 2;
  const endsWith = Math.abs(place.end - truth.end) <= 2;
  if (startsWith && endsWith) return true;
  const inside = place.start >= truth.start - 2 && place.end <= truth.end + 2;
  if (inside && (startsWith || endsWith)) return true;
  const overlap = Math.min(place.end, truth.end) - Math.max(place.start, truth.start);
  const union = Math.max(place.end, truth.end) - Math.min(place.start, truth.start);
  return overlap > 0 && overlap / union >= 0.6;
}

/** Classifies one result against the truth. */
export function classify(anchor: Anchor | null, truth: Truth): Outcome {
  if (anchor === null) return truth.kind === 'present' ? 'wronglyUnplaced' : 'correctlyUnplaced';
  if (anchor.status === 'check') {
    if (onTruth(anchor, truth)) return 'checkRight';
    return anchor.alternatives.some((a) => onTruth(a, truth)) ? 'checkAlternative' : 'checkWrong';
  }
  return onTruth(anchor, truth) ? 'correct' : 'wrong';
}

function emptyCounts(): Record<Outcome, number> {
  return Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<Outcome, number>;
}

/** Runs the evaluation of `document` under one edit. */
export function evaluate(document: EvalDocument, edit: EditKind, options: EvalOptions): Tally {
  const random = seededRandom(options.seed);
  const spans = randomHighlights(document.text, options.count, random);
  const items = spans.map((span, id) => ({ id, ...describeRange(document.text, span.start, span.end) }));
  const marked = applyEdit(addMarkers(document.text, spans), edit, spans.length, random);
  const truths = readTruths(marked, spans);
  const text = stripMarkers(marked);
  const clock = options.clock ?? (() => 0);
  const started = clock();
  const anchors = anchorAll(text, items);
  const anchorMs = clock() - started;
  const counts = emptyCounts();
  const wrongExamples: string[] = [];
  const checkReasons: Tally['checkReasons'] = {};
  items.forEach((item, id) => {
    const anchor = anchors.get(id) ?? null;
    const truth = truths[id] ?? { kind: 'absent' };
    const outcome = classify(anchor, truth);
    counts[outcome]++;
    if (anchor?.status === 'check') {
      const reason = anchor.reason ?? 'unknown';
      checkReasons[reason] = (checkReasons[reason] ?? 0) + 1;
    }
    if (outcome === 'wrong' && wrongExamples.length < 5) {
      const at = anchor === null ? '' : JSON.stringify(text.slice(anchor.start, anchor.end).slice(0, 60));
      wrongExamples.push(
        `${JSON.stringify(item.quote.exact.slice(0, 60))} -> ${at} (${anchor?.method}), truth ${JSON.stringify(truth)}`,
      );
    }
  });
  return {
    document: document.name,
    edit,
    total: items.length,
    counts,
    anchorMs,
    wrongExamples,
    checkReasons,
  };
}

/** Sums tallies (over documents or edits). */
export function sumTallies(tallies: readonly Tally[]): { total: number; counts: Record<Outcome, number> } {
  const counts = emptyCounts();
  let total = 0;
  for (const tally of tallies) {
    total += tally.total;
    for (const outcome of OUTCOMES) counts[outcome] += tally.counts[outcome];
  }
  return { total, counts };
}
