/** The split-quote fallback on real prose: a paragraph moved inside a highlight, and the cases it must refuse. */
import { describe, expect, it } from 'vitest';
import { describeRange } from './describe';
import { nearSplitAnchor, splitAnchor } from './split-quote';
import { BOOK } from './test-fixtures';

const TEXT = BOOK.slice(100_000, 130_000);
const START = TEXT.indexOf('\n\n', 5_000) + 2;
const BREAK = TEXT.indexOf('\n\n', START + 100);
const END = TEXT.indexOf(' ', BREAK + 150);
const { quote } = describeRange(TEXT, START, END);
/** A paragraph from far away, put at the paragraph break inside the highlight. */
const MOVED = `\n\n${TEXT.slice(20_000, 20_300)}`;

describe('splitAnchor', () => {
  it('spans a highlight that a moved paragraph split in two', () => {
    const edited = TEXT.slice(0, BREAK) + MOVED + TEXT.slice(BREAK);
    const anchor = splitAnchor(edited, quote);
    expect(anchor).toMatchObject({ start: START, end: END + MOVED.length, status: 'placed' });
  });

  it('refuses when an end of the quote occurs twice', () => {
    const head = quote.exact.slice(0, 40);
    const edited = `${TEXT.slice(0, BREAK)}${MOVED}${TEXT.slice(BREAK)}\n\n${head}`;
    expect(splitAnchor(edited, quote)).toBeNull();
  });

  it('refuses when the stored context disagrees', () => {
    const edited = `${TEXT.slice(0, START - 20)}Something else here.\n\n${TEXT.slice(START, BREAK)}${MOVED}${TEXT.slice(BREAK)}`;
    expect(splitAnchor(edited, quote)).toBeNull();
  });

  it('refuses when far more text than the quote lies between its ends', () => {
    const edited = TEXT.slice(0, BREAK) + `\n\n${TEXT.slice(20_000, 23_000)}` + TEXT.slice(BREAK);
    expect(splitAnchor(edited, quote)).toBeNull();
  });

  it('refuses when one end holds the whole passage: an intact copy of a passage edited at both ends', () => {
    // The original loses a letter near each end; a copy of the passage with its context, as it
    // was, follows later. Its ends are then the only exact ones, 'in order', but nothing was
    // inserted between them: the copy is a whole match, and the search must weigh it against the
    // edited original (one is as likely as the other), not this fallback.
    const { exact } = quote;
    const other = (at: number) => (exact.charAt(at) === 'e' ? 'a' : 'e');
    const last = exact.length - 6;
    const original = `${exact.slice(0, 5)}${other(5)}${exact.slice(6, last)}${other(last)}${exact.slice(last + 1)}`;
    const copy = `${quote.prefix}${quote.exact}${quote.suffix}`;
    const edited = `${TEXT.slice(0, START)}${original}${TEXT.slice(END)}\n\n${copy}`;
    expect(splitAnchor(edited, quote)).toBeNull();
  });

  it('refuses short quotes', () => {
    expect(splitAnchor(TEXT, { ...quote, exact: quote.exact.slice(0, 80) })).toBeNull();
  });
});

describe('nearSplitAnchor', () => {
  // The quote's head repeated far off (a copy elsewhere: no longer unique in the text) and a letter
  // of it edited: only the ends near the check's place count.
  const far = `\n\n${'Natasha laughed and ran out of the room. '.repeat(60)}\n\n${quote.exact.slice(0, 60)}`;
  const edited = (TEXT.slice(0, BREAK) + MOVED + TEXT.slice(BREAK)).replace(/(.{20})e/su, '$1a') + far;

  it('spans a highlight split by a moved paragraph though its head also occurs far off', () => {
    expect(splitAnchor(edited, quote)).toBeNull();
    const anchor = nearSplitAnchor(edited, quote, START);
    expect(anchor).toMatchObject({ start: START, end: END + MOVED.length, status: 'placed' });
  });

  it('refuses when one side holds the whole quote (its end with its suffix is a later copy)', () => {
    const note = "\n\nAn editor's note stands here now.\n\n";
    const tailCopy = quote.exact.slice(-40) + TEXT.slice(END, END + 40);
    const text = `${TEXT.slice(0, END)}${note}${tailCopy}\n\n${TEXT.slice(END + 40)}`;
    expect(nearSplitAnchor(text, quote, START)).toBeNull();
    // Without the guard the span would run from the quote's start to the copy of its end.
    const withoutNote = `${TEXT.slice(0, END)}${note}${TEXT.slice(END)}`;
    expect(nearSplitAnchor(withoutNote, quote, START)).toBeNull();
  });
});
