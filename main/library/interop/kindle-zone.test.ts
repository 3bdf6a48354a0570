/** Kindle dates read in the importing computer's zone (the zone is a process setting: node-only test). */
import { describe, expect, it } from 'vitest';
import { parseKindleDate } from '../../../common/interop/kindle-dates';

describe('a Kindle date in the zone of the computer importing it', () => {
  it('reads the time written as the local time of the computer importing it', () => {
    const zone = process.env['TZ'];
    try {
      process.env['TZ'] = 'Asia/Tokyo';
      expect(parseKindleDate('Added on Sunday, 3 March 2019 10:00:00')).toBe('2019-03-03T01:00:00.000Z');
      // Late in the evening in New York is already the next day in UTC: the day written is kept.
      process.env['TZ'] = 'America/New_York';
      const late = parseKindleDate('Added on Sunday, March 3, 2019 11:30:00 PM') ?? '';
      expect(late).toBe('2019-03-04T04:30:00.000Z');
      expect(new Date(late).getDate()).toBe(3);
    } finally {
      if (zone === undefined) delete process.env['TZ'];
      else process.env['TZ'] = zone;
    }
  });
});
