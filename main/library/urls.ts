/**
 * The one check a link must pass before the system browser opens it: http(s) to a public host,
 * or mailto without attachments; no credentials. Pure, so the renderer-facing handler and tests share it.
 */
import type { Result } from '../../preload/api';

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** Why a user might still want a refused link: they can copy it and open it themselves. */
const COPY_HINT = 'You can copy the link and open it yourself if you trust it.';
const ATTACHMENT_REFUSED = `This mail link asks to attach a file from your computer, so Lectern does not open it. ${COPY_HINT}`;
const LOCAL_HOST_REFUSED = `This link points into your own computer or local network, so Lectern does not open it. ${COPY_HINT}`;

/** The link, normalised, if Lectern may hand it to the system; else why not. */
export function checkExternalUrl(url: string): Result<string> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse('This is not a valid link.');
  }
  if (!ALLOWED_PROTOCOLS.has(parsed.protocol)) {
    return refuse(`Links of type “${parsed.protocol}” are not opened outside Lectern.`);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return refuse('Links that carry a user name or password are not opened.');
  }
  if (parsed.protocol === 'mailto:') {
    return asksForAttachment(parsed.href) ? refuse(ATTACHMENT_REFUSED) : { ok: true, value: parsed.href };
  }
  if (parsed.hostname === '') return refuse('This link has no host.');
  if (isLocalHost(parsed.hostname)) {
    return refuse(LOCAL_HOST_REFUSED);
  }
  return { ok: true, value: parsed.href };
}

function refuse(message: string): Result<string> {
  return { ok: false, code: 'disallowed-url', message };
}

/**
 * Whether a mailto link names a parameter like `attach` or `attachment` (which some mail
 * clients obey by attaching a local file), in any case and under any number of percent-encodings.
 */
export function asksForAttachment(href: string): boolean {
  let text = href;
  // Byte-wise decoding never throws on a malformed escape, and "attach" is ASCII whatever wraps it.
  for (let round = 0; round < 16; round++) {
    if (/[?&;][^=&;?]*attach/i.test(text)) return true;
    const decoded = text.replace(/%([0-9a-f]{2})/gi, (_escape, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    );
    if (decoded === text) return false;
    text = decoded;
  }
  return true;
}

/**
 * Whether a WHATWG-parsed hostname is this machine or a private network: `localhost` and
 * `*.localhost`, `*.local` (mDNS), and loopback, link-local, private, shared, multicast and
 * reserved addresses. The URL parser has already turned `2130706433`, `0x7f.1` and `0177.0.0.1`
 * into `127.0.0.1`, and IPv6 into its compressed hex form.
 */
export function isLocalHost(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost') || name.endsWith('.local')) return true;
  if (name.startsWith('[')) return isLocalIpv6(name.slice(1, -1));
  const ipv4 = parseIpv4(name);
  return ipv4 !== null && isLocalIpv4(ipv4);
}

function parseIpv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part))) return null;
  const bytes = parts.map(Number);
  return bytes.every((byte) => byte <= 255) ? bytes : null;
}

/** [first byte, second byte from, second byte to] of each local IPv4 range. */
const LOCAL_IPV4_RANGES: readonly (readonly [number, number, number])[] = [
  [0, 0, 255], // "this network": 0.0.0.0 reaches the machine itself
  [10, 0, 255],
  [100, 64, 127], // carrier-grade NAT, shared address space
  [127, 0, 255],
  [169, 254, 254],
  [172, 16, 31],
  [192, 168, 168],
];

function isLocalIpv4([first = 0, second = 0]: number[]): boolean {
  // 224.0.0.0 and above: multicast, reserved and broadcast.
  if (first >= 224) return true;
  return LOCAL_IPV4_RANGES.some(([byte, from, to]) => first === byte && second >= from && second <= to);
}

const groupsOf = (part: string): string[] => (part === '' ? [] : part.split(':'));

/** The eight 16-bit groups of an IPv6 address as the URL parser writes it, or null. */
function parseIpv6(text: string): number[] | null {
  const [head = '', tail, extra] = text.split('::');
  if (extra !== undefined) return null;
  const left = groupsOf(head);
  const right = tail === undefined ? [] : groupsOf(tail);
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  const all = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right];
  if (!all.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return null;
  return all.map((group) => Number.parseInt(group, 16));
}

function isLocalIpv6(text: string): boolean {
  const groups = parseIpv6(text);
  // An address the parser let through but that we cannot read is not trusted.
  if (groups === null) return true;
  const [first = 0] = groups;
  const embeddedIpv4 = [groups[6] ?? 0, groups[7] ?? 0].flatMap((group) => [group >> 8, group & 0xff]);
  const leadingZeros = groups.slice(0, 5).every((group) => group === 0);
  if (leadingZeros && (groups[5] === 0xffff || groups[5] === 0)) {
    // ::ffff:a.b.c.d (IPv4-mapped), ::a.b.c.d (IPv4-compatible), and :: and ::1 themselves.
    return groups[5] === 0 && groups[6] === 0 ? true : isLocalIpv4(embeddedIpv4);
  }
  if (first === 0x64 && groups[1] === 0xff9b) return isLocalIpv4(embeddedIpv4); // NAT64
  if (first === 0x2002) return isLocalIpv4([groups[1] ?? 0].flatMap((group) => [group >> 8, group & 0xff])); // 6to4
  return (
    (first & 0xfe00) === 0xfc00 || // fc00::/7 unique local
    (first & 0xffc0) === 0xfe80 || // fe80::/10 link-local
    (first & 0xffc0) === 0xfec0 || // fec0::/10 old site-local
    (first & 0xff00) === 0xff00 // ff00::/8 multicast
  );
}
