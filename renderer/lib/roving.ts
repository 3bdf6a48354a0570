/** Roving focus in a list that is one Tab stop: which item the arrow keys move to. Pure. */

/** Where ↓ ↑ Home End move a roving focus from `at` among `count` items (null: not a moving key). */
export function rovingTarget(key: string, at: number, count: number): number | null {
  if (count === 0) return null;
  if (key === 'ArrowDown') return Math.min(count - 1, at + 1);
  if (key === 'ArrowUp') return Math.max(0, at - 1);
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}
