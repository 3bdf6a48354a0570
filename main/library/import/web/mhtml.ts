/**
 * A web archive (.mhtml/.mht: what Chromium's "Save as… Webpage, single file" and IE/Word
 * write) split into its page and its resources. MHTML is MIME multipart/related (RFC 2557): the
 * first text/html part is the page, the other parts are what it loads, named by Content-Location
 * (the original URL) or Content-ID (`cid:`). Only the page and its pictures are kept; scripts,
 * styles and frames are dropped unread. Hand-written because MIME mail parsers drop Content-Location,
 * which is how an archive's page names its pictures.
 */
import { type Refusal, refuse } from '../decode';

/** The most parts an archive may have; a real page with every picture has a few hundred. */
export const MAX_MHTML_PARTS = 5000;

export interface WebArchive {
  ok: true;
  /** The page's HTML bytes, decoded from its transfer encoding but not from its charset. */
  page: Uint8Array;
  /** The page's charset from its Content-Type, lower-case, or null. */
  charset: string | null;
  /** The page's original address (Content-Location or Snapshot-Content-Location), or null. */
  location: string | null;
  /** Picture bytes by every name the page may use for them (absolute URL, `cid:` URL). */
  resources: Map<string, Uint8Array>;
}

interface Part {
  headers: Map<string, string>;
  body: Uint8Array;
}

/** Splits an archive, or says why it is not one. */
export function readWebArchive(fileName: string, bytes: Uint8Array): WebArchive | Refusal {
  const text = new TextDecoder('latin1').decode(bytes);
  const top = splitHeaders(text, 0);
  const contentType = top.headers.get('content-type') ?? '';
  const boundary = parameter(contentType, 'boundary');
  if (!/^multipart\//i.test(contentType) || boundary === null) {
    return refuse('unreadable', `“${fileName}” is not a web archive (no MIME multipart structure).`);
  }
  const parts = splitParts(text, top.bodyStart, boundary);
  if (parts === null) {
    return refuse('unreadable', `“${fileName}” has more than ${MAX_MHTML_PARTS} parts; it is not a page.`);
  }
  const pagePart = parts.find((part) => mediaType(part) === 'text/html');
  if (pagePart === undefined) return refuse('empty', `“${fileName}” holds no web page.`);
  const resources = new Map<string, Uint8Array>();
  for (const part of parts) {
    if (part === pagePart || !mediaType(part).startsWith('image/')) continue;
    const body = decodeBody(part);
    const location = part.headers.get('content-location');
    const id = part.headers.get('content-id')?.replace(/^<|>$/g, '');
    if (location) resources.set(location, body);
    if (id) resources.set(`cid:${id}`, body);
  }
  return {
    ok: true,
    page: decodeBody(pagePart),
    charset: parameter(pagePart.headers.get('content-type') ?? '', 'charset')?.toLowerCase() ?? null,
    location:
      pagePart.headers.get('content-location') ?? top.headers.get('snapshot-content-location') ?? null,
    resources,
  };
}

/** The headers that start at `from` (folded lines joined) and where the body after them starts. */
function splitHeaders(text: string, from: number): { headers: Map<string, string>; bodyStart: number } {
  const headers = new Map<string, string>();
  let at = from;
  let name: string | null = null;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const line = text.slice(at, end).replace(/\r$/, '');
    at = end + 1;
    if (line === '') break;
    if (/^[ \t]/.test(line) && name !== null) {
      headers.set(name, `${headers.get(name) ?? ''} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, bodyStart: Math.min(at, text.length) };
}

/** The parts between `--boundary` lines, up to the closing `--boundary--`; null past the cap. */
function splitParts(text: string, from: number, boundary: string): Part[] | null {
  const delimiter = `--${boundary}`;
  const parts: Part[] = [];
  let at = text.indexOf(delimiter, from);
  while (at >= 0) {
    const afterDelimiter = at + delimiter.length;
    if (text.startsWith('--', afterDelimiter)) break;
    const lineEnd = text.indexOf('\n', afterDelimiter);
    if (lineEnd < 0) break;
    const next = text.indexOf(`\n${delimiter}`, lineEnd);
    const end = next < 0 ? text.length : next;
    const { headers, bodyStart } = splitHeaders(text, lineEnd + 1);
    const bodyText = text.slice(bodyStart, end).replace(/\r$/, '');
    parts.push({ headers, body: latin1Bytes(bodyText) });
    if (parts.length > MAX_MHTML_PARTS) return null;
    at = next < 0 ? -1 : next + 1;
  }
  return parts;
}

function mediaType(part: Part): string {
  return (part.headers.get('content-type') ?? 'text/plain').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** A `name=value` or `name="value"` parameter of a header, or null. */
function parameter(header: string, name: string): string | null {
  const match = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(header);
  return match === null ? null : (match[1] ?? match[2] ?? null);
}

function decodeBody(part: Part): Uint8Array {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').trim().toLowerCase();
  if (encoding === 'base64') {
    return new Uint8Array(Buffer.from(new TextDecoder('latin1').decode(part.body), 'base64'));
  }
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(part.body);
  return part.body;
}

const HEX = /^[0-9A-Fa-f]{2}$/;

/** RFC 2045 quoted-printable: `=XX` is a byte, `=` at a line end joins lines; linear time. */
export function decodeQuotedPrintable(input: Uint8Array): Uint8Array {
  const out = new Uint8Array(input.length);
  let length = 0;
  for (let i = 0; i < input.length; i++) {
    const byte = input[i] ?? 0;
    if (byte !== 0x3d) {
      out[length++] = byte;
      continue;
    }
    const pair = String.fromCharCode(input[i + 1] ?? 0, input[i + 2] ?? 0);
    if (HEX.test(pair)) {
      out[length++] = Number.parseInt(pair, 16);
      i += 2;
    } else if (input[i + 1] === 0x0d && input[i + 2] === 0x0a) {
      i += 2; // A soft line break (CRLF).
    } else if (input[i + 1] === 0x0a) {
      i += 1; // A soft line break (LF).
    } else {
      out[length++] = byte; // A stray `=`: kept, as decoders are asked to be lenient.
    }
  }
  return out.slice(0, length);
}

function latin1Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}
