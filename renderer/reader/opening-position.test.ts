import { describe, expect, it } from 'vitest';
import { openingPosition } from './opening-position';
import { splitSections } from './sections';

const book = [
  '# Cover\n\n![cover](assets/a.png)\n',
  '# Copyright\n\nAll rights reserved.\n',
  '# Chapter 1. Loomings.\n\nCall me Ishmael. Some years ago, never mind how long precisely.\n',
  '# Chapter 2. The Carpet-Bag.\n\nI stuffed a shirt or two into my old carpet-bag.\n',
].join('\n');
const sections = splitSections(book);
const loomings = sections.findIndex((section) => section.heading?.text === 'Chapter 1. Loomings.');

describe('openingPosition', () => {
  it('opens at the saved place whatever the book says', () => {
    const saved = { section: 4, offset: 12, quote: 'a shirt', progress: 0.9 };
    expect(openingPosition(saved, { startSection: loomings }, sections)).toBe(saved);
  });

  it('opens a book never read at the top of the section where its text starts', () => {
    const position = openingPosition(null, { startSection: loomings }, sections);
    expect(position).toMatchObject({ section: loomings, offset: 0 });
    expect(position?.progress).toBeCloseTo((sections[loomings]?.start ?? 0) / book.length, 5);
    expect(position?.progress).toBeGreaterThan(0);
  });

  it('opens at the top when the book names no start, or one that is not a section of this text', () => {
    expect(openingPosition(null, {}, sections)).toBeNull();
    expect(openingPosition(null, { startSection: 0 }, sections)).toBeNull();
    expect(openingPosition(null, { startSection: sections.length }, sections)).toBeNull();
    expect(openingPosition(null, { startSection: -1 }, sections)).toBeNull();
  });
});
