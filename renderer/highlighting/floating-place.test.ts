import { describe, expect, it } from 'vitest';
import { placeFloating, type Box } from './floating-place';

const area: Box = { left: 0, top: 48, width: 900, height: 700 }; // 48..748
const size = { width: 200, height: 42 };
const line = (top: number, left = 300, width = 200): Box => ({ left, top, width, height: 28 });

describe('placeFloating', () => {
  it('sits just above the first line, centred on it, when there is room', () => {
    const place = placeFloating({ lines: [line(400), line(428)], area }, size);
    expect(place).toEqual({ left: 300, top: 400 - 6 - 42 });
  });

  it('goes just below the last line when the first is near the top of the reading area', () => {
    const place = placeFloating({ lines: [line(70), line(98, 120, 100)], area }, size);
    expect(place).toEqual({ left: 70, top: 98 + 28 + 6 });
  });

  it('stays inside the reading area horizontally', () => {
    expect(placeFloating({ lines: [line(400, 0, 40)], area }, size).left).toBe(8);
    expect(placeFloating({ lines: [line(400, 860, 40)], area }, size).left).toBe(900 - 8 - 200);
  });

  it('anchors a selection taller than the reading area to its visible part', () => {
    const lines = Array.from({ length: 60 }, (_, i) => line(-400 + i * 28));
    const place = placeFloating({ lines, area }, size);
    expect(place.top).toBeGreaterThanOrEqual(48 + 8);
    expect(place.top + size.height).toBeLessThanOrEqual(748 - 8);
  });

  it('uses the visible lines when the selection starts above the reading area', () => {
    const lines = [line(0), line(28), line(56), line(300)];
    // First visible line at 28..56 (it crosses the top edge): no room above it, so below the last.
    expect(placeFloating({ lines, area }, size).top).toBe(300 + 28 + 6);
  });

  it('keeps a control whose text scrolled away at the edge of the reading area', () => {
    expect(placeFloating({ lines: [line(900)], area }, size).top).toBe(748 - 8 - 42);
    expect(placeFloating({ lines: [], area }, size).top).toBe(56);
  });
});
