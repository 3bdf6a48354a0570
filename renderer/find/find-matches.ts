/**
 * Every match of a query in a folded text, as offsets in the original text: literal (no pattern
 * syntax), non-overlapping, optionally whole words only. Scans in steps so a caller can yield
 * between them on a 3 MB book. Pure.
 */
import { foldsAway, type FoldedText } from './fold';

export interface FindOptions {
  /** Upper and lower case differ (accents are folded either way). */
  matchCase: boolean;
  /** Only matches with no letter or digit joined on either side. */
  wholeWord: boolean;
}

/** Matches as parallel arrays of offsets into the original text (a common word has tens of thousands). */
export interface MatchList {
  starts: number[];
  ends: number[];
}

const WORD = /[\p{L}\p{N}_]/u;
/** Han, kana and the CJK marks: words there are not separated by spaces, so each one is its own word. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

function isWordUnit(code: number): boolean {
  if (code < 0x80) {
    return (
      (code >= 0x30 && code <= 0x39) ||
      (code >= 0x61 && code <= 0x7a) ||
      (code >= 0x41 && code <= 0x5a) ||
      code === 0x5f
    );
  }
  if (code >= 0xd800 && code <= 0xdfff) return false;
  const unit = String.fromCharCode(code);
  return WORD.test(unit) && !UNSPACED.test(unit);
}

/** True when there is a word boundary between two units (NaN: the edge of the text). */
function boundary(before: number, after: number): boolean {
  return Number.isNaN(before) || Number.isNaN(after) || !isWordUnit(before) || !isWordUnit(after);
}

/** Finds the matches of one folded query, `budget` folded units at a time. */
export class MatchScanner {
  readonly matches: MatchList = { starts: [], ends: [] };
  private at = 0;

  constructor(
    private readonly folded: FoldedText,
    private readonly query: string,
    private readonly wholeWord: boolean,
  ) {}

  /** Scans up to `budget` more units of the folded text; true once the whole text is scanned. */
  step(budget: number): boolean {
    const { text } = this.folded;
    const limit = Math.min(text.length, this.at + budget);
    const length = this.query.length;
    while (this.at < limit) {
      const hit = text.indexOf(this.query, this.at);
      if (hit === -1 || hit >= limit) {
        // No match starts before `hit`: the next step resumes there.
        this.at = hit === -1 ? text.length : hit;
        return this.at >= text.length;
      }
      const end = hit + length;
      if (this.wholeWord && !this.wordAt(hit, end)) {
        this.at = hit + 1;
        continue;
      }
      this.push(hit, end);
      this.at = end;
    }
    return this.at >= text.length;
  }

  private wordAt(start: number, end: number): boolean {
    const { text } = this.folded;
    return (
      boundary(text.charCodeAt(start - 1), text.charCodeAt(start)) &&
      boundary(text.charCodeAt(end - 1), text.charCodeAt(end))
    );
  }

  /** Records a folded match as original offsets; a mark decomposed after the last letter stays with it. */
  private push(start: number, end: number): void {
    const { source, origin } = this.folded;
    let sourceEnd = (origin[end - 1] ?? 0) + 1;
    while (sourceEnd < source.length && foldsAway(source.charCodeAt(sourceEnd))) sourceEnd++;
    this.matches.starts.push(origin[start] ?? 0);
    this.matches.ends.push(sourceEnd);
  }
}

/** Every match of `query` (already folded, see foldQuery) in one go: for tests and short texts. */
export function findAll(folded: FoldedText, query: string, wholeWord: boolean): MatchList {
  const scanner = new MatchScanner(folded, query, wholeWord);
  scanner.step(Infinity);
  return scanner.matches;
}
