import { describe, expect, it } from 'vitest';
import { atxHeadingText, markdownProse, readMarkdownMeta, sameWords } from './markdown-meta';
import { excerptFrom } from './stats';

describe('readMarkdownMeta', () => {
  it('uses front matter title and author, and strips the front matter', () => {
    const meta = readMarkdownMeta('---\ntitle: From YAML\nauthor: [Ann, Bob]\n---\n# Heading\n\nBody.');
    expect(meta).toEqual({
      body: '# Heading\n\nBody.',
      title: 'From YAML',
      titleFromFirstLine: false,
      author: 'Ann',
    });
  });

  it('takes the heading’s spelling of a front matter title it repeats, so the title is shown once', () => {
    const meta = readMarkdownMeta(
      '---\ntitle: "Don\'t Panic: a guide"\n---\n\n# Don’t Panic — A Guide\n\nText.',
    );
    expect(meta.title).toBe('Don’t Panic — A Guide');
    const other = readMarkdownMeta('---\ntitle: Moss\n---\n\n# Lichen\n\nText.');
    expect(other.title).toBe('Moss');
    expect(sameWords('A  Field Guide, to *Moss*', 'a field guide to moss')).toBe(true);
    expect(sameWords('…', '—')).toBe(false);
  });

  it('takes byline when there is no author', () => {
    expect(readMarkdownMeta('---\nbyline: By Someone\n---\ntext').author).toBe('By Someone');
  });

  it('keeps the text of malformed front matter and ignores it', () => {
    const text = '---\ntitle: [unclosed\n---\n# Real title';
    expect(readMarkdownMeta(text)).toEqual({
      body: text,
      title: 'Real title',
      titleFromFirstLine: false,
      author: null,
    });
  });

  it('takes the first ATX heading, stripped of inline markdown', () => {
    expect(readMarkdownMeta('intro line\n\n## The *great* `code` [link](http://x) ##\n').title).toBe(
      'The great code link',
    );
  });

  it('takes a setext heading', () => {
    expect(readMarkdownMeta('A **setext** title\n=====\n\ntext').title).toBe('A setext title');
    expect(readMarkdownMeta('Second level\n---\n').title).toBe('Second level');
  });

  it('ignores headings inside code fences', () => {
    expect(readMarkdownMeta('```\n# not this\n```\n# This').title).toBe('This');
  });

  it('falls back to the first line, cut at a word boundary', () => {
    expect(readMarkdownMeta('Just a _line_ of text\nmore').title).toBe('Just a line of text');
    const long = readMarkdownMeta(`${'lorem ipsum '.repeat(30)}`).title ?? '';
    expect(long.length).toBeLessThanOrEqual(120);
    expect(long.endsWith('…')).toBe(true);
  });

  it('makes an excerpt from prose, skipping headings', () => {
    const body = '# Title\n\nSub\n---\n\nFirst *paragraph*.\n\n```\ncode\n```\n\nSecond one.';
    expect(excerptFrom(markdownProse(body))).toBe('First paragraph. Second one.');
  });
});

describe('atxHeadingText', () => {
  it.each([
    ['# Title', 'Title'],
    ['###   Spaced out   ', 'Spaced out'],
    ['## Closed ##', 'Closed'],
    ['# Hash#tag', 'Hash#tag'],
    ['# #', '#'],
    ['#', ''],
    ['   # Indented', 'Indented'],
  ])('reads %j as %j', (line, text) => {
    expect(atxHeadingText(line)).toBe(text);
  });

  it.each(['#hashtag', '####### seven', '    # code', 'Text # not a heading'])('refuses %j', (line) => {
    expect(atxHeadingText(line)).toBeNull();
  });

  it('reads a heading padded with 100 KB of spaces', () => {
    expect(atxHeadingText(`# a${' '.repeat(100_000)}b #`)).toBe(`a${' '.repeat(100_000)}b`);
  });

  it('keeps front matter longer than 64 KB as text', () => {
    const text = `---\ntitle: Long\nnote: ${'x'.repeat(70_000)}\n---\nBody.`;
    expect(readMarkdownMeta(text).body).toBe(text);
    expect(readMarkdownMeta(text).title).not.toBe('Long');
  });
});
