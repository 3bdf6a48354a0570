/**
 * A highlight's quote as an inert markdown blockquote, escaped in one pass over the quote: the
 * same bytes as escapeLine (escape.ts) applied line by line, which escape.test.ts checks.
 */
import { isSpace } from '../anchoring/normalize';

/** Every line break a quote or note may hold; `\r\n` counts as one. */
export const LINE_BREAKS = /\r\n|[\r\u2028\u2029\u0085]/g;

/** Whether the text holds a line break other than `\n` (rare: searched for, not matched by a RegExp pass). */
export const hasOtherBreaks = (text: string): boolean =>
  text.includes('\r') || text.includes('\u2028') || text.includes('\u2029') || text.includes('\u0085');

/**
 * A quote as a blockquote: paragraphs kept (a `>` line between them), every line prefixed, every
 * line's text inert. Leading whitespace is dropped: in a quote it would start an indented code block.
 * The same bytes as escapeLine on every line, in one pass over the quote (export.10k runs 10,000 of them).
 */
export function quoteBlock(text: string): string {
  // Most quotes (93% of export.10k's) hold no character to escape and no odd line break: one scan
  // settles both, and their lines need only their starts checked.
  const careful = NEEDS_CARE.test(text);
  const oneBreak = careful && hasOtherBreaks(text) ? text.replace(LINE_BREAKS, '\n') : text;
  const plain = !careful || !ESCAPED_ANYWHERE.test(oneBreak);
  let out = '';
  let blankBefore = false;
  let lineStart = 0;
  while (lineStart <= oneBreak.length) {
    const newline = oneBreak.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? oneBreak.length : newline;
    const escaped = plain
      ? escapeLineStart(oneBreak.slice(lineStart, lineEnd))
      : escapeQuoteLine(oneBreak, lineStart, lineEnd);
    if (escaped === '') blankBefore = out !== '';
    else {
      out += out === '' ? `> ${escaped}` : blankBefore ? `\n>\n> ${escaped}` : `\n> ${escaped}`;
      blankBefore = false;
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return out === '' ? '>' : out;
}

/**
 * An already escaped line, trimmed (String.trim's white space is anchoring's isSpace), made inert
 * at its start too (list items, setext, breaks). A quote line with nothing to escape needs only
 * this: native trimming, no character loop (export.10k's first export runs it interpreted).
 */
export function escapeLineStart(escaped: string): string {
  const inline = escaped.trim();
  // What makes a list item, a setext underline or a thematic break only at a line's start.
  const first = inline === '' ? 0 : inline.charCodeAt(0);
  if (first >= 0x30 && first <= 0x39) {
    const ordered = ORDERED_ITEM.exec(inline);
    if (ordered) return `${ordered[1]}\\${ordered[2]}${inline.slice(ordered[0].length)}`;
  }
  if (first === 0x2d || first === 0x2b || first === 0x3d) return `\\${inline}`;
  return inline;
}

const ORDERED_ITEM = /^(\d{1,9})([.)])/;

/** Every character ESCAPE_KIND names: a quote without any is escaped only at its lines' starts. */
const ESCAPED_ANYWHERE = /[\\`*_[<>#|~&^%$={(:]/;
/** ESCAPED_ANYWHERE and the breaks hasOtherBreaks looks for, in one class (five scans cost 2.5 ms more over 10,000 quotes). */
const NEEDS_CARE = /[\r\u2028\u2029\u0085\\`*_[<>#|~&^%$={(:]/;

/** Per ASCII code: 1 escaped always (ACTIVE), 2 `=`, 3 a doubled outliner character (`{` `(` `:`). */
const ESCAPE_KIND = new Uint8Array(128);
for (const char of '\\`*_[<>#|~&^%$') ESCAPE_KIND[char.charCodeAt(0)] = 1;
ESCAPE_KIND[0x3d] = 2;
for (const char of '{(:') ESCAPE_KIND[char.charCodeAt(0)] = 3;

/**
 * `text[start, end)` (one line, no line break inside) as escapeLine makes it: trimmed, every
 * active character escaped, `==` runs and outliner pairs escaped, inert at its start. Every check
 * looks at most one character back or ahead, so it stays linear on any input.
 */
function escapeQuoteLine(text: string, from: number, to: number): string {
  let start = from;
  let end = to;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  let out = '';
  let last = start;
  // Read only inside the line: a read past the text's end deoptimised this (out of bounds).
  const first = start < end ? text.charCodeAt(start) : 0;
  // `-` `+` start a list item and `=` underlines (a leading `=` run is escaped below anyway).
  if (first === 0x2d || first === 0x2b) out = '\\';
  else if (first >= 0x30 && first <= 0x39) {
    let digits = start + 1;
    while (digits < end && digits - start < 10 && isDigit(text.charCodeAt(digits))) digits++;
    const after = digits < end ? text.charCodeAt(digits) : 0;
    if (digits - start <= 9 && (after === 0x2e || after === 0x29)) {
      out = `${text.slice(start, digits)}\\`;
      last = digits;
    }
  }
  // The run of a doubled outliner character this pair-escape is in: its character, its end, its length.
  let runChar = -1;
  let runEnd = -1;
  let runLength = 0;
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    const kind = code < 128 ? ESCAPE_KIND[code] : 0;
    if (kind === 0) continue;
    let escape = kind === 1;
    if (kind === 2)
      escape = at === start || text.charCodeAt(at - 1) === 0x3d || text.charCodeAt(at + 1) === 0x3d;
    else if (kind === 3) {
      runLength = code === runChar && runEnd === at ? runLength + 1 : 0;
      runChar = code;
      runEnd = at + 1;
      // `{{`, `((`, `::` escaped pair by pair from the left: `{\{`, and `{\{{` for three.
      escape = runLength % 2 === 1;
    }
    if (!escape) continue;
    out += `${text.slice(last, at)}\\`;
    last = at;
  }
  return last === start && out === '' ? text.slice(start, end) : out + text.slice(last, end);
}

const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;
