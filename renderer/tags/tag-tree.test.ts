import { describe, expect, it } from 'vitest';
import { describeUses, tagTree } from './tag-tree';

const info = (name: string, documents = 0, highlights = 0) => ({ name, documents, highlights, notes: 0 });

describe('the tag tree', () => {
  it('puts parents before children, adds prefix-only parents and sorts siblings by name', () => {
    const rows = tagTree([
      info('war'),
      info('Politics/Armenia/Yerevan', 1),
      info('history'),
      info('politics/Georgia'),
    ]);
    expect(rows.map((row) => [row.name, row.depth, row.info !== null])).toEqual([
      ['history', 0, true],
      ['Politics', 0, false],
      ['Politics/Armenia', 1, false],
      ['Politics/Armenia/Yerevan', 2, true],
      ['politics/Georgia', 1, true],
      ['war', 0, true],
    ]);
  });

  it('describes uses with plurals', () => {
    expect(describeUses(info('x', 1, 2), 'en-US')).toBe('1 document · 2 highlights');
    expect(describeUses({ ...info('x', 0, 1), notes: 3 }, 'en-US')).toBe(
      '0 documents · 1 highlight · 3 notes',
    );
  });
});
