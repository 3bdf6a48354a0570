import { describe, expect, it } from 'vitest';
import {
  CANDIDATE_LINES,
  forEachCandidateLine,
  parseAtxHeading,
  slugify,
  splitSections,
  stripInlineMarkdown,
} from './sections';

describe('splitSections', () => {
  it('keeps the text before the first heading as section 0', () => {
    const md = 'Preface text.\n\n## BOOK ONE: 1805\n\n### CHAPTER I\n\n"Well, Prince"\n';
    const sections = splitSections(md);
    expect(sections.map((s) => s.heading)).toEqual([
      null,
      { level: 2, text: 'BOOK ONE: 1805' },
      { level: 3, text: 'CHAPTER I' },
    ]);
    expect(sections[0]?.markdown).toBe('Preface text.\n\n');
    expect(sections[2]?.markdown).toBe('### CHAPTER I\n\n"Well, Prince"\n');
  });

  it('records offsets so that the sections join back into the document', () => {
    const md = '# A\ntext\n## B\nmore\n### C\nend';
    const sections = splitSections(md);
    expect(sections.map((s) => s.markdown).join('')).toBe(md);
    for (const s of sections) expect(md.slice(s.start, s.start + s.markdown.length)).toBe(s.markdown);
    expect(sections.map((s) => s.index)).toEqual([0, 1, 2, 3]);
  });

  it('has an empty section 0 when the document starts with a heading', () => {
    const sections = splitSections('# Title\nBody');
    expect(sections[0]).toEqual({ index: 0, heading: null, markdown: '', start: 0 });
    expect(sections).toHaveLength(2);
  });

  it('ignores headings inside fenced code blocks, backtick and tilde', () => {
    const md =
      '# Real\n```sh\n# not a heading\n```\n~~~~\n## nor this\n~~~\n## still code\n~~~~\n## Real too\n';
    expect(splitSections(md).map((s) => s.heading?.text ?? null)).toEqual([null, 'Real', 'Real too']);
  });

  it('splits only at levels 1 to 3', () => {
    const md = '## Two\n#### Four\n##### Five\n### Three\n';
    expect(splitSections(md).map((s) => s.heading?.level ?? 0)).toEqual([0, 2, 3]);
  });

  it('accepts CRLF lines and an unclosed fence swallows the rest', () => {
    expect(splitSections('## A\r\ntext\r\n## B\r\n').map((s) => s.heading?.text ?? null)).toEqual([
      null,
      'A',
      'B',
    ]);
    expect(splitSections('## A\n```\n## B\n').map((s) => s.heading?.text ?? null)).toEqual([null, 'A']);
  });

  it('is deterministic', () => {
    const md = '# A\n\n## B\n\ntext\n';
    expect(splitSections(md)).toEqual(splitSections(md));
  });
});

describe('parseAtxHeading', () => {
  it('follows the ATX rules', () => {
    expect(parseAtxHeading('# Title')).toEqual({ level: 1, text: 'Title' });
    expect(parseAtxHeading('   ## Indented ##  ')).toEqual({ level: 2, text: 'Indented' });
    expect(parseAtxHeading('    # code, not heading')).toBeNull();
    expect(parseAtxHeading('#hashtag')).toBeNull();
    expect(parseAtxHeading('## C# in depth')).toEqual({ level: 2, text: 'C# in depth' });
    expect(parseAtxHeading('##')).toEqual({ level: 2, text: '' });
  });
});

describe('stripInlineMarkdown', () => {
  it('removes emphasis, code, links, images and escapes', () => {
    expect(stripInlineMarkdown('*The* **Great** `code` [link](http://x) ![alt](a.png) \\*star\\*')).toBe(
      'The Great code link alt *star*',
    );
    expect(stripInlineMarkdown('Chapter <em>One</em> ~~old~~ _new_')).toBe('Chapter One old new');
  });
});

describe('slugify', () => {
  it('makes GitHub-style fragments', () => {
    expect(slugify('BOOK ONE: 1805')).toBe('book-one-1805');
    expect(slugify('Émile & co.')).toBe('émile--co');
  });
});

describe('forEachCandidateLine', () => {
  it('finds exactly the lines the multiline regex finds, whatever the line terminators', () => {
    const pieces = ['#', '`', '~', ' ', 'a', '\n', '\r', '\r\n', '\u2028', '\u2029', '\n\n', '    #', '## h'];
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let round = 0; round < 500; round++) {
      let text = '';
      for (let i = random(40); i > 0; i--) text += pieces[random(round % 2 === 0 ? 6 : pieces.length)];
      const expected: [string, number][] = [...text.matchAll(new RegExp(CANDIDATE_LINES))].map((m) => [
        m[0],
        m.index,
      ]);
      const found: [string, number][] = [];
      forEachCandidateLine(text, (line, start) => found.push([line, start]));
      expect(found, JSON.stringify(text)).toEqual(expected);
    }
  });
});

describe('crafted headings', () => {
  it('reads a heading padded with a megabyte of spaces, and cuts its contents text', () => {
    const heading = parseAtxHeading(`## a${' '.repeat(1_000_000)}b ##\r`);
    expect(heading?.level).toBe(2);
    expect(heading?.text).toBe('a');
    expect(parseAtxHeading(`# ${'['.repeat(100_000)}`)?.text).toBe('['.repeat(300));
  });
});
