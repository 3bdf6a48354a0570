import { describe, expect, it } from 'vitest';
import {
  formatDocumentCount,
  formatDuration,
  formatLength,
  formatNumber,
  formatRelativeDay,
  progressPercent,
} from './format';

const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h);

describe('formatLength', () => {
  it('groups thousands and joins words and minutes', () => {
    expect(formatLength(4210, 17, 'en-US')).toBe('4,210 words · 17 min');
  });
  it('says "word" for one and never less than a minute', () => {
    expect(formatLength(1, 0, 'en-US')).toBe('1 word · 1 min');
  });
  it('uses the locale grouping', () => {
    expect(formatLength(4210, 17, 'de-DE')).toBe('4.210 words · 17 min');
  });
});

describe('formatDuration', () => {
  it('switches to hours past an hour and drops minutes past ten hours', () => {
    expect(formatDuration(59, 'en-US')).toBe('59 min');
    expect(formatDuration(60, 'en-US')).toBe('1 h');
    expect(formatDuration(203, 'en-US')).toBe('3 h 23 min');
    expect(formatDuration(2380, 'en-US')).toBe('39 h');
  });
});

describe('formatRelativeDay', () => {
  const now = at(2025, 3, 20, 9);
  it('says today, yesterday and n days ago by calendar day', () => {
    expect(formatRelativeDay(at(2025, 3, 20, 1).toISOString(), now, 'en-US')).toBe('today');
    expect(formatRelativeDay(at(2025, 3, 19, 23).toISOString(), now, 'en-US')).toBe('yesterday');
    expect(formatRelativeDay(at(2025, 3, 17).toISOString(), now, 'en-US')).toBe('3 days ago');
  });
  it('reads a future time (clock skew) as today', () => {
    expect(formatRelativeDay(at(2025, 3, 22).toISOString(), now, 'en-US')).toBe('today');
  });
  it('gives a date after a week, with the year only when it differs', () => {
    expect(formatRelativeDay(at(2025, 3, 1).toISOString(), now, 'en-US')).toBe('Mar 1');
    expect(formatRelativeDay(at(2023, 11, 5).toISOString(), now, 'en-US')).toBe('Nov 5, 2023');
  });
  it('returns an empty string for an unreadable date', () => {
    expect(formatRelativeDay('not a date', now, 'en-US')).toBe('');
  });
  it('words the same date anew when the day turns or the locale changes (nothing stale is kept)', () => {
    const added = at(2025, 3, 20, 8).toISOString();
    expect(formatRelativeDay(added, now, 'en-US')).toBe('today');
    expect(formatRelativeDay(added, at(2025, 3, 21, 0), 'en-US')).toBe('yesterday');
    expect(formatRelativeDay(added, at(2025, 3, 21, 0), 'de-DE')).toBe('gestern');
    expect(formatRelativeDay(added, at(2026, 1, 2), 'en-US')).toBe('Mar 20, 2025');
    expect(formatRelativeDay(added, now, 'en-US')).toBe('today');
    // Thousands of distinct dates (a long scroll) still word each one right.
    for (let day = 0; day < 5000; day++)
      formatRelativeDay(new Date(Date.UTC(2020, 0, 1 + day)).toISOString(), now, 'en-US');
    expect(formatRelativeDay(at(2025, 3, 17).toISOString(), now, 'en-US')).toBe('3 days ago');
  });
});

describe('progressPercent and formatDocumentCount', () => {
  it('clamps and rounds', () => {
    expect(progressPercent(0.424)).toBe(42);
    expect(progressPercent(1.7)).toBe(100);
    expect(progressPercent(-1)).toBe(0);
    expect(progressPercent(Number.NaN)).toBe(0);
  });
  it('counts documents', () => {
    expect(formatDocumentCount(1, 'en-US')).toBe('1 document');
    expect(formatDocumentCount(10000, 'en-US')).toBe('10,000 documents');
  });
});

describe('formatters made once (cached per locale and options)', () => {
  const now = at(2025, 3, 20);
  it('keeps each locale its own, whichever came first', () => {
    expect(formatNumber(1234567, 'en-US')).toBe('1,234,567');
    expect(formatNumber(1234567, 'de-DE')).toBe('1.234.567');
    expect(formatNumber(1234567, 'en-US')).toBe('1,234,567');
    expect(formatRelativeDay(at(2025, 3, 19).toISOString(), now, 'fr-FR')).toBe('hier');
    expect(formatRelativeDay(at(2025, 3, 19).toISOString(), now, 'en-US')).toBe('yesterday');
  });
  it('keeps the dates with and without a year apart, in either order', () => {
    expect(formatRelativeDay(at(2023, 11, 5).toISOString(), now, 'en-GB')).toBe('5 Nov 2023');
    expect(formatRelativeDay(at(2025, 3, 1).toISOString(), now, 'en-GB')).toBe('1 Mar');
    expect(formatRelativeDay(at(2023, 11, 5).toISOString(), now, 'en-GB')).toBe('5 Nov 2023');
  });
});
