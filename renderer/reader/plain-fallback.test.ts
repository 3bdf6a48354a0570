import { describe, expect, it } from 'vitest';
import { plainPieces } from './plain-fallback';

describe('plainPieces', () => {
  it('keeps short text whole', () => {
    expect(plainPieces('The boats came in.')).toEqual(['The boats came in.']);
  });

  it('cuts a megabyte paragraph into pieces at spaces, losing nothing', () => {
    const text = 'The boats came in at dusk, and nobody spoke of the storm. '.repeat(18_000);
    const pieces = plainPieces(text, 6000);
    expect(pieces.join('')).toBe(text);
    expect(pieces.length).toBeGreaterThan(170);
    for (const piece of pieces.slice(0, -1)) {
      expect(piece.length).toBeLessThanOrEqual(6000);
      expect(piece.endsWith(' ')).toBe(true);
    }
  });

  it.each([
    ['[', '['.repeat(50_000)],
    ['`', '`'.repeat(100_000)],
    ['a line per character', 'a\n'.repeat(20_000)],
  ])('cuts text without spaces (%s) at the piece size, losing nothing', (_, text) => {
    const pieces = plainPieces(text, 6000);
    expect(pieces.join('')).toBe(text);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThanOrEqual(6000);
  });
});
