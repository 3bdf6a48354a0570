import { describe, expect, it } from 'vitest';
import { fragmentOfHref, resolveInBook } from './book-paths';

describe('paths inside a book', () => {
  it('resolves hrefs against the file they are written in', () => {
    expect(resolveInBook('OPS/text/ch1.xhtml', '../images/whale%20big.png')).toBe('OPS/images/whale big.png');
    expect(resolveInBook('OPS/text/ch1.xhtml', 'ch2.xhtml#note-1')).toBe('OPS/text/ch2.xhtml');
    expect(resolveInBook('OPS/content.opf', './text/./ch1.xhtml')).toBe('OPS/text/ch1.xhtml');
    expect(resolveInBook('', 'EPUB/package.opf')).toBe('EPUB/package.opf');
  });

  it('answers null for what leaves the book or is not a path', () => {
    for (const href of [
      '../../etc/passwd',
      '/etc/passwd',
      'https://example.org/x',
      'javascript:x()',
      '#note',
      '',
      'a%5C..%5Cb',
    ])
      expect(resolveInBook('OPS/ch1.xhtml', href), href).toBeNull();
  });

  it('reads fragments, percent-decoded', () => {
    expect(fragmentOfHref('ch2.xhtml#%E6%BC%A2')).toBe('漢');
    expect(fragmentOfHref('ch2.xhtml')).toBeNull();
    expect(fragmentOfHref('ch2.xhtml#')).toBeNull();
  });
});
