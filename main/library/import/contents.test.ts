/** A book's own contents: which lines are entries, and which heading each one names. */
import { describe, expect, it } from 'vitest';
import { contentsAt, resolveEntries } from './contents';

const NO_ROMANS = { romanChapters: false };
const blocksOf = (...lines: string[]) => lines.map((line) => [line]);

describe('contentsAt', () => {
  it('takes the one-line blocks under CONTENTS up to prose or the book’s first chapter again', () => {
    const blocks = blocksOf('Contents', 'PREFACE', 'CHAPTER 1', 'CHAPTER 2', 'PREFACE');
    expect(contentsAt(blocks, 0, NO_ROMANS)).toEqual({
      entries: [
        { text: 'PREFACE', level: 3 },
        { text: 'CHAPTER 1', level: 3 },
        { text: 'CHAPTER 2', level: 3 },
      ],
      blocks: 3,
    });
    const prose = [['CONTENTS'], ['PART 1'], ['CHAPTER 1'], ['It was', 'a dark night.']];
    expect(contentsAt(prose, 0, NO_ROMANS)?.entries.map((e) => e.level)).toEqual([2, 3]);
  });

  it('is no contents without the title, or with fewer than two entries', () => {
    expect(contentsAt(blocksOf('Chapters', 'CHAPTER 1', 'CHAPTER 2'), 0, NO_ROMANS)).toBeNull();
    expect(contentsAt(blocksOf('CONTENTS', 'CHAPTER 1', 'x'.repeat(81)), 0, NO_ROMANS)).toBeNull();
    expect(contentsAt([['CONTENTS', 'CHAPTER 1'], ['CHAPTER 2']], 0, NO_ROMANS)).toBeNull();
  });
});

describe('resolveEntries', () => {
  const entry = (text: string) => ({ text, level: 3 as const });

  it('links in order, after the contents, never back to a heading before it', () => {
    const headings = ['CHAPTER I', 'BOOK TWO', 'CHAPTER I', 'CHAPTER II'];
    // The contents sits after the first heading: its CHAPTER I is the second one.
    expect(
      resolveEntries([entry('BOOK TWO'), entry('Chapter I.'), entry('CHAPTER II')], headings, 1),
    ).toEqual([1, 2, 3]);
    // An entry naming nothing is left unlinked; the ones after it still link.
    expect(resolveEntries([entry('CHAPTER I'), entry('Index'), entry('CHAPTER II')], headings, 0)).toEqual([
      0,
      null,
      3,
    ]);
  });

  it('links nothing when fewer than half the entries name a heading', () => {
    const headings = ['CHAPTER I'];
    expect(resolveEntries([entry('CHAPTER I'), entry('Flour'), entry('Eggs')], headings, 0)).toEqual([
      null,
      null,
      null,
    ]);
  });
});
