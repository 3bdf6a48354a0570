/** The pure half of the workspace: entries, the filter on hostile input, windows, the daily draw. */
import { describe, expect, it } from 'vitest';
import { type HighlightEntry, TagNames, capText, entryOf, foldText, refreshNames } from './entries';
import { dateOrder, documentOrder, groupEntries, prepareFilter, windowOf } from './query';
import { drawForDay, onThisDay, randomFrom, seedOf } from './review';
import type { StoredHighlight } from './edit-rules';

const QUOTES = [
  'Well, Prince, so Genoa and Lucca are now just family estates of the Buonapartes.',
  'If you have nothing better to do, Count (or Prince), and if the prospect of spending an evening',
  'Anna Pávlovna had had a cough for some days. She was, as she said, suffering from la grippe',
  '“Heavens! what a virulent attack!” replied the prince, not in the least disconcerted',
  '(.*+?^${}()|[]\\) — a line of regular expression characters, and 北京 in the middle',
];

function stored(index: number, extra: Partial<StoredHighlight> = {}): StoredHighlight {
  const exact = QUOTES[index % QUOTES.length] as string;
  return {
    id: index.toString(16).padStart(16, '0'),
    documentId: 'aaaaaaaaaaaaaaaa',
    color: (['yellow', 'green', 'blue'] as const)[index % 3] ?? 'yellow',
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 1000 - index, end: 1000 - index + exact.length },
    anchoredVersion: 'a'.repeat(64),
    unplaced: index === 3,
    needsCheck: index === 2,
    tags: index % 2 === 0 ? ['war/1805'] : [],
    ...(index % 2 === 0 ? { tagIds: ['0123456789ab'] } : {}),
    note: index === 1 ? 'Le *prince* Vasíli' : null,
    createdAt: `2024-0${1 + (index % 9)}-15T12:00:00.000Z`,
    updatedAt: '2024-10-01T00:00:00.000Z',
    ...extra,
  };
}

function entries(count: number, documentId = 'aaaaaaaaaaaaaaaa'): HighlightEntry[] {
  return Array.from({ length: count }, (_, index) => {
    const entry = entryOf(documentId, stored(index));
    refreshNames(entry, new TagNames((refs) => refs.tags));
    return entry;
  });
}

/** Entries by document, each document's in text order, as the index keeps them. */
function byDocument(list: readonly HighlightEntry[]): Map<string, HighlightEntry[]> {
  const map = new Map<string, HighlightEntry[]>();
  for (const entry of list) map.set(entry.documentId, [...(map.get(entry.documentId) ?? []), entry]);
  for (const [id, listed] of map)
    map.set(
      id,
      listed.toSorted((a, b) => a.place - b.place),
    );
  return map;
}

const titleOf = (id: string) => (id === 'aaaaaaaaaaaaaaaa' ? 'War and Peace' : 'Anna Karenina');

describe('workspace entries', () => {
  it('cut long quotes on a character boundary and fold accents for the filter', () => {
    const long = `${'x'.repeat(599)}😀 and more`;
    expect(capText(long)).toBe(`${'x'.repeat(599)}…`);
    expect(capText('short')).toBe('short');
    expect(foldText('Pávlovna ÉLAN')).toBe('pavlovna elan');
    const [, noted, toCheck, unplaced] = entries(4);
    expect(noted?.folded).toContain('le *prince* vasili');
    expect([noted?.anchoring, toCheck?.anchoring, unplaced?.anchoring]).toEqual([
      'placed',
      'needs-check',
      'unplaced',
    ]);
  });
});

describe('the workspace filter on hostile input', () => {
  const all = documentOrder(byDocument(entries(10)), titleOf);
  const count = (filter: Parameters<typeof prepareFilter>[0]) =>
    groupEntries(all, prepareFilter(filter), 'document', titleOf).matching;

  it('takes regex characters, CJK and very long text literally', () => {
    expect(count({ text: '(.*+?^${}()|[]\\)' })).toBe(2);
    expect(count({ text: '北京' })).toBe(2);
    expect(count({ text: '.*' })).toBe(2);
    expect(count({ text: 'prince '.repeat(140) })).toBe(6);
    expect(count({ text: '"unbalanced' })).toBe(0);
    expect(count({ text: '   ' })).toBe(10);
  });

  it('matches a tag with its children but not a tag that only starts alike, and ignores bad tags', () => {
    expect(count({ tags: ['war'] })).toBe(5);
    expect(count({ tags: ['WAR/1805'] })).toBe(5);
    expect(count({ tags: ['wa'] })).toBe(0);
    expect(count({ tags: ['#<script>'] })).toBe(0);
    expect(count({ tags: ['war'], colors: ['green'] })).toBe(1);
  });
});

describe('windows and orders', () => {
  it('orders a document’s highlights by place and dates newest first', () => {
    const byPlace = documentOrder(byDocument(entries(5)), titleOf).map((entry) => entry.place);
    expect(byPlace).toEqual([...byPlace].toSorted((a, b) => a - b));
    const byDate = dateOrder(entries(9)).map((entry) => entry.createdAt.slice(0, 7));
    expect(byDate[0]).toBe('2024-09');
    const grouped = groupEntries(dateOrder(entries(9)), prepareFilter({}), 'date', titleOf);
    expect(grouped.groups.map((group) => group.label).slice(0, 2)).toEqual(['September 2024', 'August 2024']);
  });

  it('answers any window of rows, past the end included', () => {
    const all = documentOrder(byDocument([...entries(3), ...entries(3, 'bbbbbbbbbbbbbbbb')]), titleOf);
    const grouped = groupEntries(all, prepareFilter({}), 'document', titleOf);
    const rows = (offset: number, limit: number) =>
      windowOf(grouped, { offset, limit }, titleOf, 6).rows.map((row) =>
        row.kind === 'group' ? row.label : row.item.documentTitle,
      );
    expect(grouped.totalRows).toBe(8);
    expect(rows(0, 8)).toEqual([
      'Anna Karenina',
      'Anna Karenina',
      'Anna Karenina',
      'Anna Karenina',
      'War and Peace',
      'War and Peace',
      'War and Peace',
      'War and Peace',
    ]);
    expect(rows(3, 2)).toEqual(['Anna Karenina', 'War and Peace']);
    expect(rows(8, 5)).toEqual([]);
  });
});

describe('the daily draw', () => {
  const pool = entries(40);

  it('is the same all day, another the next day, and never repeats a passage', () => {
    const today = drawForDay(pool, '2026-12-03', 10, new Set());
    expect(drawForDay(pool.toReversed(), '2026-12-03', 10, new Set())).toEqual(today);
    expect(new Set(today.map((entry) => entry.highlightId)).size).toBe(10);
    expect(drawForDay(pool, '2026-12-04', 10, new Set())).not.toEqual(today);
    expect(drawForDay(pool.slice(0, 3), '2026-12-03', 10, new Set())).toHaveLength(3);
  });

  it('spreads its picks over the whole library', () => {
    const random = randomFrom(seedOf('2026-12-03'));
    const buckets = [0, 0, 0, 0];
    for (let draw = 0; draw < 4000; draw++) buckets[Math.floor(random() * 4)]! += 1;
    for (const bucket of buckets) expect(bucket).toBeGreaterThan(850);
  });

  it('brings back this day of earlier years, not of this year', () => {
    const found = onThisDay(pool, '2026-03-15', 50);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((entry) => entry.createdAt.slice(5, 10) === '03-15')).toBe(true);
    expect(onThisDay(pool, '2024-03-15', 50)).toEqual([]);
  });
});
