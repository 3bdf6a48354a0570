/**
 * Phrase checks, hundreds per query (a rare phrase is looked for in every candidate): the text is
 * folded whole and searched by one regular expression, instead of being split into words, unless it
 * holds characters whose folding could move a word boundary, where the word-by-word check decides.
 */
import { containsPhrase, tokenize } from './text';

/** CJK (a word per character) and non-ASCII symbols or number forms (NFKD may turn them into letters). */
const SPLITS_DIFFERENTLY =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|(?!\p{ASCII})[\p{S}\p{No}\p{Nl}]/u;
/** Words of tokenize's length limit or more are cut by it: the word-by-word check decides. */
const LONG_WORD = /[\p{L}\p{N}\p{M}]{40}/u;
const MARKS = /\p{M}+/gu;
const escaped = (word: string): string => word.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

/** Whether a text holds `phrase` as whole consecutive words: containsPhrase's answer, sooner. */
export function phraseMatcher(phrase: string): (text: string) => boolean {
  const words = tokenize(phrase);
  if (words.length === 0) return () => true;
  if (words.some((word) => SPLITS_DIFFERENTLY.test(word) || word.length >= 40))
    return (text) => containsPhrase(text, phrase);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])${words.map(escaped).join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`,
    'u',
  );
  return (text) => {
    if (SPLITS_DIFFERENTLY.test(text) || LONG_WORD.test(text)) return containsPhrase(text, phrase);
    return pattern.test(text.normalize('NFKD').replace(MARKS, '').toLowerCase());
  };
}
