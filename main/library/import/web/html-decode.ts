/**
 * A saved page's bytes to text: the size limit, empty and binary files refused by name, and
 * the character set the page declares (BOM, `<meta charset>`), else UTF-8, else Windows-1252.
 */
import { maxImportBytesOf, tooLargeMessage } from '../../../../common/formats';
import { type Refusal, refuse } from '../decode';

const SNIFF_BYTES = 8 * 1024;
const CHARSET_SNIFF_BYTES = 4 * 1024;

/** The page's text, or why it cannot be read. */
export function decodeHtml(
  fileName: string,
  bytes: Uint8Array,
  /** The charset the container declares (a web archive's part header), before the page's own. */
  containerCharset: string | null = null,
): { ok: true; html: string } | Refusal {
  if (bytes.byteLength > maxImportBytesOf(fileName)) {
    return refuse('too-large', tooLargeMessage(fileName, bytes.byteLength));
  }
  if (bytes.byteLength === 0) return refuse('empty', `“${fileName}” is empty.`);
  const head = bytes.subarray(0, SNIFF_BYTES);
  const charset = containerCharset ?? declaredCharset(bytes);
  // UTF-16 pages have NUL bytes by nature; for everything else a NUL means not text.
  if (!charset?.startsWith('utf-16') && head.includes(0)) {
    return refuse('binary', `“${fileName}” looks like a binary file, not a web page.`);
  }
  const html = decodeWith(bytes, charset);
  if (!/<[a-z!?/]/i.test(html.slice(0, SNIFF_BYTES * 4))) {
    return refuse('unreadable', `“${fileName}” has no HTML markup; is it really a web page?`);
  }
  // The HTML standard's input preprocessing: CRLF and CR are LF (linkedom leaves them as they are).
  const text = html.charCodeAt(0) === 0xfeff ? html.slice(1) : html;
  return { ok: true, html: text.replace(/\r\n?/g, '\n') };
}

/** The charset a BOM or an early `<meta>` declares, lower-case, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, CHARSET_SNIFF_BYTES));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return match?.[1]?.toLowerCase() ?? null;
}

function decodeWith(bytes: Uint8Array, charset: string | null): string {
  if (charset !== null && charset !== 'utf-8' && charset !== 'utf8') {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      // An unknown label: fall through to the usual guesses rather than refuse a readable page.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Pages that say nothing and are not UTF-8 are, by the HTML standard's default, Windows-1252.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
