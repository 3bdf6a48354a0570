/** Arrow keys in a one-Tab-stop list. */
import { describe, expect, it } from 'vitest';
import { rovingTarget } from './roving';

describe('rovingTarget', () => {
  it('moves one item with the arrows, stopping at the ends, and jumps with Home and End', () => {
    expect(rovingTarget('ArrowDown', 0, 3)).toBe(1);
    expect(rovingTarget('ArrowDown', 2, 3)).toBe(2);
    expect(rovingTarget('ArrowUp', 0, 3)).toBe(0);
    expect(rovingTarget('ArrowUp', 2, 3)).toBe(1);
    expect(rovingTarget('Home', 2, 1000)).toBe(0);
    expect(rovingTarget('End', 0, 1000)).toBe(999);
  });

  it('ignores other keys and empty lists; an unknown position starts from the top', () => {
    expect(rovingTarget('Tab', 0, 3)).toBeNull();
    expect(rovingTarget('a', 0, 3)).toBeNull();
    expect(rovingTarget('ArrowDown', 0, 0)).toBeNull();
    expect(rovingTarget('ArrowDown', -1, 3)).toBe(0);
  });
});
