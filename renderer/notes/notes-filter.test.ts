import { describe, expect, it } from 'vitest';
import type { NoteSummary } from '../../preload/api';
import { matchesFilter } from './notes-filter';
import { firstLinesOf } from './render-note';

const note = (title: string, excerpt: string, tags: string[] = []): NoteSummary => ({
  id: '0123456789abcdef',
  title,
  excerpt,
  tags,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
});

describe('the Notes filter', () => {
  const berlin = note('Isaiah Berlin: “The Hedgehog”', 'The fox knows many things', ['Essays/Russia']);
  it('keeps a note when every word is in its title, excerpt or tags, in any case', () => {
    expect(matchesFilter(berlin, '')).toBe(true);
    expect(matchesFilter(berlin, '  HEDGEHOG   fox ')).toBe(true);
    expect(matchesFilter(berlin, 'essays/russia')).toBe(true);
    expect(matchesFilter(berlin, 'hedgehog tolstoy')).toBe(false);
  });
});

describe('first lines of a note', () => {
  it('joins the first non-empty lines and cuts long text with an ellipsis', () => {
    expect(firstLinesOf('\n\nWell, Prince,\n\nso Genoa\nand Lucca\nare now')).toBe(
      'Well, Prince, so Genoa and Lucca',
    );
    const long = firstLinesOf('word '.repeat(200));
    expect(long.length).toBe(240);
    expect(long.endsWith('…')).toBe(true);
  });
});
