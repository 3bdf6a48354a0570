import { describe, expect, it } from 'vitest';
import { blockquote, quoteWithCitation } from './citation';

describe('quoteWithCitation', () => {
  it('quotes and cites author, title and chapter', () => {
    const md = quoteWithCitation('Call me Ishmael. Some years ago—never mind how long precisely—', {
      title: 'Moby-Dick; or, The Whale',
      author: 'Herman Melville',
      chapter: 'CHAPTER 1. Loomings.',
    });
    expect(md).toBe(
      '> Call me Ishmael. Some years ago—never mind how long precisely—\n>\n' +
        '> — Herman Melville, *Moby-Dick; or, The Whale*, “CHAPTER 1. Loomings.”\n',
    );
  });

  it('keeps a quote of several paragraphs one blockquote', () => {
    expect(blockquote('First.\n\nSecond line  \nthird')).toBe('> First.\n>\n> Second line\n> third');
  });

  it('leaves out what is unknown, and escapes markdown in the source', () => {
    expect(quoteWithCitation('x', { title: '*Emma*_2', author: null, chapter: null })).toBe(
      '> x\n>\n> — *\\*Emma\\*\\_2*\n',
    );
    expect(quoteWithCitation('x', { title: '  ', author: null, chapter: null })).toBe('> x\n');
  });
});
