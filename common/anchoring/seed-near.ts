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
/** Largest differing middle (each side) whose edit distance is computed directly. */
const MAX_MIDDLE = 96;

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

/** Levenshtein distance of two short strings, or `limit + 1` once it must exceed `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a.length === 0 || b.length === 0) return Math.max(a.length, b.length);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = row;
  }
  return previous[b.length] ?? limit + 1;
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
  if (a.length > MAX_MIDDLE || b.length > MAX_MIDDLE) return limit + 1;
  return editDistance(a, b, limit);
}

/**
 * Spans in `[from, to)` that start with the quote's head and end with its tail, are within
 * the error budget of its length and of its text: candidates for an approximate match.
 */
export function seededCandidates(text: string, exact: string, from: number, to: number): Candidate[] {
  const endLength = Math.min(MAX_END_LENGTH, Math.floor(exact.length / 3));
  if (endLength < MIN_END_LENGTH) return [];
  const maxErrors = maxErrorsFor(exact.length);
  const headHits = starts(text, exact.slice(0, endLength), Math.max(0, from), to, MAX_HEAD_HITS);
  if (headHits.length === 0 || headHits.length > MAX_HEAD_HITS) return [];
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
