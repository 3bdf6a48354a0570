import { describe, expect, it } from 'vitest';
import { snippetOf } from './snippets';
import * as fc from 'fast-check';
import { type TokenSpan, containsPhrase, tokenSpans, tokenize, visitTokenSpans, wordTerms } from './text';

describe('search tokenising', () => {
  it('folds case and accents, both precomposed and combining', () => {
    expect(tokenize('Anna Pávlovna SCHÉRER, Bezúkhov')).toEqual(['anna', 'pavlovna', 'scherer', 'bezukhov']);
    expect(tokenize('Cafe\u0301 naïve')).toEqual(['cafe', 'naive']);
  });

  it('splits on punctuation but keeps letters of every script', () => {
    expect(tokenize('“Well, Prince—so Genoa…” (1805); Москва-река')).toEqual([
      'well',
      'prince',
      'so',
      'genoa',
      '1805',
      'москва',
      'река',
    ]);
    expect(tokenize('!!! ... --- ***')).toEqual([]);
  });

  it('gives CJK characters one by one, beside latin words in the same run', () => {
    expect(tokenize('東京Tower と 大阪')).toEqual(['東', '京', 'tower', 'と', '大', '阪']);
  });

  it('keeps the original offsets of each word', () => {
    const text = 'Élan vital';
    expect(tokenSpans(text).map((span) => text.slice(span.start, span.end))).toEqual(['Élan', 'vital']);
  });

  it('checks phrases as whole consecutive words', () => {
    expect(containsPhrase('the maid of honour', 'Maid of')).toBe(true);
    expect(containsPhrase('the maiden of honour', 'maid of')).toBe(false);
  });
});

describe('snippets', () => {
  it('cut a window around the first match and give ranges of the marked words', () => {
    const text = `${'Lorem ipsum dolor. '.repeat(20)}The   ceasefire\nheld until spring.`;
    const snippet = snippetOf(text, ['ceasefire', 'spring']);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.matches.map((range) => snippet.text.slice(range.start, range.end))).toEqual([
      'ceasefire',
      'spring',
    ]);
    expect(snippet.text).toContain('The ceasefire held');
  });

  it('mark accented words by their folded form, and leave markup as text', () => {
    const snippet = snippetOf('<b>Soirée</b> at <script>x</script>', ['soiree', 'script'], true);
    expect(snippet.matches.map((range) => snippet.text.slice(range.start, range.end))).toEqual([
      'Soirée',
      'script',
      'script',
    ]);
  });
});

describe('tokenising a word at a time', () => {
  const TEXTS = [
    'Anna Pávlovna had had a cough; "Well, Prince," said she — Natásha (1809)!',
    '東京で読書する reader: 日本語とEnglish混在 한국어 text',
    `${'x'.repeat(60)} ﬁnal ①② café`,
  ];

  it('visits the words tokenSpans gives, in order, and stops when asked', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...TEXTS), fc.string({ unit: 'grapheme', maxLength: 80 })),
        (text) => {
          const visited: TokenSpan[] = [];
          visitTokenSpans(text, (span) => visited.push(span) > 0);
          expect(visited).toEqual(tokenSpans(text));
          const firstTwo: TokenSpan[] = [];
          visitTokenSpans(text, (span) => firstTwo.push(span) < 2);
          expect(firstTwo).toEqual(tokenSpans(text).slice(0, 2));
        },
      ),
    );
  });

  it('folds one word as tokenize does', () => {
    for (const text of TEXTS)
      for (const [word] of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu))
        expect(wordTerms(word)).toEqual(tokenize(word));
  });
});
