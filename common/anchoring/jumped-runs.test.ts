/** The copy test of the order pass on real prose: a revised copy of a paragraph's end is still a copy. */
import { describe, expect, it } from 'vitest';
import { occursIn } from './jumped-runs';
import { BOOK } from './test-fixtures';

const PROBE = BOOK.slice(300_000, 300_048);
/** Its first two long words rewritten (in capitals): 7 to 12 of its 48 characters differ. */
let rewritten = 0;
const REVISED = PROBE.replace(/\p{L}{4,}/gu, (word) => (++rewritten <= 2 ? word.toUpperCase() : word));
const UNRELATED = BOOK.slice(400_000, 402_000);

describe('occursIn', () => {
  it('finds a revised copy of the probe, two of its words rewritten', () => {
    expect(REVISED).not.toBe(PROBE);
    const text = `${UNRELATED}\n\n${REVISED}\n\n${UNRELATED}`;
    expect(occursIn(text, PROBE, 0, text.length)).toBe(true);
  });

  it('does not find it in unrelated prose', () => {
    expect(occursIn(UNRELATED, PROBE, 0, UNRELATED.length)).toBe(false);
  });
});
