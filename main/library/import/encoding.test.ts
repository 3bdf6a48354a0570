import { describe, expect, it } from 'vitest';
import { decodeText, decodeWindows1252, encodingNote } from './encoding';

// The opening of Moby-Dick's first chapter, with the curly quotes and dashes old files mangle.
const PROSE = 'Call me Ishmael. Some years ago—never mind how long precisely—having little or no money…';
const FRENCH = 'Café crème, déjà vu: « À bientôt », naïve façade — l’œuvre.';

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = [...(bom ? [0xfeff] : []), ...Array.from(text, (char) => char.charCodeAt(0))];
  const bytes = new Uint8Array(units.length * 2);
  const view = new DataView(bytes.buffer);
  units.forEach((unit, index) => view.setUint16(index * 2, unit, littleEndian));
  return bytes;
}

/** Windows-1252 bytes of the text, written out by hand from the code page's table. */
const CP1252_BYTES: Record<string, number> = { '“': 0x93, '”': 0x94, '€': 0x80, '—': 0x97, é: 0xe9, è: 0xe8 };
function cp1252(text: string): Uint8Array {
  return new Uint8Array(Array.from(text, (char) => CP1252_BYTES[char] ?? char.charCodeAt(0)));
}

describe('decodeText', () => {
  it('reads plain UTF-8 and UTF-8 with a BOM, dropping the BOM', () => {
    const bytes = new TextEncoder().encode(PROSE);
    expect(decodeText(bytes)).toEqual({ ok: true, text: PROSE, encoding: 'UTF-8', bom: false });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    expect(decodeText(withBom)).toEqual({ ok: true, text: PROSE, encoding: 'UTF-8', bom: true });
  });

  it.each([
    ['UTF-16LE', true],
    ['UTF-16BE', false],
  ] as const)('reads %s with a BOM, and without one', (encoding, littleEndian) => {
    expect(decodeText(utf16(FRENCH, littleEndian, true))).toEqual({
      ok: true,
      text: FRENCH,
      encoding,
      bom: true,
    });
    expect(decodeText(utf16(PROSE, littleEndian, false))).toMatchObject({ ok: true, text: PROSE, encoding });
  });

  it('falls back to Windows-1252 for what is not UTF-8, curly quotes and euro sign included', () => {
    const text = '“Smart quotes” and the €5 fee — Café crème.';
    const bytes = cp1252(text);
    expect(decodeText(bytes)).toEqual({ ok: true, text, encoding: 'Windows-1252', bom: false });
  });

  it('maps the whole 0x80-0xFF range, C1 holes kept as themselves', () => {
    const all = decodeWindows1252(Uint8Array.from({ length: 256 }, (_, byte) => byte));
    expect(all).toHaveLength(256);
    expect(all[0x80]).toBe('€');
    expect(all[0x81]).toBe('\u0081');
    expect(all[0x9f]).toBe('Ÿ');
    expect(all[0xff]).toBe('ÿ');
  });

  it('takes Latin-1 text as Windows-1252 (its superset)', () => {
    const latin1 = new Uint8Array(Array.from(FRENCH.replace(/[«»—’œ]/g, '"'), (c) => c.charCodeAt(0)));
    expect(decodeText(latin1)).toMatchObject({ ok: true, encoding: 'Windows-1252' });
  });

  it('refuses what cannot be text: NUL bytes, control-character soup', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(decodeText(png)).toMatchObject({ ok: false, code: 'binary' });
    const noNul = Uint8Array.from({ length: 4000 }, (_, index) => ((index * 37) % 255) + 1);
    expect(decodeText(noNul)).toMatchObject({ ok: false, code: 'binary' });
  });

  it('refuses a BOM whose bytes then break its encoding', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x63, 0xe9]))).toEqual({
      ok: false,
      code: 'bad-encoding',
      encoding: 'UTF-8',
    });
    // A lone high surrogate in UTF-16LE.
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]))).toMatchObject({
      ok: false,
      encoding: 'UTF-16LE',
    });
  });

  it('says which encoding was assumed unless it is plain UTF-8', () => {
    expect(encodingNote('UTF-8')).toBeNull();
    expect(encodingNote('Windows-1252')).toContain('Windows-1252');
    expect(encodingNote('UTF-16BE')).toBe('Read as UTF-16BE.');
  });
});
