/**
 * Which text encoding a file's bytes are in, and its text: a BOM first (UTF-8, UTF-16LE/BE),
 * then strict UTF-8, then Windows-1252 (the superset of Latin-1 that old .txt files use).
 * Only bytes that cannot be text at all are refused.
 */

/** The encodings an import may assume, named as the user is told them. */
export type TextEncodingName = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252';

export type DecodedText =
  | { ok: true; text: string; encoding: TextEncodingName; bom: boolean }
  | { ok: false; code: 'binary'; detail: string }
  | { ok: false; code: 'bad-encoding'; encoding: TextEncodingName };

const BINARY_SNIFF_BYTES = 8 * 1024;
/** Legacy text has a few stray control bytes at most; more than this share is not prose. */
const MAX_CONTROL_SHARE = 0.02;

const DECODER_LABELS: Record<StrictEncoding, string> = {
  'UTF-8': 'utf-8',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
};

/** Windows-1252's 0x80-0x9F: curly quotes, dashes, €, and five unassigned bytes kept as C1. */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Windows-1252 bytes to text; every byte maps to a character, so this cannot fail. Node's
 * TextDecoder reads the label as Latin-1 (C1 controls at 0x80-0x9F, seen on Node 20) where a
 * browser maps the code page: the C1 range is mapped here, which is a no-op after a browser's.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (char) => CP1252_HIGH[char.charCodeAt(0) - 0x80] ?? char);
}

/** Decodes bytes into text (BOM removed), saying which encoding was assumed. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const bomEncoding = encodingFromBom(bytes);
  if (bomEncoding !== null)
    return decodeStrict(bytes.subarray(bomEncoding.bomLength), bomEncoding.name, true);
  const utf16 = utf16WithoutBom(bytes);
  if (utf16 !== null) return decodeStrict(bytes, utf16, false);
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    return { ok: false, code: 'binary', detail: 'it contains NUL bytes' };
  }
  const utf8 = decodeStrict(bytes, 'UTF-8', false);
  if (utf8.ok) return utf8;
  const legacy = decodeWindows1252(bytes);
  if (controlShare(legacy) > MAX_CONTROL_SHARE) {
    return { ok: false, code: 'binary', detail: 'it is full of control characters' };
  }
  return { ok: true, text: legacy, encoding: 'Windows-1252', bom: false };
}

type StrictEncoding = Exclude<TextEncodingName, 'Windows-1252'>;

function encodingFromBom(bytes: Uint8Array): { name: StrictEncoding; bomLength: number } | null {
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { name: 'UTF-8', bomLength: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { name: 'UTF-16LE', bomLength: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { name: 'UTF-16BE', bomLength: 2 };
  return null;
}

/**
 * UTF-16 saved without a BOM: Latin-script text then has a NUL in every other byte, on the
 * same side. Anything less regular is left to the binary check.
 */
function utf16WithoutBom(bytes: Uint8Array): StrictEncoding | null {
  const sample = bytes.subarray(0, BINARY_SNIFF_BYTES & ~1);
  if (sample.length < 4 || sample.length % 2 !== 0) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample.length; index += 2) {
    if (sample[index] === 0) evenZeros++;
    if (sample[index + 1] === 0) oddZeros++;
  }
  const pairs = sample.length / 2;
  if (oddZeros >= pairs * 0.9 && evenZeros === 0) return 'UTF-16LE';
  if (evenZeros >= pairs * 0.9 && oddZeros === 0) return 'UTF-16BE';
  return null;
}

function decodeStrict(bytes: Uint8Array, encoding: StrictEncoding, bom: boolean): DecodedText {
  try {
    const text = new TextDecoder(DECODER_LABELS[encoding], { fatal: true, ignoreBOM: true }).decode(bytes);
    return { ok: true, text, encoding, bom };
  } catch {
    return { ok: false, code: 'bad-encoding', encoding };
  }
}

/** Share of C0 control characters other than tab, line feed, form feed and carriage return. */
function controlShare(text: string): number {
  if (text.length === 0) return 0;
  let controls = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) controls++;
  }
  return controls / text.length;
}

/** What the import tells the user about an encoding other than plain UTF-8, or null. */
export function encodingNote(encoding: TextEncodingName): string | null {
  if (encoding === 'UTF-8') return null;
  if (encoding === 'Windows-1252') return 'Read as Windows-1252 (Western European): it is not valid UTF-8.';
  return `Read as ${encoding}.`;
}
