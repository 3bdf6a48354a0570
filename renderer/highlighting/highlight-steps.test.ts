/** `]` / `[` between highlights, and what a screen reader is told on arrival. */
import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../preload/api';
import { describeStop, stepFrom } from './highlight-steps';

const STOPS = [
  { id: 'a', top: -400 },
  { id: 'b', top: 120 },
  { id: 'c', top: 120 },
  { id: 'd', top: 900 },
];

describe('stepFrom', () => {
  it('steps in document order from the selected highlight, stopping at either end', () => {
    expect(stepFrom(STOPS, 'b', 0, 1)).toBe('c');
    expect(stepFrom(STOPS, 'c', 0, -1)).toBe('b');
    expect(stepFrom(STOPS, 'd', 0, 1)).toBeNull();
    expect(stepFrom(STOPS, 'a', 0, -1)).toBeNull();
  });

  it('without a selection, starts from the reading line', () => {
    expect(stepFrom(STOPS, null, 100, 1)).toBe('b');
    expect(stepFrom(STOPS, null, 121, 1)).toBe('b');
    expect(stepFrom(STOPS, null, 100, -1)).toBe('a');
    expect(stepFrom(STOPS, null, 1000, 1)).toBeNull();
    expect(stepFrom(STOPS, null, -1000, -1)).toBeNull();
    // A selected id that is no longer placed counts as no selection.
    expect(stepFrom(STOPS, 'gone', 500, 1)).toBe('d');
    expect(stepFrom([], null, 0, 1)).toBeNull();
  });
});

const highlight = (fields: Partial<Highlight>): Highlight =>
  ({
    id: 'h',
    color: 'yellow',
    quote: {
      type: 'TextQuoteSelector',
      exact: 'the owls come out of the beech wood',
      prefix: '',
      suffix: '',
    },
    tags: [],
    note: null,
    needsCheck: false,
    ...fields,
  }) as Highlight;

describe('describeStop', () => {
  it('says where it is, its meaning and its quote', () => {
    expect(describeStop(highlight({}), 'Key idea', 2, 12)).toBe(
      'Highlight 3 of 12, Key idea: “the owls come out of the beech wood”.',
    );
  });

  it('cuts a long quote, and tells tags, a note and a place to check', () => {
    const long = highlight({
      quote: {
        type: 'TextQuoteSelector',
        exact: 'one two three four five six seven eight nine ten eleven twelve thirteen\nfourteen',
        prefix: '',
        suffix: '',
      },
      tags: ['birds', 'history/russia'],
      note: 'See the letters.',
      needsCheck: true,
    });
    expect(describeStop(long, 'Question', 0, 1)).toBe(
      'Highlight 1 of 1, Question: “one two three four five six seven eight nine ten eleven twelve…”. To check. Tags: birds, history/russia. Has a note.',
    );
    expect(describeStop(highlight({ note: '   ' }), 'Quote', 0, 1)).not.toContain('note');
  });
});
