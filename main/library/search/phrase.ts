/**
 * Phrase checks, hundreds per query (a rare phrase is looked for in every candidate): the text is
 * folded whole and searched by one regular expression, instead of being split into words, unless it
 * holds characters whose folding could move a word boundary, where the word-by-word check decides.
 */
import { containsPhrase, tokenize } from './text';

/** CJK (a word per character) and non-ASCII symbols or number forms (NFKD may turn them into letters). */
const SPLITS_DIFFERENTLY =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|(?!\p{ASCII})[\p{S}\p{No}\p{Nl}]/u;
/**
 * Phrase words of tokenize's length limit (40) or more may be cut ones: the word-by-word check decides.
 * A text's long words need no care: cut or not, no shorter phrase word can match them.
 */
const LONG_WORD = 40;
const MARKS = /\p{M}+/gu;
const escaped = (word: string): string => word.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

/** Whether a text holds `phrase` as whole consecutive words: containsPhrase's answer, sooner. */
export function phraseMatcher(phrase: string): (text: string) => boolean {
  const words = tokenize(phrase);
  if (words.length === 0) return () => true;
  if (words.some((word) => SPLITS_DIFFERENTLY.test(word) || word.length >= LONG_WORD))
    return (text) => containsPhrase(text, phrase);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])${words.map(escaped).join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`,
    'u',
  );
  return (text) => {
    if (SPLITS_DIFFERENTLY.test(text)) return containsPhrase(text, phrase);
    return pattern.test(text.normalize('NFKD').replace(MARKS, '').toLowerCase());
  };
}
