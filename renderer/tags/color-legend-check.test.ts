import { describe, expect, it } from 'vitest';
import { checkColorLabel, checkColorTag } from './color-legend-check';

describe('the colour legend’s checks', () => {
  it('trims a meaning and refuses an empty or over-long one', () => {
    expect(checkColorLabel('  Key idea ')).toEqual({ ok: true, value: 'Key idea' });
    expect(checkColorLabel('   ')).toMatchObject({ ok: false });
    expect(checkColorLabel('Ä'.repeat(40))).toMatchObject({ ok: true });
    expect(checkColorLabel('Ä'.repeat(41))).toMatchObject({ ok: false, message: /at most 40/ });
  });

  it('reads an empty tag as none and normalises or refuses the rest', () => {
    expect(checkColorTag('')).toEqual({ ok: true, value: null });
    expect(checkColorTag(' open question ')).toEqual({ ok: true, value: 'open-question' });
    expect(checkColorTag('a#b')).toMatchObject({ ok: false });
  });
});
