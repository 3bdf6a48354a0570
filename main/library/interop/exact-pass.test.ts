import { describe, expect, it } from 'vitest';
import { FoldedText, searchWindows } from './exact-pass';

describe('the exact pass', () => {
  it('finds a quote written on one line in text that breaks it, and maps back to the text', () => {
    const text =
      'Chapter I\n\n\n“Well,  Prince,\nso Genoa and Lucca are now\n\tjust family estates.”\n\nEnd.';
    const folded = new FoldedText(text);
    const span = folded.uniqueSpan('Prince, so Genoa and Lucca are now just family');
    expect(span).not.toBeNull();
    expect(text.slice(span?.start, span?.end)).toBe('Prince,\nso Genoa and Lucca are now\n\tjust family');
    const first = folded.uniqueSpan('Chapter I “Well, Prince,');
    expect(text.slice(first?.start, first?.end)).toBe('Chapter I\n\n\n“Well,  Prince,');
  });

  it('leaves twins, short quotes and absent ones to the anchoring', () => {
    const folded = new FoldedText('the war and the peace; the war and the peace again');
    expect(folded.uniqueSpan('the war and the peace')).toBeNull();
    expect(folded.uniqueSpan('peace again')).toBeNull();
    expect(folded.uniqueSpan('not in this text at all')).toBeNull();
    expect(folded.uniqueSpan('the peace again')).toEqual({ start: 35, end: 50 });
  });

  it('searches between the placed neighbours along the book', () => {
    const placed = new Map([
      [0, { start: 1000, end: 1100 }],
      [2, { start: 9000, end: 9100 }],
    ]);
    const windows = searchWindows([100, 150, 200, null, 50], placed, 20_000);
    expect(windows.get(1)).toEqual({ from: 400, to: 9700, hint: 5000 });
    expect(windows.get(4)).toEqual({ from: 0, to: 1700, hint: 1000 });
    expect(windows.has(3)).toBe(false);
    expect(searchWindows([1, 2], new Map(), 100).size).toBe(0);
  });
});
