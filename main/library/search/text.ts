/**
 * How search splits and folds text: words of letters and digits, case and accents folded, CJK
 * characters one by one (no spaces between words there). The index and the snippets use the same
 * split, so a marked range is always a word the index matched.
 */

/** A word as found in a text: its folded form and where it is in the original. */
export interface TokenSpan {
  term: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** A token longer than this is not a word (a base64 run, a URL): it is cut. */
const MAX_TERM_CHARS = 40;

/** A word (letters, digits, marks) made only of ASCII letters and digits. */
const ASCII = /^[0-9A-Za-z]*$/;

/** Lower case without accents: "Élan" and "elan" are one word. */
export function foldTerm(word: string): string {
  // Most words are ASCII: normalising them is most of the time tokenising takes.
  if (ASCII.test(word)) return word.toLowerCase();
  return word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Every word of `text` with its place; CJK runs give one token per character. */
export function tokenSpans(text: string): TokenSpan[] {
  const spans: TokenSpan[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const start = match.index;
    if (!ASCII.test(word) && CJK.test(word)) {
      pushCjkRun(word, start, spans);
      continue;
    }
    const term = foldTerm(word).slice(0, MAX_TERM_CHARS);
    if (term !== '') spans.push({ term, start, end: start + word.length });
  }
  return spans;
}

/**
 * Calls `visit` with each word of `text` in order (as tokenSpans gives them) until it answers false:
 * a snippet needs the words up to a little after its first match, not those of a whole passage.
 */
export function visitTokenSpans(text: string, visit: (span: TokenSpan) => boolean): void {
  const run: TokenSpan[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const start = match.index;
    if (!ASCII.test(word) && CJK.test(word)) {
      run.length = 0;
      pushCjkRun(word, start, run);
      for (const span of run) if (!visit(span)) return;
      continue;
    }
    const term = foldTerm(word).slice(0, MAX_TERM_CHARS);
    if (term !== '' && !visit({ term, start, end: start + word.length })) return;
  }
}

/** The folded words of one word as WORD matches it (CJK characters apart): tokenize's answer, sooner. */
export function wordTerms(word: string): string[] {
  if (ASCII.test(word)) return word === '' ? [] : [word.toLowerCase().slice(0, MAX_TERM_CHARS)];
  return tokenize(word);
}

/** A run mixing CJK and other letters: each CJK character alone, the rest as words. */
function pushCjkRun(run: string, offset: number, spans: TokenSpan[]): void {
  let wordStart = -1;
  const flush = (end: number) => {
    if (wordStart < 0) return;
    const term = foldTerm(run.slice(wordStart, end)).slice(0, MAX_TERM_CHARS);
    if (term !== '') spans.push({ term, start: offset + wordStart, end: offset + end });
    wordStart = -1;
  };
  let at = 0;
  for (const char of run) {
    if (CJK.test(char)) {
      flush(at);
      spans.push({ term: char, start: offset + at, end: offset + at + char.length });
    } else if (wordStart < 0) wordStart = at;
    at += char.length;
  }
  flush(at);
}

/** The folded words of `text` (MiniSearch's tokenizer). */
export function tokenize(text: string): string[] {
  return tokenSpans(text).map((span) => span.term);
}

/** `text` folded for a phrase check: words joined by single spaces. */
export function foldedWords(text: string): string {
  return ` ${tokenize(text).join(' ')} `;
}

/** Whether `text` holds `phrase` as whole consecutive words. */
export function containsPhrase(text: string, phrase: string): boolean {
  const wanted = tokenize(phrase).join(' ');
  return wanted === '' || foldedWords(text).includes(` ${wanted} `);
}
