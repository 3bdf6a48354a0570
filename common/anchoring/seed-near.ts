/**
 * A cheap first try at an approximate match near the expected place. A quote edited in the
 * middle (a word added, a letter changed) usually keeps its first and last few characters:
 * exact hits of that head and tail inside the window, spaced like the quote, give the
 * match's bounds at once, and the edit distance between the quote and that span is the
 * distance between what differs once their common prefix and suffix are cut off (a few
 * characters). This replaces a Myers search of the window (~0.25 ms per quote) by two
 * `indexOf` scans. The caller keeps a candidate only if it settles the search; otherwise
 * the full Myers search runs as before, so nothing that search finds is lost.
 */
import { maxErrorsFor } from './match-quote';
import type { Candidate } from './score';

/** Shortest head or tail worth searching for: shorter ones hit everywhere. */
const MIN_END_LENGTH = 6;
const MAX_END_LENGTH = 32;
/** Hits of the head kept; more means the head is too common to place anything. */
const MAX_HEAD_HITS = 16;
/** Largest differing middle (each side) whose edit distance is computed up to the full budget. */
const MAX_MIDDLE = 96;
/**
 * Errors counted in a longer middle (edits spread over a long passage): its banded distance
 * costs the middle's length times twice this; a span with more goes to the full search.
 */
const LONG_MIDDLE_LIMIT = 12;

/** Offsets of `pattern` lying wholly inside `[from, to)`, at most `limit` + 1 of them. */
function starts(text: string, pattern: string, from: number, to: number, limit: number): number[] {
  // Searching a slice keeps a miss from scanning the rest of the text.
  const range = text.slice(from, Math.min(text.length, to));
  const found: number[] = [];
  for (let i = range.indexOf(pattern); i !== -1 && found.length <= limit;) {
    found.push(from + i);
    i = range.indexOf(pattern, i + 1);
  }
  return found;
}

/**
 * Levenshtein distance of `a` and `b`, or `limit + 1` once it must exceed `limit`. Only the
 * band of cells within `limit` of the diagonal is computed (any path outside it costs more).
 */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a.length === 0 || b.length === 0) return Math.max(a.length, b.length);
  const beyond = limit + 1;
  let previous = new Int32Array(b.length + 1).fill(beyond);
  let current = new Int32Array(b.length + 1).fill(beyond);
  for (let j = 0; j <= Math.min(b.length, limit); j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const low = Math.max(1, i - limit);
    const high = Math.min(b.length, i + limit);
    current.fill(beyond, Math.max(0, low - 1), Math.min(b.length, high + 1) + 1);
    if (i <= limit) current[0] = i;
    let rowMin = current[0] ?? beyond;
    for (let j = low; j <= high; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? beyond) + 1,
        (current[j - 1] ?? beyond) + 1,
        (previous[j - 1] ?? beyond) + cost,
      );
      current[j] = Math.min(value, beyond);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return beyond;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length] ?? beyond, beyond);
}

/** Edit distance of `exact` and `span`, cutting their common prefix and suffix first. */
function spanErrors(exact: string, span: string, limit: number): number {
  let head = 0;
  const shorter = Math.min(exact.length, span.length);
  while (head < shorter && exact.charCodeAt(head) === span.charCodeAt(head)) head++;
  let tail = 0;
  while (
    tail < shorter - head &&
    exact.charCodeAt(exact.length - 1 - tail) === span.charCodeAt(span.length - 1 - tail)
  ) {
    tail++;
  }
  const a = exact.slice(head, exact.length - tail);
  const b = span.slice(head, span.length - tail);
  if (a.length <= MAX_MIDDLE && b.length <= MAX_MIDDLE) return editDistance(a, b, limit);
  const errors = editDistance(a, b, Math.min(limit, LONG_MIDDLE_LIMIT));
  return errors > Math.min(limit, LONG_MIDDLE_LIMIT) ? limit + 1 : errors;
}

/** Spans starting at one of `headHits` and ending with the quote's tail, within the error budget. */
function fromHeads(text: string, exact: string, headHits: readonly number[], endLength: number): Candidate[] {
  const maxErrors = maxErrorsFor(exact.length);
  const tail = exact.slice(-endLength);
  const found: Candidate[] = [];
  for (const start of headHits) {
    const lowest = start + exact.length - maxErrors - endLength;
    const highest = start + exact.length + maxErrors - endLength;
    for (const tailAt of starts(text, tail, Math.max(start + endLength, lowest), highest + endLength, 4)) {
      const end = tailAt + endLength;
      const errors = spanErrors(exact, text.slice(start, end), maxErrors);
      if (errors <= maxErrors) found.push({ start, end, errors });
    }
  }
  return found;
}

/** How far a span's unseeded end is moved to find the fewest errors (a letter or two added or cut). */
const END_SHIFT = 2;

/** The span with the fewest errors among those from `start` to `end` moved by up to END_SHIFT. */
function bestShifted(text: string, exact: string, start: number, end: number, moveStart: boolean) {
  const maxErrors = maxErrorsFor(exact.length);
  let found: Candidate | null = null;
  for (let shift = -END_SHIFT; shift <= END_SHIFT; shift++) {
    const from = moveStart ? start + shift : start;
    const to = moveStart ? end : end + shift;
    if (from < 0 || to > text.length) continue;
    const errors = spanErrors(exact, text.slice(from, to), maxErrors);
    if (errors <= maxErrors && (found === null || errors < found.errors))
      found = { start: from, end: to, errors };
  }
  return found;
}

/**
 * Spans seeded by one end only, when no span has both (the edit is in the head or the tail):
 * from a head hit, the end is where the quote's length puts it, give or take a few
 * characters; from a tail hit, the start.
 */
function fromOneEnd(
  text: string,
  exact: string,
  headHits: readonly number[],
  range: { from: number; to: number },
  endLength: number,
): Candidate[] {
  const tailHits = starts(text, exact.slice(-endLength), range.from, range.to, MAX_HEAD_HITS);
  const spans = [
    ...headHits.map((start) => bestShifted(text, exact, start, start + exact.length, false)),
    ...(tailHits.length > MAX_HEAD_HITS ? [] : tailHits).map((tailAt) =>
      bestShifted(text, exact, tailAt + endLength - exact.length, tailAt + endLength, true),
    ),
  ];
  return spans.filter((span): span is Candidate => span !== null);
}

/**
 * Spans in `[from, to)` that start with the quote's head and end with its tail, are within
 * the error budget of its length and of its text: candidates for an approximate match. When
 * there is none (the edit is in the head or tail), spans seeded by one end.
 */
export function seededCandidates(text: string, exact: string, from: number, to: number): Candidate[] {
  const endLength = Math.min(MAX_END_LENGTH, Math.floor(exact.length / 3));
  if (endLength < MIN_END_LENGTH) return [];
  const range = { from: Math.max(0, from), to };
  const headHits = starts(text, exact.slice(0, endLength), range.from, to, MAX_HEAD_HITS);
  if (headHits.length > MAX_HEAD_HITS) return [];
  const both = fromHeads(text, exact, headHits, endLength);
  return both.length > 0 ? both : fromOneEnd(text, exact, headHits, range, endLength);
}
