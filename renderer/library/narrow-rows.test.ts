import { describe, expect, it } from 'vitest';
import type { DocumentRow } from '../../preload/api';
import { narrowHeldRows } from './narrow-rows';
import { documentRow } from './test-fixtures';

const row = documentRow;

const held = (rows: DocumentRow[]) => new Map(rows.map((r, i) => [i, r] as const));

const rousseau = [
  row(1, 'Émile, or On Education', { author: 'Jean-Jacques Rousseau' }),
  row(2, 'The Social Contract', {
    author: 'Rousseau',
    excerpt: 'Man is born free, and everywhere in chains.',
  }),
  row(3, 'Reveries of the Solitary Walker', { author: 'Rousseau', source: 'reveries.epub' }),
];

/** The titles "rous" narrowed to `filter` leaves (null: only the core can tell). */
const titles = (filter: string) =>
  narrowHeldRows(held(rousseau), 3, 'rous', filter)?.map((r) => r.title) ?? null;

describe('narrowHeldRows', () => {
  it('keeps, in order, the held rows that match a filter typed on, over every field, folding accents', () => {
    expect(titles('rousseau')).toEqual([
      'Émile, or On Education',
      'The Social Contract',
      'Reveries of the Solitary Walker',
    ]);
    expect(titles('rousseau EMILE')).toEqual(['Émile, or On Education']);
    expect(titles('rousseau chains')).toEqual(['The Social Contract']);
    expect(titles('rousseau .epub')).toEqual(['Reveries of the Solitary Walker']);
    expect(titles('rousseaux')).toEqual([]);
  });

  it('leaves to the core what the held rows cannot answer', () => {
    // Erasing widens; a new word that does not contain the old one is no narrowing.
    expect(narrowHeldRows(held(rousseau), 3, 'rousseau', 'rous')).toBeNull();
    expect(narrowHeldRows(held(rousseau), 3, 'rous', 'walker')).toBeNull();
    // Not every match is held: the others are on pages not loaded.
    expect(narrowHeldRows(held(rousseau), 40, 'rous', 'rousseau')).toBeNull();
    const gap = new Map([
      [0, rousseau[0] as DocumentRow],
      [2, rousseau[2] as DocumentRow],
      [3, rousseau[1] as DocumentRow],
    ]);
    expect(narrowHeldRows(gap, 3, 'rous', 'rousseau')).toBeNull();
    // A cleared filter shows the whole library.
    expect(narrowHeldRows(held(rousseau), 3, 'rous', '  ')).toBeNull();
  });

  it('narrows from no filter only when the whole library is held', () => {
    expect(narrowHeldRows(held(rousseau), 3, '', 'social')?.map((r) => r.id)).toEqual([rousseau[1]?.id]);
    const many = Array.from({ length: 1500 }, (_, n) => row(n, `Note ${n}`));
    expect(narrowHeldRows(held(many), 1500, '', 'note 1')).toBeNull();
  });
});
