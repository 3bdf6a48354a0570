/**
 * Makes text safe to place in exported markdown: quotes and titles become inert text (every
 * markdown-active character escaped), notes keep their markdown but cannot break the file's structure.
 */
import { codeRanges, type TextRange } from '../link-code';
import { type ParsedLink, parseLinks } from '../links';
import { escapeLineStart, hasOtherBreaks, LINE_BREAKS } from './quote-block';

/**
 * Characters escaped everywhere in plain text: CommonMark inline syntax, HTML and entities, GFM
 * tables and strikethrough, and Obsidian's `%%` comments, `^` block ids and `$` maths. Only the
 * opening `[` of a bracket: no link, image, footnote, task or `[[wikilink]]` starts at an escaped
 * one, and Logseq reads `\[…\]` as display maths.
 */
const ACTIVE = /[\\`*_[<>#|~&^%$]/g;

/** Every run of `=` is escaped when it is two long or more (Obsidian's `==highlight==`). */
const escapeEquals = (text: string): string =>
  text.includes('==') ? text.replace(/={2,}/g, (run) => run.replace(/=/g, '\\=')) : text;

/**
 * Outliners' inline syntax, escaped with CommonMark escapes so every reader shows the same text:
 * Logseq's `{{macro}}` and `((block ref))`, and `key:: value` properties (Dataview's inline fields too).
 */
const OUTLINER_PAIRS = /\{\{|\(\(|::/g;
const escapeOutlinerPairs = (text: string): string =>
  text.includes('{{') || text.includes('((') || text.includes('::')
    ? text.replace(OUTLINER_PAIRS, (pair) => `${pair[0]}\\${pair[1]}`)
    : text;

/** A word that makes a Logseq block a task when the block starts with it. */
const TASK_MARKER =
  /^(?:TODO|DOING|DONE|LATER|NOW|WAIT|WAITING|CANCELED|CANCELLED|IN-PROGRESS|STARTED)(?=\s|$)/;

/**
 * An escaped quote made safe for Logseq's outline, where it starts a block: a leading TODO, NOW…
 * would make the block a task (Logseq drops a backslash before a letter; CommonMark would show
 * it, so this is for Logseq only), and a backslash before `]` would close the display maths that
 * Logseq opens at an escaped `[` (`\\` does not protect it there): an invisible zero-width space
 * keeps the two apart.
 */
export function escapeForLogseq(escaped: string): string {
  const unbracketed = escaped.includes('\\]') ? escaped.replaceAll('\\]', '\\\u200b]') : escaped;
  return TASK_MARKER.test(unbracketed) ? `\\${unbracketed}` : unbracketed;
}

/** Plain text with every markdown-active character escaped (what escapeLine does to a line's inside). */
const escapeActive = (text: string): string =>
  escapeOutlinerPairs(escapeEquals(text.replace(ACTIVE, '\\$&')));

/** One line of plain text as inert inline markdown (line-start syntax included). */
export const escapeLine = (line: string): string => escapeLineStart(escapeActive(line.trim()));

/** Text of one line (a title, a label): line breaks become spaces, then escapeLine. */
export const escapeInline = (text: string): string => escapeLine(text.replace(/\s+/g, ' '));

/**
 * Turns a `[[lectern:…]]` link into what the exported file should hold instead (a wikilink or
 * text). An object with a method, not a closure: a closure made per export is a new call target
 * each export, and V8 threw away the optimised note code for it (deopt: wrong call target).
 */
export interface LinkRewriter {
  rewrite(link: ParsedLink): string;
}

const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})/;
// Any indentation: inside a list item, a tab or four spaces still leave a heading or an HTML start
// (an indented code block shows the added backslash, a small price for never losing structure).
const ATX_HEADING = /^[ \t]*#{1,6}(?=[ \t]|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const HTML_BLOCK_START = /^[ \t]*<[A-Za-z/!?]/;
/** Blockquote and list markers a line's content sits behind (nothing follows: it never backtracks). */
const CONTAINERS = /^(?:[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?)*/;

/** A heading, setext underline or HTML block start, inside blockquotes and list items too, made a paragraph. */
function neutralizeHeadingLine(line: string, previousBlank: boolean): string {
  // `-` or `=` under a paragraph line underlines it (an empty list item cannot interrupt a paragraph).
  if (!previousBlank && SETEXT_UNDERLINE.test(line)) return line.replace(/[=-]/, (char) => `\\${char}`);
  const prefix = CONTAINERS.exec(line)?.[0] ?? '';
  const content = line.slice(prefix.length);
  // Block structure comes before inline: a line opening HTML (`<!--` would run to the next `-->`,
  // swallowing highlights) does so even where backticks around it look like a code span.
  if (HTML_BLOCK_START.test(content)) return prefix + content.replace('<', '\\<');
  if (ATX_HEADING.test(content)) return prefix + content.replace('#', '\\#');
  if (prefix !== '' && SETEXT_UNDERLINE.test(content))
    return prefix + content.replace(/[=-]/, (char) => `\\${char}`);
  return line;
}

/**
 * The line-level part of neutralizeNote: headings become paragraphs (they would regroup the
 * highlights that follow), setext underlines text, and an unclosed fence is closed.
 */
function neutralizeLines(markdown: string): string {
  const lines = markdown.split('\n');
  let fence: string | null = null;
  let previousBlank = true;
  const out = lines.map((line) => {
    const marker = FENCE_LINE.exec(line)?.[1] ?? null;
    if (fence !== null) {
      if (
        marker !== null &&
        marker[0] === fence[0] &&
        marker.length >= fence.length &&
        line.trim() === marker
      )
        fence = null;
      return line;
    }
    if (
      marker !== null &&
      !(marker[0] === '`' && line.slice(line.indexOf(marker) + marker.length).includes('`'))
    ) {
      fence = marker;
      previousBlank = false;
      return line;
    }
    const safe = neutralizeHeadingLine(line, previousBlank);
    previousBlank = line.trim() === '';
    return safe;
  });
  if (fence !== null) out.push(fence);
  return out.join('\n');
}

/** What escapeProse may escape: prose without any of them is left as it is. */
const PROSE_CARE = /[<%^]/;
const HTML_START = /[A-Za-z/!?]/;
const BLOCK_ID_REST = /^[A-Za-z0-9-]+[ \t]*(?:\n|$)/;

/** Whether the character at `at` would act: `<` opening HTML, `%%`, or `^` starting a trailing block id. */
function isActiveAt(text: string, at: number): boolean {
  const char = text[at];
  if (char === '<') return HTML_START.test(text[at + 1] ?? '');
  if (char === '%') return text[at + 1] === '%';
  return char === '^' && BLOCK_ID_REST.test(text.slice(at + 1, at + 130));
}

/**
 * In text outside code and links: HTML starts, `%%` comments and trailing block ids made inert. One
 * linear scan; a character after an odd run of backslashes is already escaped and left alone.
 */
function escapeProse(text: string): string {
  if (!PROSE_CARE.test(text)) return text;
  let out = '';
  let last = 0;
  let backslashes = 0;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (char === '\\') {
      backslashes++;
      continue;
    }
    if ((char === '<' || char === '%' || char === '^') && backslashes % 2 === 0 && isActiveAt(text, at)) {
      out += `${text.slice(last, at)}\\`;
      last = at;
    }
    backslashes = 0;
  }
  return out + text.slice(last);
}

/** A range of a note that is not prose: a link (it has a target) or code. */
type ProtectedRange = ParsedLink | TextRange;
const isLink = (range: ProtectedRange): range is ParsedLink => 'target' in range;

/**
 * Code and link ranges in order, not overlapping (a link wins over a code span starting inside it).
 * The links themselves, not copies: a note without code (most) allocates nothing here.
 */
function protectedRanges(text: string, links: readonly ParsedLink[]): readonly ProtectedRange[] {
  // Without a backtick there is no code: the links alone, already in order and apart.
  if (!text.includes('`')) return links;
  const all = [...codeRanges(text), ...links].toSorted((a, b) => a.start - b.start || (isLink(a) ? -1 : 1));
  const kept: ProtectedRange[] = [];
  for (const range of all) {
    const last = kept[kept.length - 1];
    if (last !== undefined && range.start < last.end) continue;
    kept.push(range);
  }
  return kept;
}

/**
 * A note's markdown as it may sit in the exported file: its formatting kept, its links rewritten,
 * but nothing in it can end the managed region, regroup highlights, swallow what follows (an
 * unclosed fence or HTML block) or smuggle live HTML.
 */
export function neutralizeNote(markdown: string, rewriter: LinkRewriter): string {
  // One scan for what most notes lack: odd line breaks and prose to escape (`<` `%` `^`).
  const careful = NOTE_CARE.test(markdown);
  const normalized = (
    careful && hasOtherBreaks(markdown) ? markdown.replace(LINE_BREAKS, '\n') : markdown
  ).trimEnd();
  // One line that cannot open a fence or be a heading has no line-level structure to neutralise.
  const text =
    normalized.includes('\n') || MAY_HAVE_STRUCTURE.test(normalized)
      ? neutralizeLines(normalized)
      : normalized;
  const links = parseLinks(text);
  // Without `<`, `%` or `^` anywhere, no stretch of prose has anything to escape.
  const escaping = careful && PROSE_CARE.test(text);
  let out = '';
  let at = 0;
  for (const range of protectedRanges(text, links)) {
    const prose = text.slice(at, range.start);
    out += escaping ? escapeProse(prose) : prose;
    out += isLink(range) ? rewriter.rewrite(range) : text.slice(range.start, range.end);
    at = range.end;
  }
  const rest = text.slice(at);
  return out + (escaping ? escapeProse(rest) : rest);
}

/** What a one-line note starts with when it may open a fence or be a heading. */
const MAY_HAVE_STRUCTURE = /^[ \t>\d.)+*-]*[#`~]/;

/** A note holding none of these needs no line-break normalising and no prose escaping. */
const NOTE_CARE = /[\r\u2028\u2029\u0085<%^]/;
