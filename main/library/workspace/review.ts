/**
 * The daily review: highlights made on this day in earlier years, then passages drawn at random with
 * the day as the seed, so the strip shows the same passages all day and new ones tomorrow.
 */
import type { HighlightEntry } from './entries';

/** Passages younger than this are left out of the draw while older ones are enough to fill it. */
const FRESH_DAYS = 7;
const DAY_MS = 86_400_000;

/** A 32-bit hash of a string (FNV-1a): the day's seed. */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a small, good-enough generator of numbers in [0, 1) from a seed. */
export function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Highlights made on `day`'s month and day in an earlier year, the oldest first. */
export function onThisDay(entries: readonly HighlightEntry[], day: string, count: number): HighlightEntry[] {
  const monthDay = day.slice(4);
  const year = day.slice(0, 4);
  return entries
    .filter((entry) => entry.createdAt.slice(4, 10) === monthDay && entry.createdAt.slice(0, 4) < year)
    .toSorted((a, b) => (a.createdAt < b.createdAt ? -1 : 1))
    .slice(0, count);
}

const identity = (entry: HighlightEntry) => `${entry.documentId}/${entry.highlightId}`;

/** `count` entries drawn for `day`, none of `excluded`; the same entries give the same draw. */
export function drawForDay(
  entries: readonly HighlightEntry[],
  day: string,
  count: number,
  excluded: ReadonlySet<string>,
): HighlightEntry[] {
  const dayStart = Date.parse(`${day}T00:00:00Z`);
  const candidates = entries
    .filter((entry) => !excluded.has(identity(entry)))
    // The index's order depends on which file was read first: the draw must not.
    .toSorted((a, b) => (identity(a) < identity(b) ? -1 : 1));
  const old = candidates.filter((entry) => Date.parse(entry.createdAt) < dayStart - FRESH_DAYS * DAY_MS);
  const pool = old.length >= count ? old : candidates;
  const random = randomFrom(seedOf(day));
  // A partial Fisher-Yates shuffle: only the first `count` places are drawn.
  const drawn = [...pool];
  const wanted = Math.min(count, drawn.length);
  for (let index = 0; index < wanted; index++) {
    const pick = index + Math.floor(random() * (drawn.length - index));
    [drawn[index], drawn[pick]] = [drawn[pick] as HighlightEntry, drawn[index] as HighlightEntry];
  }
  return drawn.slice(0, wanted);
}

export { identity as entryIdentity };
