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

  it('moves a page at a time with PageDown and PageUp, stopping at the ends', () => {
    expect(rovingTarget('PageDown', 0, 1000, 12)).toBe(12);
    expect(rovingTarget('PageDown', 995, 1000, 12)).toBe(999);
    expect(rovingTarget('PageUp', 30, 1000, 12)).toBe(18);
    expect(rovingTarget('PageUp', 5, 1000, 12)).toBe(0);
    // A view too small for one item still moves by one.
    expect(rovingTarget('PageDown', 3, 10, 0)).toBe(4);
  });
});
