import { describe, expect, it } from 'vitest';
import { foldQuery, foldText, TextFolder } from './fold';
import { findAll, MatchScanner, type FindOptions } from './find-matches';

/** War and Peace, book one, chapter I (Maude translation, Project Gutenberg), as it is in the fixture. */
const TOLSTOY = `“Well, Prince, so Genoa and Lucca are now just family estates of the
Buonapartes. But I warn you, if you don’t tell me that this means war,
if you still try to defend the infamies and horrors perpetrated by that
Antichrist—I really believe he is Antichrist—I will have nothing
more to do with you and you are no longer my friend, no longer my
‘faithful slave,’ as you call yourself! But how do you do? I see I
have frightened you—sit down and tell me all the news.”

It was in July, 1805, and the speaker was the well-known Anna Pávlovna
Schérer, maid of honor and favorite of the Empress Márya Fëdorovna.
With these words she greeted Prince Vasíli Kurágin, a man of high
rank and importance, who was the first to arrive at her reception. Anna
Pávlovna had had a cough for some days.`;

const plain: FindOptions = { matchCase: false, wholeWord: false };

/** The matched passages of `query` in `text`, as the original text has them. */
function found(text: string, query: string, options: FindOptions = plain): string[] {
  const folded = foldText(text, options.matchCase);
  const needle = foldQuery(query, options.matchCase);
  if (needle === null) return [];
  const { starts, ends } = findAll(folded, needle, options.wholeWord);
  return starts.map((start, i) => text.slice(start, ends[i]));
}

describe('find in a document', () => {
  it('folds case and accents both ways, and keeps the original passage', () => {
    expect(found(TOLSTOY, 'pavlovna')).toEqual(['Pávlovna', 'Pávlovna']);
    expect(found(TOLSTOY, 'SCHERER')).toEqual(['Schérer']);
    expect(found(TOLSTOY, 'Fedorovna')).toEqual(['Fëdorovna']);
    // An accent in the query finds the letter without it too.
    expect(found('Vasili and Vasíli', 'Vasíli')).toEqual(['Vasili', 'Vasíli']);
  });

  it('matches case only when asked, accents still folded', () => {
    const cased = { matchCase: true, wholeWord: false };
    expect(found(TOLSTOY, 'prince', cased)).toEqual([]);
    expect(found(TOLSTOY, 'Prince', cased)).toEqual(['Prince', 'Prince']);
    expect(found(TOLSTOY, 'Kuragin', cased)).toEqual(['Kurágin']);
    expect(found(TOLSTOY, 'kuragin', cased)).toEqual([]);
  });

  it('finds a decomposed accent with its letter, and a precomposed one from a decomposed query', () => {
    const decomposed = 'Scher\u0065\u0301r was there';
    expect(found(decomposed, 'schérer')).toEqual(['Scher\u0065\u0301r']);
    expect(found(decomposed, 'Schere')).toEqual(['Schere\u0301']);
    expect(found('Schérer', 'Sche\u0301rer')).toEqual(['Schérer']);
  });

  it('keeps whole words whole', () => {
    const words = { matchCase: false, wholeWord: true };
    expect(found(TOLSTOY, 'war', words)).toEqual(['war']); // not "warn"
    expect(found(TOLSTOY, 'war')).toEqual(['war', 'war']);
    expect(found(TOLSTOY, 'an', words)).toEqual([]);
    expect(found(TOLSTOY, 'Anna', words)).toHaveLength(2);
    // Punctuation at the query's edge is its own boundary; apostrophes split words.
    expect(found(TOLSTOY, 'don', words)).toEqual(['don']);
    expect(found(TOLSTOY, '—I', words)).toEqual(['—I', '—I']);
  });

  it('reads whitespace runs, line breaks and invisible characters as one space', () => {
    expect(found(TOLSTOY, 'well-known anna pavlovna schérer')).toEqual(['well-known Anna Pávlovna\nSchérer']);
    expect(found('the in\u00adfamies of  that\u200bAntichrist', 'infamies of that antichrist')).toHaveLength(
      0,
    );
    expect(found('the in\u00adfamies of  that Antichrist', 'infamies of that antichrist')).toEqual([
      'in\u00adfamies of  that Antichrist',
    ]);
  });

  it('takes every quote and dash style for one another', () => {
    expect(found(TOLSTOY, "don't tell")).toEqual(['don’t tell']);
    expect(found(TOLSTOY, 'Antichrist-I')).toEqual(['Antichrist—I', 'Antichrist—I']);
    expect(found(TOLSTOY, '"Well, Prince')).toEqual(['“Well, Prince']);
  });

  it('does not overlap matches', () => {
    expect(found('aaaa', 'aa')).toEqual(['aa', 'aa']);
    expect(found('ababa', 'aba')).toEqual(['aba']);
    const { starts } = findAll(foldText('aaaaa', false), 'aa', false);
    expect(starts).toEqual([0, 2]);
  });

  it('reads regular expression characters literally', () => {
    const text = 'Prices rose (a lot) by 5.5% — see [1], *not* a.b or $x^2 | y\\z?';
    for (const query of ['(a lot)', '5.5%', '[1]', '*not*', '$x^2', '| y\\z?'])
      expect(found(text, query)).toEqual([query]);
    expect(found(text, '.')).toHaveLength(2);
    expect(found(text, '.*')).toEqual([]);
  });

  it('finds nothing for an empty or blank query', () => {
    expect(foldQuery('', false)).toBeNull();
    expect(foldQuery(' \n\t\u00a0', false)).toBeNull();
    expect(foldQuery('\u00ad\u200b\u0301', false)).toBeNull();
    expect(found(TOLSTOY, '')).toEqual([]);
  });

  it('takes a 10,000-character query, found or not', () => {
    const book = TOLSTOY.repeat(20);
    const long = book.slice(37, 10_037);
    expect(found(book, long)).toEqual([long]);
    expect(found(book, `${long}x`)).toEqual([]);
    expect(found(book, 'q'.repeat(10_000))).toEqual([]);
  });

  it('finds CJK text, each ideograph a word of its own', () => {
    const text = '战争与和平是列夫·托尔斯泰的小说。和平来了。がっこう と かっこう';
    expect(found(text, '和平')).toEqual(['和平', '和平']);
    expect(found(text, '和平', { matchCase: false, wholeWord: true })).toEqual(['和平', '和平']);
    // Kana keep their voicing marks: が is not か.
    expect(found(text, 'かっこう')).toEqual(['かっこう']);
  });

  it('finds RTL text, with and without its vowel points', () => {
    const arabic = 'الحَرْبُ وَالسَّلام رواية. الحرب والسلام';
    expect(found(arabic, 'الحرب')).toEqual(['الحَرْبُ', 'الحرب']);
    const hebrew = 'מִלְחָמָה וְשָׁלוֹם, מלחמה ושלום';
    expect(found(hebrew, 'מלחמה')).toEqual(['מִלְחָמָה', 'מלחמה']);
  });

  it('gives the same matches folded and scanned in small steps as in one go', () => {
    const book = TOLSTOY.repeat(7);
    const folder = new TextFolder(book, false);
    let folded = folder.step(13);
    while (!folded) folded = folder.step(13);
    const scanner = new MatchScanner(folded, 'anna', true);
    while (!scanner.step(5));
    expect(scanner.matches).toEqual(findAll(foldText(book, false), 'anna', true));
    expect(scanner.matches.starts).toHaveLength(14);
  });
});
