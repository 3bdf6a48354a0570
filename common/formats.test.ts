import { describe, expect, it } from 'vitest';
import {
  IMPORT_EXTENSIONS,
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
    expect(IMPORT_EXTENSIONS).toEqual(['.md', '.markdown', '.txt']);
  });
  it('reads the extension of the last path segment only', () => {
    expect(extensionOf('dir.md/file')).toBe('');
    expect(extensionOf('C:\\docs.v2\\notes.Md')).toBe('.md');
    expect(extensionOf('a/b/c.tar.gz')).toBe('.gz');
  });
  it('words refusals with the file name and the limit', () => {
    expect(unsupportedTypeMessage('x.png')).toBe(
      '“x.png” is not a markdown or text file (.md, .markdown, .txt).',
    );
    expect(tooLargeMessage('big.md', 52_500_000)).toBe('“big.md” is 50.1 MB; the limit is 50 MB.');
  });
});
