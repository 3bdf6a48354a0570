/** The highlights panel's virtual list: measured heights, offsets, and which items are rendered. */
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { ItemLayout, estimateItemHeight, itemsToRender, visibleItems } from './highlight-panel-window';

const ids = (count: number) => Array.from({ length: count }, (_, i) => `h${i}`);

describe('ItemLayout', () => {
  it('lays estimated items end to end and replaces an estimate by its measure', () => {
    const layout = new ItemLayout();
    layout.reset(ids(4), (i) => [80, 120, 60, 100][i] ?? 0);
    expect([0, 1, 2, 3, 4].map((i) => layout.topOf(i))).toEqual([0, 80, 200, 260, 360]);
    expect(layout.height).toBe(360);
    expect(layout.measure('h1', 150)).toBe(30);
    expect(layout.topOf(2)).toBe(200); // Not until relayout: one pass for a batch of measures.
    layout.relayout();
    expect([layout.topOf(2), layout.height]).toEqual([230, 390]);
    expect(layout.measure('h1', 150.2)).toBe(0); // Sub-pixel noise is no change.
    expect(layout.measure('gone', 10)).toBe(0);
  });

  it('keeps measured heights across a new list (an item added above the others)', () => {
    const layout = new ItemLayout();
    layout.reset(ids(3), () => 50);
    layout.measure('h2', 90);
    layout.reset(['new', ...ids(3)], () => 50);
    expect(layout.indexOf('h2')).toBe(3);
    expect(layout.heightOf(3)).toBe(90);
    expect(layout.height).toBe(240);
  });

  it('finds the item under any point, the ends included', () => {
    const layout = new ItemLayout();
    layout.reset(ids(3), (i) => [10, 20, 30][i] ?? 0);
    expect([0, 9.9, 10, 29, 30, 59, 60, 1e6, -5].map((y) => layout.indexAt(y))).toEqual([
      0, 0, 1, 1, 2, 2, 2, 2, 0,
    ]);
    const empty = new ItemLayout();
    empty.reset([], () => 10);
    expect(empty.indexAt(0)).toBe(-1);
  });

  it('indexAt agrees with a linear scan for any heights', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 60 }),
        fc.nat(30000),
        (heights, y) => {
          const layout = new ItemLayout();
          layout.reset(ids(heights.length), (i) => heights[i] ?? 0);
          let expected = 0;
          for (let i = 0; i < heights.length; i++) if (layout.topOf(i) <= y) expected = i;
          expect(layout.indexAt(y)).toBe(expected);
        },
      ),
    );
  });
});

describe('visibleItems', () => {
  const layout = new ItemLayout();
  layout.reset(ids(10_000), () => 100);

  it('covers the view and the overscan on both sides, wherever the list is scrolled', () => {
    expect(visibleItems(layout, 0, 700, 200)).toEqual({ first: 0, last: 9 });
    expect(visibleItems(layout, 500_000, 700, 200)).toEqual({ first: 4998, last: 5009 });
    expect(visibleItems(layout, 999_300, 700, 200)).toEqual({ first: 9991, last: 9999 });
  });

  it('renders nothing while the list is far below or above the view', () => {
    expect(visibleItems(layout, -5000, 700, 200)).toEqual({ first: 0, last: -1 });
    expect(visibleItems(layout, 2_000_000, 700, 200)).toEqual({ first: 0, last: -1 });
    // The list starts just below the view's bottom: its first items are in the overscan.
    expect(visibleItems(layout, -800, 700, 200)).toEqual({ first: 0, last: 1 });
  });
});

describe('itemsToRender', () => {
  it('adds the kept items (focused, edited) in list order, once each', () => {
    expect(itemsToRender({ first: 10, last: 13 }, [500, 12, -1])).toEqual([10, 11, 12, 13, 500]);
    expect(itemsToRender({ first: 0, last: -1 }, [3, 3])).toEqual([3]);
  });
});

describe('estimateItemHeight', () => {
  it('grows with the quote up to its three clamped lines, and with tags, a note and links', () => {
    const short = estimateItemHeight({ quoteLength: 20, tags: 0, hasNote: false, backlinks: 0 });
    const long = estimateItemHeight({ quoteLength: 400, tags: 0, hasNote: false, backlinks: 0 });
    const longer = estimateItemHeight({ quoteLength: 4000, tags: 0, hasNote: false, backlinks: 0 });
    expect(long).toBeGreaterThan(short);
    expect(longer).toBe(long);
    const full = estimateItemHeight({ quoteLength: 400, tags: 2, hasNote: true, backlinks: 1 });
    expect(full).toBeGreaterThan(long + 100);
  });
});
