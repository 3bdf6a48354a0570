import { describe, expect, it } from 'vitest';
import { assert, double, integer, property } from 'fast-check';
import { MAX_LIST_HEIGHT, listHeight, rowWindow } from './row-window';

const base = { rowHeight: 170, viewportHeight: 800, overscan: 0 };

describe('rowWindow', () => {
  it('lays 100,000 rows out exactly: the middle of the scrollbar shows the middle rows', () => {
    const total = 100_000;
    const height = listHeight(total, 170);
    expect(height).toBe(17_000_000);
    const mid = rowWindow({ ...base, total, scrollTop: (height - 800) / 2 });
    expect(mid.first).toBeGreaterThan(49_990);
    expect(mid.last).toBeLessThan(50_010);
    expect(mid.topOf(mid.first)).toBe(mid.first * 170);
  });

  it('shows row 0 at the top and the last row at the bottom, whatever the size', () => {
    for (const total of [1, 7, 3000, 100_000, 1_000_000]) {
      const top = rowWindow({ ...base, total, scrollTop: 0 });
      expect(top.first).toBe(0);
      expect(top.topOf(0)).toBe(0);
      const bottom = rowWindow({ ...base, total, scrollTop: Number.MAX_SAFE_INTEGER });
      expect(bottom.last).toBe(total - 1);
      const scroll = Math.max(0, bottom.height - 800);
      // The last row's bottom edge meets the viewport's bottom (or the list is shorter than it).
      expect(bottom.topOf(total - 1) + 170 - scroll).toBeCloseTo(Math.min(800, total * 170), 3);
    }
  });

  it('scales a list taller than the layout limit, keeping the scrollbar linear', () => {
    const total = 1_000_000;
    expect(listHeight(total, 170)).toBe(MAX_LIST_HEIGHT);
    const mid = rowWindow({ ...base, total, scrollTop: (MAX_LIST_HEIGHT - 800) / 2 });
    expect(Math.abs(mid.first - 500_000)).toBeLessThan(10);
    // Rows in the window sit on the screen, one row height apart.
    const onScreen = mid.topOf(mid.first) - (MAX_LIST_HEIGHT - 800) / 2;
    expect(onScreen).toBeGreaterThan(-170);
    expect(onScreen).toBeLessThanOrEqual(0);
    expect(mid.topOf(mid.first + 1) - mid.topOf(mid.first)).toBe(170);
  });

  it('has no rows for an empty list, and clamps a scroll before the list starts', () => {
    expect(rowWindow({ ...base, total: 0, scrollTop: 500 }).last).toBeLessThan(0);
    const above = rowWindow({ ...base, total: 50, scrollTop: -300, overscan: 2 });
    expect([above.first, above.topOf(3)]).toEqual([0, 510]);
  });

  it('always covers the viewport with rows in range, for any list and scroll position', () => {
    assert(
      property(
        integer({ min: 1, max: 2_000_000 }),
        double({ min: 0, max: 1, noNaN: true }),
        (total, fraction) => {
          const height = listHeight(total, 170);
          const scrollTop = Math.max(0, height - 800) * fraction;
          const w = rowWindow({ ...base, total, scrollTop });
          expect(w.first).toBeGreaterThanOrEqual(0);
          expect(w.last).toBeLessThanOrEqual(total - 1);
          expect(w.topOf(w.first)).toBeLessThanOrEqual(scrollTop + 1e-6);
          const end = Math.min(scrollTop + 800, height);
          expect(w.topOf(w.last) + 170).toBeGreaterThanOrEqual(end - 1e-6);
        },
      ),
    );
  });
});
