/**
 * The last pass of `anchorAll`: a highlight left "check this" or unplaced whose two ends lie
 * where the confident placements around each end put them (offset-map.ts) is placed there when
 * the text still reads like the quote. Position is then evidence enough: the text around each
 * end kept its length, so a copy elsewhere, however well it agrees, is another passage. Between
 * neighbours that moved by two amounts, it is placed where the one it reads at puts it when the
 * other amount puts it on another passage (eitherDrift).
 */
import { fuzzyCandidates, maxErrorsFor } from './match-quote';
import type { Bracket, OffsetMap } from './offset-map';
import { contextSimilarity, scoreCandidate } from './score';
import type { Anchor, TextPositionSelector, TextQuoteSelector } from './types';

/**
 * Share of the stored characters (quote and context) that must agree at the pinned place: the
 * approximate search's budget lets a quarter differ. A paragraph swapped in would agree on far
 * less, above all for a word-long quote, whose evidence is mostly its context.
 */
const AGREES = 0.75;
/** Characters compared at each end when text was inserted or deleted inside the passage. */
const END_PROBE = 32;
/** Shortest quote whose ends are compared apart (a shorter one must keep its length). */
const MIN_SPLIT_LENGTH = 2 * 16;
/** The span may hold this much more text than the quote (a paragraph or two inserted inside). */
const MAX_GROWTH = 1024;

/** Characters that differ between two strings of the same length. */
function substitutions(a: string, b: string): number {
  let differ = 0;
  for (let i = 0; i < a.length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) differ++;
  return differ;
}

/**
 * Letters of `exact` that differ in `[start, end)`: all of them compared when the span kept the
 * quote's length; otherwise its head and tail (text inserted or deleted inside), or null when
 * the span cannot be the passage.
 */
function spanErrors(text: string, exact: string, start: number, end: number): number | null {
  const span = end - start;
  if (span === exact.length) return substitutions(text.slice(start, end), exact);
  if (exact.length < MIN_SPLIT_LENGTH || span < exact.length / 2 || span > exact.length + MAX_GROWTH) {
    return null;
  }
  const probe = Math.min(END_PROBE, Math.floor(exact.length / 2));
  const head = endErrors(text.slice(start, start + probe), exact.slice(0, probe), true);
  const tail = endErrors(text.slice(end - probe, end), exact.slice(-probe), false);
  return head === null || tail === null ? null : head + tail;
}

/** Characters that must read unchanged from a pinned end when the probe there holds an edit. */
const END_RUN = 16;

/**
 * Letters that differ between one end of the span and of the quote (`probe` characters each;
 * `head`: the start). Compared in full, within the end's share of the budget; failing that, an
 * edit inside the passage may lie within the probe (a paragraph inserted or deleted a few words
 * from the end), which shifts every letter past it: the end then reads when at least END_RUN
 * characters agree unchanged from the pinned offset up to the edit, and the rest count as
 * differing. Null when neither reads.
 */
function endErrors(span: string, expected: string, head: boolean): number | null {
  const differ = substitutions(span, expected);
  if (differ <= maxErrorsFor(expected.length)) return differ;
  const last = expected.length - 1;
  let run = 0;
  while (run <= last && span.charAt(head ? run : last - run) === expected.charAt(head ? run : last - run))
    run++;
  return run >= END_RUN ? expected.length - run : null;
}

/**
 * Share of the quote and of its context on the side away from `facing` that agree at
 * `[start, end)`: text inserted or deleted right beside the passage on the `facing` side
 * replaced the context there.
 */
function agreementBeside(
  text: string,
  quote: TextQuoteSelector,
  span: { start: number; end: number; errors: number },
  facing: 'prefix' | 'suffix',
): number {
  const { prefix, suffix } = contextSimilarity(text, quote, span.start, span.end);
  const kept = facing === 'prefix' ? quote.suffix.length : quote.prefix.length;
  const agreeing = quote.exact.length - span.errors + kept * (facing === 'prefix' ? suffix : prefix);
  return agreeing / Math.max(1, quote.exact.length + kept);
}

/**
 * The anchor on `[start, end)` when the quote and its context read there (see bracketedAnchor),
 * else null. `facing`: the side an edit may abut, whose context then need not agree.
 */
function readsAt(
  text: string,
  quote: TextQuoteSelector,
  start: number,
  end: number,
  facing?: 'prefix' | 'suffix',
): Anchor | null {
  if (start < 0 || end <= start || end > text.length) return null;
  const errors = spanErrors(text, quote.exact, start, end);
  if (errors === null || errors > maxErrorsFor(quote.exact.length)) return null;
  const { score, agreement } = scoreCandidate(text, quote, { start, end, errors }, start);
  const beside = facing === undefined ? 0 : agreementBeside(text, quote, { start, end, errors }, facing);
  if (Math.max(agreement, beside) < AGREES) return null;
  const method = errors === 0 && end - start === quote.exact.length ? 'near' : 'fuzzy';
  return { start, end, method, score, status: 'placed', alternatives: [] };
}

/**
 * Characters at the quote's other end that must not read where the other drift puts it: a word
 * or two, a quarter of them changed at most (chance text agrees on about one in ten).
 */
const OTHER_END_PROBE = 8;

/** True when the quote's first (`head`) or last characters read at `at` (its start or end). */
function endReads(text: string, exact: string, at: number, head: boolean): boolean {
  const probe = Math.min(OTHER_END_PROBE, exact.length);
  const from = head ? at : at - probe;
  if (from < 0 || from + probe > text.length) return false;
  const expected = head ? exact.slice(0, probe) : exact.slice(-probe);
  return substitutions(text.slice(from, from + probe), expected) <= maxErrorsFor(probe);
}

/** Characters of stored context and of the quote that make an end's probe (see readsElsewhere). */
const END_CONTEXT = 16;

/**
 * True when the quote's other end, with its stored context beside it, reads somewhere between the
 * other end's bracketing points (a letter in eight changed at most) but not at `at`, where the
 * pinned end puts it. Those points bound where that end lies now, not by how much it moved: text
 * deleted or inserted between them (their own neighbours gone) allows any place in between.
 */
function readsElsewhere(text: string, quote: TextQuoteSelector, at: number, other: Bracket, head: boolean) {
  const { exact, prefix, suffix } = quote;
  const ends = Math.min(END_CONTEXT, exact.length);
  const context = head ? prefix.slice(-END_CONTEXT) : suffix.slice(0, END_CONTEXT);
  const probe = head ? context + exact.slice(0, ends) : exact.slice(-ends) + context;
  const from = Math.max(0, Math.min(other.from, other.to) - probe.length);
  const to = Math.max(other.from, other.to) + probe.length;
  return fuzzyCandidates(text, probe, from, to).some((hit) => {
    if (hit.errors > probe.length / 8) return false;
    const end = head ? hit.end - ends : hit.start + ends;
    return Math.abs(end - at) > END_CONTEXT;
  });
}

/**
 * True when the quote read from one pinned end (drift `drift`) is the only reading the other
 * end's points allow: they moved by `drift` on one side and by another amount on the other (text
 * inserted or deleted near that end), the quote's other end does not also read where the other
 * amount puts it (then the change may lie inside the passage: a copy of its own start), nor
 * anywhere else between those points (see readsElsewhere).
 */
function onlyReading(
  text: string,
  quote: TextQuoteSelector,
  at: number,
  other: Bracket | null,
  drift: number,
  head: boolean,
) {
  if (other === null || (other.before !== drift && other.after !== drift)) return false;
  const otherDrift = other.before === drift ? other.after : other.before;
  if (otherDrift === drift) return true;
  return (
    !endReads(text, quote.exact, at + otherDrift, head) &&
    !readsElsewhere(text, quote, at + drift, other, head)
  );
}

/**
 * The anchor where `map` pins the stored passage: both ends where the map puts them (text may
 * have been inserted or deleted inside), else the quote's length read from the end it pins when
 * the other end's points allow only that reading (a copy elsewhere cannot start or end there).
 * Placed when the quote there is within the approximate search's budget and three quarters of
 * the stored characters, context included, agree (see AGREES); otherwise null.
 */
export function bracketedAnchor(
  text: string,
  quote: TextQuoteSelector,
  position: TextPositionSelector,
  map: OffsetMap,
): Anchor | null {
  const { exact } = quote;
  const startDrifts = map.bracket(position.start);
  const endDrifts = map.bracket(position.end);
  const startDrift = startDrifts?.before === startDrifts?.after ? startDrifts?.before : undefined;
  const endDrift = endDrifts?.before === endDrifts?.after ? endDrifts?.before : undefined;
  if (startDrift !== undefined && endDrift !== undefined) {
    return readsAt(text, quote, position.start + startDrift, position.end + endDrift);
  }
  if (startDrift !== undefined && onlyReading(text, quote, position.end, endDrifts, startDrift, false)) {
    const start = position.start + startDrift;
    return readsAt(text, quote, start, start + exact.length);
  }
  if (endDrift !== undefined && onlyReading(text, quote, position.start, startDrifts, endDrift, true)) {
    const end = position.end + endDrift;
    return readsAt(text, quote, end - exact.length, end);
  }
  return startDrifts === null || endDrifts === null
    ? null
    : eitherDrift(text, quote, position, startDrifts, endDrifts);
}

/** Below this agreement (quote and one side of context) the text at a place is another passage. */
const UNRELATED = 0.5;

/**
 * Neither end pinned, but both lie between points that moved by the same two amounts: text was
 * inserted or deleted somewhere between those points, before the passage or after it, so it lies
 * where one amount or the other puts it, kept whole. Placed at the one where it reads (see
 * readsAt, the context on the side facing the edit aside: the edit may abut the passage) when
 * the text where the other amount puts it is another passage, neither of the
 * quote's ends reading there: an edited original there may still agree in part, and text
 * inserted inside the passage leaves one end at each amount (the reader checks).
 */
function eitherDrift(
  text: string,
  quote: TextQuoteSelector,
  position: TextPositionSelector,
  startDrifts: Bracket,
  endDrifts: Bracket,
): Anchor | null {
  const { before, after } = startDrifts;
  const { exact } = quote;
  if (before === after || endDrifts.before !== before || endDrifts.after !== after) return null;
  for (const [drift, other] of [
    [before, after],
    [after, before],
  ] as const) {
    // The edit between the points lies after the passage when it moved as the points before it did.
    const facing = drift === before ? 'suffix' : 'prefix';
    const anchor = readsAt(text, quote, position.start + drift, position.end + drift, facing);
    // Where the other amount puts it, the context on the facing side is the passage's own, moved
    // by the edit: only the quote and the other side tell whether the passage is there.
    const at = position.start + other;
    const end = at + exact.length;
    const there = { start: at, end, errors: substitutions(text.slice(at, end), exact) };
    const elsewhere =
      (at >= 0 && end <= text.length && agreementBeside(text, quote, there, facing) >= UNRELATED) ||
      endReads(text, exact, position.start + other, true) ||
      endReads(text, exact, position.end + other, false);
    if (anchor !== null && !elsewhere) return anchor;
  }
  return null;
}
