/**
 * File names for exported notes that every system accepts (Windows, macOS, Linux) and that a
 * wikilink can name: the same title always gives the same name; collisions get the document's id.
 */

/** Characters Windows forbids, controls, and what breaks a `[[wikilink#^block|label]]`. */
const FORBIDDEN = /[\p{Cc}<>:"/\\|?*#^[\]]/gu;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/** Bytes of a whole name: 255 is the common limit; room is left for ` (<id>)` and `.md`. */
const MAX_NAME_BYTES = 255;
const MAX_BASE_BYTES = MAX_NAME_BYTES - ' (0123456789abcdef)'.length - '.md'.length;

/** Bytes of one code point in UTF-8 (no TextEncoder in the pure layer's types). */
const utf8Size = (char: string): number => {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
};

/** Bytes of `text` in UTF-8. */
export const utf8Length = (text: string): number => [...text].reduce((sum, char) => sum + utf8Size(char), 0);

/** `text` cut to at most `maxBytes` of UTF-8, never inside a code point. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes) return text;
  let out = '';
  let bytes = 0;
  for (const char of text) {
    const size = utf8Size(char);
    if (bytes + size > maxBytes) break;
    out += char;
    bytes += size;
  }
  return out;
}

/**
 * The base name (no extension) a title is exported under: NFC, forbidden characters replaced,
 * no leading dot, no trailing dots or spaces, not a reserved device name, at most ~230 bytes.
 */
export function safeBaseName(title: string): string {
  const cleaned = title
    .normalize('NFC')
    .replace(/[\u2028\u2029]/g, ' ')
    .replace(FORBIDDEN, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '');
  const cut = truncateUtf8(cleaned, MAX_BASE_BYTES).replace(/[.\s]+$/, '');
  const named = cut === '' ? 'Untitled' : cut;
  return RESERVED.test(named) ? `${named}_` : named;
}

/** The file name of a document's export: `Title.md`, or `Title (<id>).md` when that name is taken. */
export function exportFileName(title: string, documentId: string, taken = false): string {
  const base = safeBaseName(title);
  return taken ? `${base} (${documentId}).md` : `${base}.md`;
}

/** How file systems that ignore case and normalisation compare two names (macOS, Windows). */
export const fileNameKey = (name: string): string => name.normalize('NFC').toLowerCase();
