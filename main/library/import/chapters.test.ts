import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../test-support';
import { normaliseText } from './decode';
import { convertPlainText } from './text-to-markdown';

const BOOKS = path.join(REPO_ROOT, 'e2e/fixtures/books');

/** The headings of a book fixture once converted, as markdown lines. */
function headingsOf(file: string): string[] {
  const text = normaliseText(fs.readFileSync(path.join(BOOKS, file), 'utf8'));
  return convertPlainText(text)
    .markdown.split('\n\n')
    .filter((block) => block.startsWith('##'));
}

const headingsIn = (text: string) =>
  convertPlainText(text)
    .markdown.split('\n\n')
    .filter((block) => block.startsWith('##'));

describe('chapter headings in real books, one style each', () => {
  it.each([
    [
      'moby-dick-excerpt.txt',
      ['### CHAPTER 1. Loomings.', '### CHAPTER 2. The Carpet-Bag.', '### CHAPTER 3. The Spouter-Inn.'],
    ],
    ['styles/pride-and-prejudice.txt', ['### Chapter 1', '### Chapter 2']],
    [
      'styles/a-christmas-carol.txt',
      ['### STAVE ONE. MARLEY’S GHOST.', '### STAVE TWO. THE FIRST OF THE THREE SPIRITS.'],
    ],
    ['styles/frankenstein.txt', ['### Letter 1', '### Chapter 1']],
    ['styles/a-tale-of-two-cities.txt', ['## Book the First--Recalled to Life', '### CHAPTER I. The Period']],
    [
      'styles/the-adventures-of-sherlock-holmes.txt',
      ['### I. A SCANDAL IN BOHEMIA', '### I.', '### II. THE RED-HEADED LEAGUE'],
    ],
    ['styles/crime-and-punishment.txt', ['## PART I', '### CHAPTER I']],
  ])('%s', (file, expected) => {
    expect(headingsOf(file)).toEqual(expected);
  });

  it('keeps a contents list at the margin as paragraphs (Moby-Dick)', () => {
    const text = normaliseText(fs.readFileSync(path.join(BOOKS, 'moby-dick-excerpt.txt'), 'utf8'));
    const blocks = convertPlainText(text).markdown.split('\n\n');
    const contents = blocks.indexOf('CONTENTS');
    expect(blocks.slice(contents + 1, contents + 4)).toEqual([
      'CHAPTER 1. Loomings.',
      'CHAPTER 2. The Carpet-Bag.',
      'CHAPTER 3. The Spouter-Inn.',
    ]);
  });
});

describe('chapter headings in short texts', () => {
  it.each([
    ['CHAPTER ONE', '### CHAPTER ONE'],
    ['PART 1', '## PART 1'],
    ['LETTER 4', '### LETTER 4'],
    ['BOOK II. CHAPTER III', '### BOOK II. CHAPTER III'],
    ['VOLUME III', '## VOLUME III'],
    ['Chapter XLII: The Whiteness of the Whale', '### Chapter XLII: The Whiteness of the Whale'],
    ['CHAPTER 12 — In Which Nothing Happens', '### CHAPTER 12 — In Which Nothing Happens'],
    ['Chapter Twenty-One', '### Chapter Twenty-One'],
    ['PREFACE', '### PREFACE'],
    ['FIRST EPILOGUE: 1813 - 20', '## FIRST EPILOGUE: 1813 - 20'],
  ])('%j is a heading', (line, heading) => {
    expect(headingsIn(`${line}\n\nThe prose of the chapter begins here and runs on.`)).toEqual([heading]);
  });

  it.each([
    'Chapter one of my life was a long and dull affair, spent mostly indoors.',
    'Part 1 of the plan was simple.',
    'Letter 4 never arrived.',
    'chapter 2',
    'Book I, as the scholars call it,',
    'CHAPTER IIII',
    '    CHAPTER I',
    'Chapter did not end well.',
    'PREFACE to the second edition, which nobody read',
  ])('%j is prose', (line) => {
    expect(headingsIn(`Some text before.\n\n${line}\n\nSome text after.`)).toEqual([]);
  });

  it('needs a heading to stand alone: a chapter line inside a paragraph stays prose', () => {
    const text =
      'He turned the page and read aloud:\nChapter I\nIt was a dark and stormy night, and the rain fell in torrents.';
    expect(headingsIn(text)).toEqual([]);
  });

  it('does not take a first sentence for a title on the next line', () => {
    expect(headingsIn('CHAPTER I\n\nCall me Ishmael.\n\nSome years ago.')).toEqual(['### CHAPTER I']);
  });

  it('takes bare roman numerals for chapters only when the book numbers its chapters so', () => {
    expect(headingsIn('I.\n\nA stanza.\n\nII.\n\nAnother.')).toEqual(['### I.', '### II.']);
    expect(headingsIn('I.\n\nA lone numbered line is no style.')).toEqual([]);
    const withChapters = 'CHAPTER I\n\nText.\n\nI.\n\nA stanza.\n\nII.\n\nMore.\n\nCHAPTER II\n\nText.';
    expect(headingsIn(withChapters)).toEqual(['### CHAPTER I', '### CHAPTER II']);
  });
});
