/**
 * The one link syntax of Lectern's notes, `[[lectern:<kind>/<id>|Label]]`, parsed and formatted in
 * linear time (no regex backtracking) for the backlink index in main and the marked extension.
 */
import type { LinkTarget } from '../preload/api/links';
import { codeRanges, type TextRange } from './link-code';

export type { LinkTarget } from '../preload/api/links';

/** Why text shaped like a link points at nothing Lectern can name. */
export type LinkProblem = 'unknown-kind' | 'bad-id';

/** One `[[lectern:…]]` in a text: `[start, end)` are UTF-16 offsets; `target` null when malformed. */
export interface ParsedLink {
  start: number;
  end: number;
  target: LinkTarget | null;
  problem: LinkProblem | null;
  /** The label as stored (unescaped), null when the link has none. */
  label: string | null;
  /** What followed `lectern:` (the raw target), for explaining a malformed link. */
  rawTarget: string;
}

export const LINK_PREFIX = '[[lectern:';
/** Longest raw target: `highlight/` + two ids; anything longer is not a target. */
const MAX_TARGET_LENGTH = 64;

/** True for a 16-lowercase-hex id (checked by character codes: the backlink index and export check thousands). */
export function isLinkId(id: string): boolean {
  if (id.length !== 16) return false;
  for (let at = 0; at < 16; at++) {
    const code = id.charCodeAt(at);
    if (!((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x66))) return false;
  }
  return true;
}

/** The target's identity, e.g. `highlight/<docId>/<highlightId>`: a map key and the stored form. */
export function targetKey(target: LinkTarget): string {
  if (target.kind === 'doc') return `doc/${target.documentId}`;
  if (target.kind === 'note') return `note/${target.noteId}`;
  return `highlight/${target.documentId}/${target.highlightId}`;
}

/** Reads a raw target (`doc/<id>`, `note/<id>`, `highlight/<doc>/<hl>`); a problem when it is none. */
export function parseTargetKey(raw: string): LinkTarget | LinkProblem {
  // Cut by hand: split, spread and every allocate per link, and the backlink index reads thousands.
  const slash = raw.indexOf('/');
  const kind = slash < 0 ? raw : raw.slice(0, slash);
  const arity = kind === 'doc' || kind === 'note' ? 1 : kind === 'highlight' ? 2 : 0;
  if (arity === 0) return 'unknown-kind';
  const ids = slash < 0 ? '' : raw.slice(slash + 1);
  const first = arity === 1 ? ids : ids.slice(0, 16);
  const second = arity === 2 && ids[16] === '/' ? ids.slice(17) : '';
  if (slash < 0 || !isLinkId(first) || (arity === 2 && !isLinkId(second))) return 'bad-id';
  if (kind === 'doc') return { kind, documentId: first };
  if (kind === 'note') return { kind, noteId: first };
  return { kind: 'highlight', documentId: first, highlightId: second };
}

/**
 * The stored form of a link. The label's `\`, `[`, `]` and `|` are escaped with `\`, and line
 * breaks become spaces (a link lives on one line), so any title round-trips through parseLinks.
 */
export function formatLink(target: LinkTarget, label?: string): string {
  const key = targetKey(target);
  if (label === undefined || label.trim() === '') return `${LINK_PREFIX}${key}]]`;
  const oneLine = label.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  return `${LINK_PREFIX}${key}|${oneLine.replace(/[\\[\]|]/g, (char) => `\\${char}`)}]]`;
}

/**
 * Reads the link starting exactly at `index` (which must hold `[[lectern:`), or null when the
 * text there is not a whole link: no `]]` on the same line, or an unescaped `[[` inside the label
 * (the outer brackets stay text, the inner link is the link). `labelEnd` reports where a failed
 * label scan stopped, so callers never rescan it.
 */
export function parseLinkAt(text: string, index: number): ParsedLink | null {
  return plainLinkAt(text, index) ?? scanLinkAt(text, index).link;
}

/**
 * A link whose target is well formed and whose label, if any, holds no `\\`, bracket or line
 * break: what users write. One sticky RegExp reads it, native code from the first call, where
 * the hand scan runs interpreted until V8 optimises it (export.10k's first export parses 10,000
 * links); anything else (escapes, malformed targets, unclosed labels) is read by the hand scan.
 */
const PLAIN_LINK =
  /\[\[lectern:((doc|note|highlight)\/([0-9a-f]{16})(?:\/([0-9a-f]{16}))?)(?:\|([^\\[\]\n]*))?\]\]/y;

/** parseLinkAt by the hand scan alone, without the plain-link RegExp: what that RegExp must agree with (tests). */
export const scanLinkByHand = (text: string, index: number): ParsedLink | null =>
  scanLinkAt(text, index).link;

/** The plain link starting exactly at `index`, or null (then scanLinkAt decides). */
function plainLinkAt(text: string, index: number): ParsedLink | null {
  PLAIN_LINK.lastIndex = index;
  const match = PLAIN_LINK.exec(text);
  if (match === null) return null;
  const kind = match[2];
  const first = match[3] ?? '';
  const second = match[4];
  // A document or note has one id, a highlight two: anything else is a bad id, told by the hand scan.
  if ((kind === 'highlight') !== (second !== undefined)) return null;
  const target: LinkTarget =
    second !== undefined
      ? { kind: 'highlight', documentId: first, highlightId: second }
      : kind === 'doc'
        ? { kind: 'doc', documentId: first }
        : { kind: 'note', noteId: first };
  const end = index + match[0].length;
  return { start: index, end, target, problem: null, label: match[5] ?? null, rawTarget: match[1] ?? '' };
}

interface Scan {
  link: ParsedLink | null;
  /** Where a failed scan stopped; every `[[lectern:` before it that starts a label also fails. */
  failedUntil: number;
}

function scanLinkAt(text: string, index: number): Scan {
  // A substring comparison: `startsWith(prefix, at)` is several times slower in V8.
  if (text.substring(index, index + LINK_PREFIX.length) !== LINK_PREFIX)
    return { link: null, failedUntil: index };
  const targetStart = index + LINK_PREFIX.length;
  let at = targetStart;
  const limit = Math.min(text.length, targetStart + MAX_TARGET_LENGTH);
  // By character code: comparing one-character strings cost a quarter of export.10k's note time.
  for (; at < limit; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x7c || code === 0x5d || code === 0x0a || code === 0x5b) break;
  }
  const rawTarget = text.slice(targetStart, at);
  if (text[at] === ']' && text[at + 1] === ']')
    return { link: made(index, at + 2, rawTarget, null), failedUntil: index };
  if (text[at] !== '|') return { link: null, failedUntil: index };
  const label = scanLabel(text, at + 1);
  if (label.end < 0) return { link: null, failedUntil: label.stop };
  return { link: made(index, label.end, rawTarget, label.value), failedUntil: index };
}

/** Reads an escaped label up to its `]]`; `end` -1 when a newline, `[[` or the text's end came first. */
function scanLabel(text: string, from: number): { value: string; end: number; stop: number } {
  // The label is cut from the text in runs between escapes, not grown a character at a time.
  let value = '';
  let run = from;
  let at = from;
  while (at < text.length) {
    const char = text[at];
    if (char === '\\' && at + 1 < text.length && text[at + 1] !== '\n') {
      value += text.slice(run, at) + text[at + 1];
      at += 2;
      run = at;
    } else if (char === '\n' || (char === '[' && text[at + 1] === '[')) {
      return { value: value + text.slice(run, at), end: -1, stop: at };
    } else if (char === ']' && text[at + 1] === ']') {
      return { value: value + text.slice(run, at), end: at + 2, stop: at };
    } else {
      at++;
    }
  }
  return { value: value + text.slice(run, at), end: -1, stop: at };
}

function made(start: number, end: number, rawTarget: string, label: string | null): ParsedLink {
  const parsed = parseTargetKey(rawTarget);
  const target = typeof parsed === 'string' ? null : parsed;
  const problem = typeof parsed === 'string' ? parsed : null;
  return { start, end, target, problem, label, rawTarget };
}

const NO_CODE: readonly TextRange[] = [];

/**
 * Every link of a markdown text in order, skipping code spans and fenced code blocks (there
 * `[[lectern:…]]` is literal text). Linear in the text's length.
 */
export function parseLinks(text: string): ParsedLink[] {
  const links: ParsedLink[] = [];
  // Code needs a backtick or a `~~~` fence; most notes have neither (export.10k parses 10,000).
  const code = text.includes('`') || text.includes('~~~') ? codeRanges(text) : NO_CODE;
  let codeIndex = 0;
  let failedUntil = 0;
  let at = text.indexOf(LINK_PREFIX);
  while (at >= 0) {
    let range = code[codeIndex];
    while (range !== undefined && range.end <= at) range = code[++codeIndex];
    if (range !== undefined && range.start <= at) {
      at = text.indexOf(LINK_PREFIX, range.end);
      continue;
    }
    let link: ParsedLink | null = null;
    if (at >= failedUntil) {
      link = plainLinkAt(text, at);
      if (link === null) {
        const scan = scanLinkAt(text, at);
        link = scan.link;
        failedUntil = Math.max(failedUntil, scan.failedUntil);
      }
    }
    if (link !== null) {
      links.push(link);
      at = text.indexOf(LINK_PREFIX, link.end);
    } else {
      at = text.indexOf(LINK_PREFIX, at + 2);
    }
  }
  return links;
}

/** The text around a link on its line, at most `radius` characters each side, for "Linked from". */
export function snippetAround(text: string, start: number, end: number, radius = 60): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline < 0 ? text.length : newline;
  const from = Math.max(lineStart, start - radius);
  const to = Math.min(lineEnd, end + radius);
  const around = `${from > lineStart ? '…' : ''}${text.slice(from, to)}${to < lineEnd ? '…' : ''}`;
  return around.replace(/\s+/g, ' ').trim();
}

/** The text with each link replaced by what `replace` returns for it (its stored form to keep it). */
export function replaceLinks(text: string, replace: (link: ParsedLink) => string): string {
  let out = '';
  let last = 0;
  for (const link of parseLinks(text)) {
    out += text.slice(last, link.start) + replace(link);
    last = link.end;
  }
  return out + text.slice(last);
}
