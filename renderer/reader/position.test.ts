import { describe, expect, it } from 'vitest';
import { locateInRuns, offsetFromRuns, quoteAt, resolveOffset, textProgress } from './position';

const text =
  'CHAPTER I"Well, Prince, so Genoa and Lucca are now just family estates of the Buonapartes. ' +
  "But I warn you, if you don't tell me that this means war, if you still try to defend the infamies " +
  'and horrors perpetrated by that Antichrist—I really believe he is Antichrist—I will have nothing more to do with you."';

describe('quoteAt / resolveOffset', () => {
  it('keeps an offset whose quote still matches', () => {
    const offset = text.indexOf('But I warn');
    expect(resolveOffset(text, offset, quoteAt(text, offset))).toBe(offset);
  });

  it('finds the quote when the text moved', () => {
    const offset = text.indexOf('But I warn');
    const quote = quoteAt(text, offset);
    const edited = 'A new preface sentence. ' + text;
    expect(resolveOffset(edited, offset, quote)).toBe(edited.indexOf('But I warn'));
  });

  it('picks the occurrence nearest to the saved offset', () => {
    const second = text.lastIndexOf('Antichrist');
    expect(resolveOffset(text, second + 3, 'Antichrist')).toBe(second);
    const first = text.indexOf('Antichrist');
    expect(resolveOffset(text, first + 2, 'Antichrist')).toBe(first);
  });

  it('falls back to the quote’s first half, then to the clamped offset', () => {
    const offset = text.indexOf('Genoa');
    const quote = quoteAt(text, offset);
    const edited = text.replace('family estates', 'mere estates');
    expect(resolveOffset(edited, offset + 40, quote)).toBe(edited.indexOf('Genoa'));
    expect(resolveOffset(text, 10_000, 'no such words anywhere here')).toBe(text.length);
    expect(resolveOffset(text, -5, '')).toBe(0);
  });
});

describe('locateInRuns / offsetFromRuns', () => {
  const lengths = [5, 0, 3, 10];

  it('maps offsets onto runs and back', () => {
    for (let offset = 0; offset < 18; offset++) {
      const point = locateInRuns(lengths, offset);
      expect(point).not.toBeNull();
      if (point) expect(offsetFromRuns(lengths, point)).toBe(offset);
    }
  });

  it('puts a boundary at the start of the next non-empty run', () => {
    expect(locateInRuns(lengths, 5)).toEqual({ run: 2, offset: 0 });
    expect(locateInRuns(lengths, 8)).toEqual({ run: 3, offset: 0 });
  });

  it('clamps past the end and handles no text', () => {
    expect(locateInRuns(lengths, 99)).toEqual({ run: 3, offset: 10 });
    expect(locateInRuns([0, 0], 0)).toBeNull();
  });
});

describe('textProgress', () => {
  it('combines the section share with the fraction inside it', () => {
    expect(textProgress({ start: 0, length: 100 }, 0, 400)).toBe(0);
    expect(textProgress({ start: 200, length: 100 }, 0.5, 400)).toBe(0.625);
    expect(textProgress({ start: 300, length: 100 }, 2, 400)).toBe(1);
    expect(textProgress({ start: 0, length: 0 }, 0, 0)).toBe(0);
  });
});
