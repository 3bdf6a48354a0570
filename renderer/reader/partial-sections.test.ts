import { describe, expect, it } from 'vitest';
import type { OpenedDocumentStart } from '../../preload/api';
import { fillSections, isPartial, sectionsFromStart } from './partial-sections';
import { splitSections } from './sections';

const BOOK = [
  'The Project Gutenberg EBook\n\n',
  '# BOOK ONE\n\n',
  '## CHAPTER I\n\n“Well, Prince, so Genoa and Lucca are now just family estates.”\n\n',
  '## CHAPTER II\n\nAnna Pávlovna’s drawing room was gradually filling.\n\n',
  '## CHAPTER III\n\nAnna Pávlovna’s reception was in full swing.\n',
].join('');

function startAt(first: number, count: number): OpenedDocumentStart {
  const sections = splitSections(BOOK);
  return {
    summary: {} as OpenedDocumentStart['summary'],
    position: null,
    highlights: [],
    documentNote: null,
    sections: sections.map((s) => ({
      index: s.index,
      heading: s.heading,
      start: s.start,
      length: s.markdown.length,
    })),
    firstSection: first,
    firstText: sections
      .slice(first, first + count)
      .map((s) => s.markdown)
      .join(''),
    totalLength: BOOK.length,
  };
}

describe('partial sections', () => {
  it('holds the first part’s sections and only lengths for the others', () => {
    const sections = sectionsFromStart(startAt(2, 2));
    expect(sections.map((s) => s.pendingLength !== undefined)).toEqual([true, true, false, false, true]);
    expect(sections[3]?.markdown).toBe(splitSections(BOOK)[3]?.markdown);
    expect(isPartial(sections)).toBe(true);
  });

  it('fills in place to exactly the sections of the whole text', () => {
    const sections = sectionsFromStart(startAt(3, 1));
    const held = sections;
    expect(fillSections(sections, BOOK)).toBe(true);
    expect(held).toEqual(splitSections(BOOK));
    expect(isPartial(held)).toBe(false);
  });

  it('refuses a text that splits differently (changed meanwhile) and changes nothing', () => {
    const sections = sectionsFromStart(startAt(1, 2));
    const before = structuredClone(sections);
    expect(fillSections(sections, BOOK.replace('CHAPTER II\n', 'CHAPTER II, renamed\n'))).toBe(false);
    expect(fillSections(sections, BOOK.replace('## CHAPTER III', 'CHAPTER III'))).toBe(false);
    expect(sections).toEqual(before);
  });
});
