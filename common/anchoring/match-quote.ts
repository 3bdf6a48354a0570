/**
 * Finds where a quote occurs in part of a text, exactly or approximately. Approximate search
 * uses Myers' bit-parallel algorithm (approx-string-match), whose cost grows with the range
 * length times the allowed errors / 32, so the strategy depends on the sizes involved:
 *
 * - range <= 64 KB and quote <= 256 chars: one Myers search over the range;
 * - range <= 64 KB and a longer quote: Myers finds its first and last 128 characters, each
 *   hit predicts where the whole quote starts, and a full-quote Myers search in a small region
 *   around each prediction verifies it. The region only admits spans whose length is within
 *   the error budget of the quote's length, so head and tail must be consistently spaced;
 * - a larger range (a whole book): filter, then verify. The quote is cut into up to 4 pieces;
 *   a match with fewer errors than pieces contains one of them unchanged (pigeonhole), so the
 *   exact hits of the pieces vote for start positions and only the best-voted are verified.
 *   Matches with an error in every piece are missed there: this path serves passages that
 *   moved far away, which are usually intact.
 */
import approxSearch from 'approx-string-match';
import type { Candidate } from './score';

/** Longest quote searched with Myers in one piece. */
export const MAX_DIRECT_PATTERN = 256;
/** Largest range searched with Myers directly. */
export const MAX_DIRECT_RANGE = 64 * 1024;

const MAX_EXACT_HITS = 500;
const MAX_FUZZY_HITS = 64;
/** Smallest sub-window of a Myers search (see myersIn). */
const SUB_WINDOW = 512;
const SEGMENT_LENGTH = 128;
const MAX_PIECES = 4;
const MIN_PIECE_LENGTH = 10;
const MAX_PIECE_HITS = 200;
const BUCKET = 16;
const MAX_VERIFIED = 8;

/** Errors allowed for a quote of `length` characters: a quarter of it, at least 1, at most 256. */
export function maxErrorsFor(length: number): number {
  return Math.max(1, Math.min(256, Math.floor(length / 4)));
}

/** Start offsets of `pattern` lying wholly inside `[from, to)`, at most `limit` of them. */
function exactStarts(text: string, pattern: string, from: number, to: number, limit: number): number[] {
  const start = Math.max(0, from);
  // Searching a slice keeps a miss from scanning the rest of the text.
  const range = text.slice(start, Math.min(text.length, to));
  const starts: number[] = [];
  for (let i = range.indexOf(pattern); i !== -1 && starts.length < limit;) {
    starts.push(start + i);
    i = range.indexOf(pattern, i + 1);
  }
  return starts;
}

/** Exact occurrences of `exact` inside `[from, to)`, at most `limit` of them (from the left). */
export function exactCandidates(
  text: string,
  exact: string,
  from: number,
  to: number,
  limit = MAX_EXACT_HITS,
): Candidate[] {
  return exactStarts(text, exact, from, to, limit).map((start) => ({
    start,
    end: start + exact.length,
    errors: 0,
  }));
}

/** One Myers search of `pattern` in `[start, end)`: its lowest-error matches, in text offsets. */
function myersOnce(
  text: string,
  pattern: string,
  start: number,
  end: number,
  maxErrors: number,
): Candidate[] {
  return approxSearch(text.slice(start, end), pattern, maxErrors)
    .slice(0, MAX_FUZZY_HITS)
    .map((m) => ({ start: m.start + start, end: m.end + start, errors: m.errors }));
}

/**
 * Myers search of `pattern` in `[from, to)`. approx-string-match reports only the matches with
 * the fewest errors, so an exact copy of the quote anywhere in the range would hide the true,
 * edited one: the range is searched in overlapping sub-windows a few quote lengths wide, each
 * reporting its own best matches.
 */
function myersIn(text: string, pattern: string, from: number, to: number, maxErrors: number): Candidate[] {
  const start = Math.max(0, from);
  const end = Math.min(text.length, to);
  if (end <= start) return [];
  const span = pattern.length + maxErrors;
  const window = Math.max(SUB_WINDOW, 4 * span);
  if (end - start <= window) return myersOnce(text, pattern, start, end, maxErrors);
  const found: Candidate[] = [];
  for (let at = start; at < end; at += window - span) {
    found.push(...myersOnce(text, pattern, at, Math.min(end, at + window), maxErrors));
    if (at + window >= end) break;
  }
  return found;
}

/** Verifies predicted start offsets with a full-quote search in a small region around each. */
function verify(text: string, exact: string, predicted: number[], maxErrors: number): Candidate[] {
  const pad = maxErrors + BUCKET;
  const seen = new Set<string>();
  const verified: Candidate[] = [];
  for (const start of predicted) {
    for (const match of myersIn(text, exact, start - pad, start + exact.length + pad, maxErrors)) {
      const key = `${match.start}:${match.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      verified.push(match);
    }
  }
  return verified;
}

/** Predicted starts of a long quote from fuzzy hits of its first and last segments. */
function segmentSeeds(text: string, exact: string, from: number, to: number): number[] {
  const maxErrors = maxErrorsFor(SEGMENT_LENGTH);
  const heads = myersIn(text, exact.slice(0, SEGMENT_LENGTH), from, to, maxErrors);
  const tails = myersIn(text, exact.slice(-SEGMENT_LENGTH), from, to, maxErrors);
  return [...heads.map((m) => m.start), ...tails.map((m) => m.end - exact.length)];
}

/** Predicted starts voted for by exact hits of the quote's pieces, best-voted first. */
function pieceSeeds(text: string, exact: string, from: number, to: number): number[] {
  const count = Math.max(1, Math.min(MAX_PIECES, Math.floor(exact.length / MIN_PIECE_LENGTH)));
  const pieceLength = Math.floor(exact.length / count);
  const votes = new Map<number, number>();
  for (let piece = 0; piece < count; piece++) {
    const offset = piece * pieceLength;
    const pattern = exact.slice(offset, offset + pieceLength);
    const hits = exactStarts(text, pattern, from, to, MAX_PIECE_HITS + 1);
    // A piece found everywhere ("and the ") says nothing about where the quote is.
    if (hits.length > MAX_PIECE_HITS) continue;
    for (const hit of hits) {
      const bucket = Math.round((hit - offset) / BUCKET);
      votes.set(bucket, (votes.get(bucket) ?? 0) + 1);
    }
  }
  return [...votes]
    .toSorted((a, b) => b[1] - a[1])
    .slice(0, MAX_VERIFIED)
    .map(([bucket]) => bucket * BUCKET);
}

/**
 * Approximate occurrences of `exact` inside `[from, to)` with at most
 * {@link maxErrorsFor}(exact.length) errors; the strategy is described at the top of this file.
 */
export function fuzzyCandidates(text: string, exact: string, from: number, to: number): Candidate[] {
  const maxErrors = maxErrorsFor(exact.length);
  const smallRange = to - from <= MAX_DIRECT_RANGE;
  if (smallRange && exact.length <= MAX_DIRECT_PATTERN) {
    return myersIn(text, exact, from, to, maxErrors);
  }
  const predicted = smallRange ? segmentSeeds(text, exact, from, to) : pieceSeeds(text, exact, from, to);
  return verify(text, exact, predicted, maxErrors);
}

/**
 * Approximate occurrences of `exact` starting close to `start` (within its error budget): the
 * predicted place searched on its own, since a wider search reports only the matches with the
 * fewest errors and an unedited twin nearby would hide the edited original there. A match
 * touching the edge of the small region is cut short by it (the place lies further off): dropped.
 */
export function fuzzyCandidatesAt(text: string, exact: string, start: number): Candidate[] {
  const maxErrors = maxErrorsFor(exact.length);
  const pad = maxErrors + BUCKET;
  const from = Math.max(0, start - pad);
  const to = Math.min(text.length, start + exact.length + pad);
  return myersIn(text, exact, from, to, maxErrors).filter(
    (m) => (m.start > from + 1 || from === 0) && (m.end < to - 1 || to === text.length),
  );
}
