import { describe, expect, it } from 'vitest';
import type { ReviewSet, WorkspaceItem } from '../../preload/api';
import { highlightsMarkdown } from './copy-markdown';
import { editMessage, partWayMessage, undoMessage } from './edit-messages';
import { NO_FILTER, isFiltered, localDay, toWorkspaceFilter } from './filters';
import { reviewQueue, skipToday, skippedToday } from './review-queue';

const item = (quote: string, extra: Partial<WorkspaceItem> = {}): WorkspaceItem => ({
  documentId: 'aaaaaaaaaaaaaaaa',
  highlightId: '0123456789abcdef',
  documentTitle: 'War and\nPeace',
  color: 'green',
  quote,
  note: null,
  tags: [],
  createdAt: '2024-03-05T10:00:00.000Z',
  updatedAt: '2024-03-05T10:00:00.000Z',
  anchoring: 'placed',
  ...extra,
});

describe('copy as markdown', () => {
  it('quotes every line, keeps notes and tags, one heading per document', () => {
    const markdown = highlightsMarkdown([
      item('“Well, Prince, so Genoa and Lucca\n\n# are now just family estates', {
        note: 'A *note* <b>kept</b>.',
        tags: ['politics/italy'],
      }),
      item('Another', { documentId: 'bbbbbbbbbbbbbbbb', documentTitle: '' }),
    ]);
    expect(markdown).toBe(
      [
        '## War and Peace',
        '> “Well, Prince, so Genoa and Lucca\n>\n> # are now just family estates',
        'A *note* <b>kept</b>.',
        '— 2024-03-05 · #politics/italy',
        '## Untitled document',
        '> Another',
        '— 2024-03-05\n',
      ].join('\n\n'),
    );
  });
});

describe('the workspace filter', () => {
  it('turns local days into the instants that bound them, "to" included', () => {
    const filter = toWorkspaceFilter({ ...NO_FILTER, from: '2024-03-05', to: '2024-03-05', text: '  war ' });
    expect(filter.text).toBe('war');
    expect(Date.parse(filter.createdBefore ?? '') - Date.parse(filter.createdFrom ?? '')).toBe(86_400_000);
    expect(new Date(filter.createdFrom ?? '').getDate()).toBe(5);
    expect(toWorkspaceFilter({ ...NO_FILTER, from: 'yesterday' })).toEqual({});
    expect(toWorkspaceFilter(NO_FILTER)).toEqual({});
    expect(toWorkspaceFilter({ ...NO_FILTER, text: 'x'.repeat(5000) }).text).toHaveLength(1000);
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_FILTER, colors: ['pink'] })).toBe(true);
    expect(localDay(new Date(2026, 0, 9))).toBe('2026-01-09');
  });
});

describe('the toasts of bulk edits', () => {
  const outcome = { undoToken: 'x', changed: 3, documents: 2, unchanged: 1, failure: null };
  it('say what changed and what did not', () => {
    expect(editMessage({ kind: 'tag', tag: 'war' }, outcome)).toBe(
      'Tagged 3 highlights #war. 1 highlight needed no change or were gone.',
    );
    expect(editMessage({ kind: 'delete' }, { ...outcome, changed: 1, unchanged: 0 })).toBe(
      'Deleted 1 highlight.',
    );
    expect(
      editMessage({ kind: 'recolor', color: 'blue' }, { ...outcome, changed: 0, unchanged: 2 }),
    ).toContain('Nothing to change');
    expect(partWayMessage(outcome)).toBeNull();
    const partWay = {
      ...outcome,
      failure: { code: 'disk-full' as const, message: 'The disk is full.', highlightsLeft: 4 },
    };
    expect(partWayMessage(partWay)).toBe(
      'Only 3 highlights changed (undo puts them back); 4 highlights were left as they were: The disk is full.',
    );
    expect(undoMessage({ restored: 2, skipped: 1, failure: null })).toBe(
      'Put back 2 highlights. 1 highlight changed since were left as they are.',
    );
  });
});

describe('the review queue', () => {
  it('puts this day’s anniversaries first and leaves out what was skipped today', () => {
    const old = item('old', { highlightId: '1111111111111111', createdAt: '2022-12-03T09:00:00.000Z' });
    const drawn = item('drawn', { highlightId: '2222222222222222' });
    const set: ReviewSet = { onThisDay: [old], random: [drawn] };
    const store = new Map<string, string>();
    const storage = {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    expect(
      reviewQueue(set, '2026-12-03', skippedToday(storage, '2026-12-03')).map((card) => card.why),
    ).toEqual(['On this day, 4 years ago', 'From your library']);
    skipToday(storage, '2026-12-03', old);
    expect(
      reviewQueue(set, '2026-12-03', skippedToday(storage, '2026-12-03')).map((card) => card.item.quote),
    ).toEqual(['drawn']);
    // Another day starts afresh; a corrupt entry counts as nothing skipped.
    expect(skippedToday(storage, '2026-12-04').size).toBe(0);
    store.set('lectern.review.skipped.2026-12-05', '{not json');
    expect(skippedToday(storage, '2026-12-05').size).toBe(0);
  });
});
