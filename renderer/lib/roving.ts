/** Roving focus in a list that is one Tab stop: which item the arrow keys move to. Pure. */

/**
 * Where ↓ ↑ Home End PageDown PageUp move a roving focus from `at` among `count` items (null: not
 * a moving key); a page is `page` items (those the list shows at once).
 */
export function rovingTarget(key: string, at: number, count: number, page = 10): number | null {
  if (count === 0) return null;
  const step = Math.max(1, page);
  if (key === 'ArrowDown') return Math.min(count - 1, at + 1);
  if (key === 'ArrowUp') return Math.max(0, at - 1);
  if (key === 'PageDown') return Math.min(count - 1, at + step);
  if (key === 'PageUp') return Math.max(0, at - step);
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}
