import { describe, expect, it } from 'vitest';
import { declaredCharset, decodeHtml } from './html-decode';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(
    parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)),
  );

describe('reading a page in its character set', () => {
  it('finds the charset a BOM or an early <meta> declares', () => {
    expect(declaredCharset(bytes([0xef, 0xbb, 0xbf], '<p>x'))).toBe('utf-8');
    expect(declaredCharset(bytes([0xff, 0xfe]))).toBe('utf-16le');
    expect(
      declaredCharset(bytes('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">')),
    ).toBe('shift_jis');
    expect(declaredCharset(bytes('<html><body>no declaration'))).toBeNull();
  });

  it('decodes UTF-16 pages (whose NUL bytes are not binary) and Shift_JIS ones', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'<p>Ahab</p>'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(decodeHtml('a.html', utf16)).toEqual({ ok: true, html: '<p>Ahab</p>' });
    // "<meta charset=shift_jis><p>" then 日本 in Shift_JIS.
    const sjis = bytes('<meta charset="shift_jis"><p>', [0x93, 0xfa, 0x96, 0x7b]);
    expect(decodeHtml('b.html', sjis)).toEqual({ ok: true, html: '<meta charset="shift_jis"><p>日本' });
  });

  it('reads undeclared non-UTF-8 bytes as Windows-1252, as browsers do', () => {
    expect(decodeHtml('c.html', bytes('<p>na', [0xef], 've</p>'))).toEqual({
      ok: true,
      html: '<p>naïve</p>',
    });
  });

  it('refuses what is not a page', () => {
    expect(decodeHtml('d.html', bytes('<p>a', [0], 'b'))).toMatchObject({ code: 'binary' });
    expect(decodeHtml('e.html', bytes('plain words'))).toMatchObject({ code: 'unreadable' });
    expect(decodeHtml('huge.html', new Uint8Array(50 * 1024 * 1024 + 1))).toMatchObject({
      code: 'too-large',
      message: '“huge.html” is 50.0 MB; the limit is 50 MB.',
    });
  });
});
