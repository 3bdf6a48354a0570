import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, decodeFile, firstInvalidUtf8Offset, normaliseText } from './decode';

const encode = (text: string) => new TextEncoder().encode(text);

describe('decodeFile', () => {
  it('decodes and normalises text: BOM, CRLF, CR, trailing whitespace', () => {
    const result = decodeFile('a.txt', encode('\uFEFFone\r\ntwo\rthree  \n\n\n'));
    expect(result).toEqual({ ok: true, format: 'text', text: 'one\ntwo\nthree', encoding: 'UTF-8' });
  });

  it.each([
    ['notes.txt', new Uint8Array(0), 'empty'],
    ['notes.txt', encode(' \n\t\r\n  '), 'empty'],
    ['notes.md', new Uint8Array([0xef, 0xbb, 0xbf]), 'empty'],
    ['notes.md', new Uint8Array([0xef, 0xbb, 0xbf, 0x20, 0x0a]), 'empty'],
    ['image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 'binary'],
    [
      'bom-broken.txt',
      new Uint8Array([0xef, 0xbb, 0xbf, 0x63, 0x61, 0x66, 0xe9, 0x20, 0x61]),
      'bad-encoding',
    ],
    ['book.pdf', encode('text'), 'unsupported-type'],
    ['README', encode('text'), 'unsupported-type'],
  ])('refuses %s as %s', (name, data, code) => {
    const result = decodeFile(name, data);
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(result.message).toContain(`“${name}”`);
  });

  it('accepts extensions case-insensitively', () => {
    expect(decodeFile('A.MD', encode('# x'))).toMatchObject({ ok: true, format: 'markdown' });
    expect(decodeFile('b.Markdown', encode('x'))).toMatchObject({ ok: true, format: 'markdown' });
    expect(decodeFile('c.TXT', encode('x'))).toMatchObject({ ok: true, format: 'text' });
  });

  it('converts a Windows-1252 file and says so', () => {
    const result = decodeFile('latin1.txt', new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x61, 0x94]));
    expect(result).toEqual({ ok: true, format: 'text', text: 'Café “a”', encoding: 'Windows-1252' });
  });

  it('says where invalid UTF-8 starts in a file whose BOM says UTF-8', () => {
    const result = decodeFile('x.txt', new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x62, 0xc3, 0x28]));
    expect(result).toMatchObject({ ok: false, code: 'bad-encoding' });
    if (!result.ok) expect(result.message).toBe('“x.txt” is not valid UTF-8 (first bad byte at offset 5).');
    expect(firstInvalidUtf8Offset(encode('héllo ✓ 𝄞'))).toBe(encode('héllo ✓ 𝄞').length);
    expect(firstInvalidUtf8Offset(new Uint8Array([0x61, 0xed, 0xa0, 0x80]))).toBe(1); // surrogate
    expect(firstInvalidUtf8Offset(new Uint8Array([0xc0, 0x80]))).toBe(0); // overlong
  });

  it('refuses more than 50 MB', () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1);
    expect(decodeFile('big.txt', big)).toMatchObject({ ok: false, code: 'too-large' });
  });

  it('looks for NUL only in the first 8 KB', () => {
    const data = new Uint8Array(9000).fill(0x61);
    data[8500] = 0;
    expect(decodeFile('late-nul.txt', data)).toMatchObject({ ok: true });
  });

  it('normaliseText leaves clean text alone', () => {
    expect(normaliseText('a\nb')).toBe('a\nb');
  });
});
