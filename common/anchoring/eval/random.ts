/**
 * Seeded randomness for the anchoring evaluation and tests: one seed, one run, so a failure
 * can be replayed and no figure depends on luck.
 */

/** A source of floats in [0, 1). */
export type Random = () => number;

/** Mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in `[from, to)`. */
export function randomInt(random: Random, from: number, to: number): number {
  return from + Math.floor(random() * Math.max(0, to - from));
}

/** One of `items` (which must not be empty). */
export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[randomInt(random, 0, items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}
