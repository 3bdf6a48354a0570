import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemsInView, type LineBox } from './marker-window';

/** Items laid down a page, 24 px a line, some with gaps between (paragraphs, headings). */
function page(count: number, gapEvery = 5): { id: number; line: LineBox | undefined }[] {
  let y = -20_000;
  return Array.from({ length: count }, (_, id) => {
    y += 24 + (id % gapEvery === 0 ? 40 : 0);
    return { id, line: { top: y, bottom: y + 20 } };
  });
}

const lineOf = (item: { line: LineBox | undefined }) => item.line;
const ids = (found: { item: { id: number } }[]) => found.map((f) => f.item.id);

describe('which noted highlights get a margin marker', () => {
  it('gives the ones in view and its margin, in order, deep in a long book', () => {
    const items = page(5_000);
    const found = itemsInView(items, lineOf, -800, 1_800, 500);
    const expected = items.filter((i) => i.line && i.line.bottom >= -800 && i.line.top <= 1_800);
    expect(ids(found)).toEqual(expected.map((i) => i.id));
    // Far past the first 500: the old cap left every note after the 500th without a marker.
    expect(found[0]?.item.id).toBeGreaterThan(400);
  });

  it('measures a few dozen lines, not every note, to find them', () => {
    const items = page(10_000);
    let measured = 0;
    itemsInView(items, (item) => (measured++, item.line), 0, 900, 500);
    expect(measured).toBeLessThan(120);
  });

  it('steps over lines that cannot be measured, and finds nothing when the view is past the end', () => {
    const items = page(300).map((item, index) => (index % 3 === 1 ? { ...item, line: undefined } : item));
    const found = itemsInView(items, lineOf, -19_000, -18_000, 500);
    const expected = items.filter((i) => i.line && i.line.bottom >= -19_000 && i.line.top <= -18_000);
    expect(ids(found)).toEqual(expected.map((i) => i.id));
    expect(found.length).toBeGreaterThan(10);
    expect(itemsInView(items, lineOf, 50_000, 60_000, 500)).toEqual([]);
    expect(itemsInView([], lineOf, 0, 100, 500)).toEqual([]);
  });

  it('stops at the limit', () => {
    expect(itemsInView(page(1_000), lineOf, -20_000, 50_000, 40)).toHaveLength(40);
  });

  it('agrees with a scan over every line, whatever the layout and the holes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined, freq: 4 }), { maxLength: 400 }),
        fc.integer({ min: -200, max: 8_000 }),
        fc.integer({ min: 0, max: 3_000 }),
        (gaps, top, height) => {
          let y = 0;
          const items = gaps.map((gap, id) => {
            y += 22 + (gap ?? 0);
            return { id, line: gap === undefined ? undefined : { top: y, bottom: y + 20 } };
          });
          const bottom = top + height;
          const expected = items.filter((i) => i.line && i.line.bottom >= top && i.line.top <= bottom);
          expect(ids(itemsInView(items, lineOf, top, bottom, 10_000))).toEqual(expected.map((i) => i.id));
        },
      ),
    );
  });
});
