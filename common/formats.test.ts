import { describe, expect, it } from 'vitest';
import {
  IMPORT_EXTENSIONS,
  LARGEST_IMPORT_BYTES,
  maxImportBytesOf,
  extensionOf,
  importFormatOf,
  tooLargeMessage,
  unsupportedTypeMessage,
} from './formats';

describe('import formats', () => {
  it('knows each extension, case-insensitively, and nothing else', () => {
    expect(importFormatOf('Notes.MD')).toBe('markdown');
    expect(importFormatOf('a.markdown')).toBe('markdown');
    expect(importFormatOf('book.txt')).toBe('text');
    expect(importFormatOf('book.txt.exe')).toBeNull();
    expect(importFormatOf('.md')).toBeNull();
    expect(importFormatOf('README')).toBeNull();
    expect(importFormatOf('Saved Page.HTM')).toBe('web');
    expect(importFormatOf('page.xhtml')).toBe('web');
    expect(importFormatOf('page.html')).toBe('web');
    expect(importFormatOf('Moby-Dick.EPUB')).toBe('epub');
    expect(importFormatOf('book.epub.zip')).toBeNull();
    expect(IMPORT_EXTENSIONS).toEqual([
      '.md',
      '.markdown',
      '.txt',
      '.html',
      '.htm',
      '.xhtml',
      '.mhtml',
      '.mht',
      '.epub',
    ]);
  });
  it('reads the extension of the last path segment only', () => {
    expect(extensionOf('dir.md/file')).toBe('');
    expect(extensionOf('C:\\docs.v2\\notes.Md')).toBe('.md');
    expect(extensionOf('a/b/c.tar.gz')).toBe('.gz');
  });
  it('words refusals with the file name and the limit', () => {
    expect(unsupportedTypeMessage('x.png')).toBe(
      '“x.png” is not a file Lectern imports (.md, .markdown, .txt, .html, .htm, .xhtml, .mhtml, .mht, .epub).',
    );
    expect(tooLargeMessage('big.md', 52_500_000)).toBe('“big.md” is 50.1 MB; the limit is 50 MB.');
    expect(tooLargeMessage('big.epub', 120_000_000)).toBe('“big.epub” is 114.4 MB; the limit is 100 MB.');
    expect(maxImportBytesOf('x.pdf')).toBe(LARGEST_IMPORT_BYTES);
  });
});
