/**
 * Folding for find-in-document: the text and the query are both read one UTF-16 unit at a time
 * into a searchable form (case and accents folded, whitespace runs collapsed, invisible characters
 * dropped, quote and dash styles made one, as common/anchoring/normalize.ts treats quotes), with
 * a map from every folded unit back to its offset in the original text. Pure and resumable.
 */
import { isSpace } from '../../common/anchoring/normalize';

/** A unit that disappears from the folded text (a combining mark, a soft hyphen, a zero-width space). */
const DROP = -1;
/** A whitespace unit: a run of them folds to one space. */
const SPACE = -2;

/** Per mode, the fold of every non-ASCII unit, computed the first time it is met (0: not yet). */
const tables = { cased: new Int32Array(0x10000), caseless: new Int32Array(0x10000) };
/** Stored as fold + 3, so that 0 means "not computed" and DROP / SPACE fit. */
const STORED = 3;
const MARK = /\p{M}/gu;

/** Kana keep their voicing marks (が is not か), Hangul its syllables: folding accents there changes words. */
const keepsMarks = (code: number): boolean =>
  (code >= 0x3040 && code <= 0x30ff) || (code >= 0xac00 && code <= 0xd7af);

function computeFold(code: number, matchCase: boolean): number {
  if (isSpace(code)) return SPACE;
  if (code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060) return DROP;
  if ((code >= 0x2018 && code <= 0x201b) || code === 0x2032) return 0x27;
  if ((code >= 0x201c && code <= 0x201f) || code === 0x2033) return 0x22;
  if ((code >= 0x2010 && code <= 0x2014) || code === 0x2212) return 0x2d;
  if ((code >= 0xd800 && code <= 0xdfff) || keepsMarks(code)) return code;
  const unit = String.fromCharCode(code);
  let base = unit.normalize('NFD').replace(MARK, '');
  // A lone combining mark (Arabic harakat, Hebrew points, a decomposed accent) folds away.
  if (base === '') return DROP;
  if (!matchCase) base = base.toLowerCase();
  if (base === 'ς') return 0x3c3; // Final sigma is σ.
  return base.length === 1 ? base.charCodeAt(0) : code;
}

/** The fold of one UTF-16 unit: a unit, DROP or SPACE. */
export function foldUnit(code: number, matchCase: boolean): number {
  if (code < 0x80) {
    if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return SPACE;
    return !matchCase && code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
  }
  const table = matchCase ? tables.cased : tables.caseless;
  const stored = table[code] ?? 0;
  if (stored !== 0) return stored - STORED;
  const folded = computeFold(code, matchCase);
  table[code] = folded + STORED;
  return folded;
}

/** True for a unit that folds away (what may trail a match: an accent decomposed after its letter). */
export const foldsAway = (code: number): boolean => code >= 0x80 && foldUnit(code, true) === DROP;

export interface FoldedText {
  /** The original text. */
  readonly source: string;
  readonly matchCase: boolean;
  /** The folded text. */
  readonly text: string;
  /** origin[i]: the offset in `source` of folded unit i. */
  readonly origin: Int32Array;
}

const decoder = new TextDecoder('utf-16le', { ignoreBOM: true });

/** Folds a text in steps (a 3 MB book takes some 15 ms in all), so the caller can yield between them. */
export class TextFolder {
  private readonly units: Uint16Array;
  private readonly origin: Int32Array;
  private read = 0;
  private written = 0;
  private lastWasSpace = false;
  private done: FoldedText | null = null;

  constructor(
    readonly source: string,
    readonly matchCase: boolean,
  ) {
    this.units = new Uint16Array(source.length);
    this.origin = new Int32Array(source.length + 1);
  }

  /** Folds up to `budget` more units; returns the folded text once the whole source is read. */
  step(budget: number): FoldedText | null {
    if (this.done) return this.done;
    const { source, units, origin, matchCase } = this;
    const end = Math.min(source.length, this.read + budget);
    let written = this.written;
    let lastWasSpace = this.lastWasSpace;
    // ASCII inline (most of any book), everything else through foldUnit's table: 3 MB in ~15 ms.
    for (let i = this.read; i < end; i++) {
      let folded = source.charCodeAt(i);
      if (folded > 0x20 && folded < 0x80) {
        if (!matchCase && folded >= 0x41 && folded <= 0x5a) folded += 0x20;
      } else {
        folded = foldUnit(folded, matchCase);
        if (folded === DROP) continue;
        if (folded === SPACE) {
          if (lastWasSpace) continue;
          folded = 0x20;
        }
      }
      lastWasSpace = folded === 0x20;
      units[written] = folded;
      origin[written++] = i;
    }
    this.read = end;
    this.written = written;
    this.lastWasSpace = lastWasSpace;
    if (end < source.length) return null;
    origin[written] = source.length;
    const text = decoder.decode(new Uint8Array(units.buffer, 0, written * 2));
    this.done = { source, matchCase, text, origin: origin.subarray(0, written + 1) };
    return this.done;
  }
}

/** Folds a whole text at once (tests, short texts). */
export function foldText(source: string, matchCase: boolean): FoldedText {
  return new TextFolder(source, matchCase).step(Infinity) as FoldedText;
}

/** The query as the folded text reads it, or null when nothing visible is left to look for. */
export function foldQuery(query: string, matchCase: boolean): string | null {
  const folded = foldText(query, matchCase).text;
  return folded.trim() === '' ? null : folded;
}
