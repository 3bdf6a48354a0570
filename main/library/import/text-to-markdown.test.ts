import fs from 'node:fs';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { NEWS_ARTICLE_TXT, WAR_AND_PEACE } from '../test-support';
import { normaliseText } from './decode';
import { convertPlainText, escapeMarkdownText } from './text-to-markdown';

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** Renders markdown and returns the text of each block element, tags stripped, entities decoded. */
function renderedBlocks(markdown: string): string[] {
  // The summaries of folded Gutenberg blocks are the only text the converter adds.
  const html = marked.parse(markdown, { async: false }).replace(/<summary>[^<]*<\/summary>/g, '');
  return html
    .split(/<\/(?:p|h[1-6])>/)
    .map((block) =>
      block.replace(/<[^>]+>/g, '').replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e),
    )
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter((block) => block !== '');
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('escapeMarkdownText', () => {
  it.each([
    '* not a list',
    '- not a list',
    '+ not a list',
    '1. not an ordered list',
    '12) not either',
    '# not a heading',
    '> not a quote',
    '---',
    '***',
    '___',
    '===',
    'Fish & chips &amp; &copy; <b>not bold</b> <http://example.com>',
    'See https://example.com/a_b*c*~d~&amp;e and www.example.org/x_y_z, or (http://x.y/_z_).',
    'Mail someone_else@example.com about *this*',
    'xhttp://glued.example/a_b_c*d* and ftp://f.example/~x~',
    'a *star* and _under_ and __double__ and **strong** and `code` and ~~strike~~',
    '[not a link](http://x.y) ![not an image](a.png) [ref][1]',
    'back\\slash at end\\',
    'pipes | in | a | row',
    '<!-- not a comment -->',
    '    four spaces are not code',
    '\tnor is a tab',
  ])('renders %j as itself', (text) => {
    expect(renderedBlocks(escapeMarkdownText(text.trim()))).toEqual([collapse(text)]);
  });
});

describe('convertPlainText', () => {
  it('joins hard-wrapped lines and keeps long lines as separate paragraphs', () => {
    const text = [
      'This is prose wrapped at a short width so that',
      'each line is well under eighty characters, and',
      'it ends here.',
      '',
      'x'.repeat(100) + ' first long line',
      'second line of that block',
    ].join('\n');
    const { markdown } = convertPlainText(text);
    expect(renderedBlocks(markdown)).toEqual([
      'This is prose wrapped at a short width so that each line is well under eighty characters, and it ends here.',
      'x'.repeat(100) + ' first long line',
      'second line of that block',
    ]);
  });

  it('round-trips text full of markdown characters', () => {
    const paragraphs = [
      '1. This starts like a list',
      '- and so does this',
      'Stars * and _underscores_ and #hashes, <tags> & ampersands, [brackets] and `ticks`.',
      '2) More | pipes ~ tildes ! bangs',
      '# Hash at the start',
    ];
    const { markdown } = convertPlainText(paragraphs.join('\n\n'));
    expect(renderedBlocks(markdown)).toEqual(paragraphs);
    expect(markdown).not.toContain('<tags>');
  });

  it('makes chapter lines headings', () => {
    const { markdown } = convertPlainText('BOOK ONE: 1805\n\nCHAPTER I\n\nText.\n\nCHAPTER II\n\nMore text.');
    expect(markdown.split('\n\n')).toEqual([
      '## BOOK ONE: 1805',
      '### CHAPTER I',
      'Text.',
      '### CHAPTER II',
      'More text.',
    ]);
  });

  it('takes title and author from a Gutenberg header, else the first line', () => {
    expect(convertPlainText('Title: A Book\n\nAuthor: Someone\n\nText.')).toMatchObject({
      title: 'A Book',
      author: 'Someone',
    });
    expect(convertPlainText('A short first line\n\nText.')).toMatchObject({
      title: 'A short first line',
      author: null,
    });
    const long = convertPlainText(`${'word '.repeat(60)}\n\nText.`).title;
    expect(long.length).toBeLessThanOrEqual(120);
    expect(long.endsWith('word…')).toBe(true);
  });

  it('makes a first line that is the whole title the h1, so the reader shows the title once', () => {
    expect(convertPlainText('Evening Notes from the Harbour\n\nThe boats came in late.').markdown).toBe(
      '# Evening Notes from the Harbour\n\nThe boats came in late.',
    );
    // Wrapped into the first paragraph, or cut: the line is text, not a heading.
    expect(convertPlainText('Evening Notes\nfrom the harbour.').markdown).toBe(
      'Evening Notes from the harbour.',
    );
    const long = `${'word '.repeat(60)}\n\nText.`;
    expect(convertPlainText(long).markdown.startsWith('#')).toBe(false);
    expect(convertPlainText('Title: A Book\n\nA Book\n\nText.').markdown).toBe(
      'Title: A Book\n\nA Book\n\nText.',
    );
  });

  it('converts a news article without a title line: a sensible title, unchanged text', () => {
    const text = normaliseText(fs.readFileSync(NEWS_ARTICLE_TXT, 'utf8'));
    const { markdown, title } = convertPlainText(text);
    expect(title).toBe(
      'Russian President Vladimir Putin met with Armenian Prime Minister Nikol Pashinian on…',
    );
    const lines = text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map(collapse);
    expect(renderedBlocks(markdown)).toEqual(lines);
  });

  it('gives War and Peace its headings, title and author, and keeps its text', () => {
    const text = normaliseText(fs.readFileSync(WAR_AND_PEACE, 'utf8'));
    const { markdown, title, author } = convertPlainText(text);
    expect(title).toBe('War and Peace');
    expect(author).toBe('Leo Tolstoy');
    expect(markdown.match(/^## /gm)).toHaveLength(17); // 15 books + 2 epilogues
    expect(markdown.match(/^### CHAPTER /gm)).toHaveLength(365);
    expect(markdown).toContain('\n\n## BOOK ONE: 1805\n\n### CHAPTER I\n\n');
    const rendered = renderedBlocks(markdown).join(' ');
    expect(rendered).toBe(collapse(text));
  });

  it('folds War and Peace’s Gutenberg header and licence and starts its excerpt at chapter one', () => {
    const text = normaliseText(fs.readFileSync(WAR_AND_PEACE, 'utf8'));
    const { markdown, leadParagraphs, bookText } = convertPlainText(text);
    const blocks = markdown.split('\n\n');
    expect(blocks[0]).toMatch(
      /^<details>\n<summary>Project Gutenberg header<\/summary>\n<p>The Project Gutenberg EBook/,
    );
    expect(blocks[0]).toContain(
      '<p>*** START OF THIS PROJECT GUTENBERG EBOOK WAR AND PEACE ***</p>\n</details>',
    );
    expect(blocks[1]).toBe('An Anonymous Volunteer, and David Widger');
    const licence = blocks.at(-1) ?? '';
    expect(licence).toMatch(
      /^<details>\n<summary>Project Gutenberg licence<\/summary>\n<p>End of the Project Gutenberg EBook/,
    );
    expect(licence.endsWith('</p>\n</details>')).toBe(true);
    // One raw HTML block: a blank line inside would end it and show the rest as loose text.
    expect(licence).not.toContain('\n\n');
    expect(leadParagraphs[0]).toMatch(/^“Well, Prince, so Genoa and Lucca/);
    expect(bookText.startsWith('\n\n\n\nAn Anonymous Volunteer')).toBe(true);
    expect(bookText).not.toContain('Project Gutenberg-tm');
  });
});
