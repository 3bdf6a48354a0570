/** Candidate scoring on real prose: a word-long quote must not be found inside a longer word. */
import { describe, expect, it } from 'vitest';
import { anchorQuote } from './anchor';
import { describeRange } from './describe';
import { cutsWord } from './score';
import { BOOK } from './test-fixtures';

const NOTE = 'A note from the editors, inserted before the text.\n\n';

/** A one-word highlight of "in" right after a word that ends in "in…" ("looking in"). */
function inAfterInWord(): { start: number } {
  const found = /\b\w*in\w+ in \w/.exec(BOOK.slice(200_000));
  if (found === null) throw new Error('no "…in… in" in the book');
  return { start: 200_000 + found.index + found[0].length - 4 };
}

describe('cutsWord', () => {
  const { start } = inAfterInWord();
  const { quote } = describeRange(BOOK, start, start + 2);

  it('tells the quote inside a longer word from the quote as a word', () => {
    expect(quote.exact).toBe('in');
    expect(cutsWord(BOOK, quote, { start, end: start + 2, errors: 0 })).toBe(false);
    const inWord = BOOK.lastIndexOf('in', start - 2);
    expect(cutsWord(BOOK, quote, { start: inWord, end: inWord + 2, errors: 0 })).toBe(true);
  });

  it('asks nothing of a quote that was itself cut out of a word', () => {
    const inWord = BOOK.lastIndexOf('in', start - 2);
    const { quote: part } = describeRange(BOOK, inWord, inWord + 2);
    expect(cutsWord(BOOK, part, { start: inWord, end: inWord + 2, errors: 0 })).toBe(false);
    expect(cutsWord(BOOK, part, { start, end: start + 2, errors: 0 })).toBe(false);
  });
});

describe('a one-word quote whose letter was edited', () => {
  it('is not placed on the same letters inside the word before it', () => {
    const { start } = inAfterInWord();
    const { quote, position } = describeRange(BOOK, start, start + 2);
    // Text inserted before it (no stored offset holds) and its "i" edited to "l".
    const edited = `${BOOK.slice(0, 1000)}${NOTE}${BOOK.slice(1000, start)}l${BOOK.slice(start + 1)}`;
    const shifted = start + NOTE.length;
    const anchor = anchorQuote(edited, quote, position, { hint: shifted });
    // Placed (or checked) on the edited word itself, or left for the reader: never in the word before.
    if (anchor !== null) expect(anchor.start).toBe(shifted);
  });
});
