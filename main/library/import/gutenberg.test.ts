import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../test-support';
import { foldedParagraphs, gutenbergBounds } from './gutenberg';
import { prepareDocument } from './prepare';

const MOBY_DICK = path.join(REPO_ROOT, 'e2e/fixtures/books/moby-dick-excerpt.txt');

describe('gutenbergBounds', () => {
  it('finds the book between the START and END markers, either wording', () => {
    const lines = [
      'The Project Gutenberg eBook of Frankenstein',
      '*** START OF THE PROJECT GUTENBERG EBOOK FRANKENSTEIN ***',
      'Letter 1',
      'You will rejoice to hear that no disaster has accompanied the commencement',
      '*** END OF THE PROJECT GUTENBERG EBOOK FRANKENSTEIN ***',
      'Updated editions will replace the previous one',
    ];
    expect(gutenbergBounds(lines)).toEqual({ bookStart: 2, bookEnd: 4 });
  });

  it('puts an “End of the Project Gutenberg EBook” line with the licence', () => {
    const lines = [
      '***START OF THIS PROJECT GUTENBERG EBOOK X***',
      'Text.',
      '',
      'End of Project Gutenberg’s X',
      '',
      '*** END OF THIS PROJECT GUTENBERG EBOOK X ***',
    ];
    expect(gutenbergBounds(lines)).toEqual({ bookStart: 1, bookEnd: 3 });
  });

  it('copes with a missing marker, and ignores a START quoted deep in a book', () => {
    expect(gutenbergBounds(['Header', '*** START OF THE PROJECT GUTENBERG EBOOK X ***', 'Text'])).toEqual({
      bookStart: 2,
      bookEnd: 3,
    });
    expect(gutenbergBounds(['Text', '*** END OF THE PROJECT GUTENBERG EBOOK X ***', 'Licence'])).toEqual({
      bookStart: 0,
      bookEnd: 1,
    });
    const quoted = [
      ...Array.from({ length: 500 }, () => 'prose'),
      '*** START OF THE PROJECT GUTENBERG EBOOK X ***',
    ];
    expect(gutenbergBounds(quoted)).toBeNull();
    expect(gutenbergBounds(['Call me Ishmael.', 'Project Gutenberg is mentioned here.'])).toBeNull();
  });
});

describe('foldedParagraphs', () => {
  it('is one raw HTML block whose text is escaped', () => {
    const html = foldedParagraphs('Project Gutenberg licence', ['Fees & <royalties>', 'Section 5.']);
    expect(html).toBe(
      '<details>\n<summary>Project Gutenberg licence</summary>\n<p>Fees &amp; &lt;royalties&gt;</p>\n<p>Section 5.</p>\n</details>',
    );
  });
});

describe('a Gutenberg book imported', () => {
  const prepared = prepareDocument('moby-dick.txt', fs.readFileSync(MOBY_DICK));
  if (!('id' in prepared)) throw new Error(prepared.message);

  it('takes title and author from the header and the excerpt from chapter one', () => {
    expect(prepared.title).toBe('Moby-Dick; or, The Whale');
    expect(prepared.author).toBe('Herman Melville');
    expect(prepared.excerpt.startsWith('Call me Ishmael. Some years ago—never mind how long precisely')).toBe(
      true,
    );
    expect(prepared.note).toBeNull();
  });

  it('counts the words of the book only', () => {
    const text = fs.readFileSync(MOBY_DICK, 'utf8');
    const book = text.slice(text.indexOf('\nMOBY-DICK;'), text.indexOf('End of the Project Gutenberg'));
    expect(prepared.wordCount).toBe(book.split(/\s+/).filter(Boolean).length);
    expect(prepared.wordCount).toBeLessThan(text.split(/\s+/).length - 300);
  });

  it('keeps the header and the licence, folded, around the book', () => {
    const blocks = prepared.markdown.trimEnd().split('\n\n');
    expect(blocks[0]).toContain('<summary>Project Gutenberg header</summary>');
    expect(blocks[0]).toContain('<p>Title: Moby-Dick; or, The Whale</p>');
    expect(blocks[1]).toBe('MOBY-DICK;');
    expect(blocks.at(-1)).toContain('<summary>Project Gutenberg licence</summary>');
    expect(blocks.at(-1)).toContain('Creating the works from public domain print editions');
  });
});
