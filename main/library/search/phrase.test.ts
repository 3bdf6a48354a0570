import { array, assert, constantFrom, property } from 'fast-check';
import { describe, expect, it } from 'vitest';
import { phraseMatcher } from './phrase';
import { containsPhrase } from './text';

/** Pieces of unkind text: accents precomposed and combining, case, punctuation, CJK, ligatures, symbols. */
const PIECES = [
  'the',
  'The',
  'THE',
  'natasha',
  'Natásha',
  'Nata\u0301sha',
  'prince',
  'Prínce',
  'ΣΟΦΊΑ',
  'σοφία',
  'ß',
  ' ',
  '  ',
  '\n',
  ', ',
  '—',
  '“',
  '”',
  '…',
  '-',
  '_',
  '*',
  '(',
  ')',
  '.',
  '$',
  '\\',
  '?',
  '+',
  '戦',
  '争',
  'ﬁ',
  'ﬁne',
  '½',
  '²',
  '℃',
  '™',
  '①',
  'İ',
  'a',
  'é',
  '\u0301',
  '1805',
  'x'.repeat(45),
  `the${'x'.repeat(40)}`,
  'natasha'.repeat(6),
];
/** Pieces whose folding moves no word boundary: the fast path's ground. */
const PLAIN = PIECES.filter((piece) => !/[戦争½²℃™①]/.test(piece));
const textOf = (pieces: readonly string[]) =>
  array(constantFrom(...pieces), { maxLength: 30 }).map((parts) => parts.join(''));

describe('phrase matching', () => {
  it('finds whole consecutive words, accents and case aside, and no more', () => {
    const natasha = phraseMatcher('the natasha');
    expect(natasha('and then the Natásha of old')).toBe(true);
    expect(natasha('“The—NATA\u0301SHA”')).toBe(true);
    expect(natasha('bathe natasha')).toBe(false);
    expect(natasha('the natashas')).toBe(false);
    expect(natasha('the old natasha')).toBe(false);
    expect(natasha('the 1805 natasha')).toBe(false);
    expect(natasha('the\u0301 natasha')).toBe(true);
    expect(phraseMatcher('a.b (c)')('A B C')).toBe(true);
    expect(phraseMatcher('a.b (c)')('axb c')).toBe(false);
    expect(phraseMatcher('…')('anything')).toBe(true);
    expect(phraseMatcher('戦争')('それは戦 争だ')).toBe(true);
  });

  it.each([
    ['plain text', PLAIN],
    ['any text', PIECES],
  ])('answers exactly as the word-by-word check, on %s', (_, pieces) => {
    assert(
      property(
        textOf(pieces),
        array(constantFrom(...pieces), { minLength: 1, maxLength: 4 }),
        (haystack, parts) => {
          const phrase = parts.join(' ');
          expect(phraseMatcher(phrase)(haystack)).toBe(containsPhrase(haystack, phrase));
          // Words taken from the text itself (found far more often than random ones).
          const inside = haystack.slice(haystack.length / 3, (haystack.length * 2) / 3);
          expect(phraseMatcher(inside)(haystack)).toBe(containsPhrase(haystack, inside));
        },
      ),
      { numRuns: 400 },
    );
  });
});
