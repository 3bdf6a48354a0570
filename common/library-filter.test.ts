import { describe, expect, it } from 'vitest';
import { filterHaystack, filterTerms, foldForSearch, matchesTerms, narrows } from './library-filter';

describe('the library filter', () => {
  it('folds case and Latin accents, and splits on any whitespace', () => {
    expect(foldForSearch('Émile ÜBER Łódź')).toBe('emile uber łodz');
    expect(filterTerms('  Jean-Jacques\tROUSSEAU \n')).toEqual(['jean-jacques', 'rousseau']);
    expect(filterTerms(' \t ')).toEqual([]);
  });

  it('looks in title, author, source and excerpt, every term anywhere', () => {
    const haystack = filterHaystack({
      title: 'Émile, or On Education',
      author: 'Rousseau',
      source: 'emile.epub',
      excerpt: 'Everything is good as it leaves the hands of the Author of things',
    });
    expect(matchesTerms(haystack, filterTerms('education rousseau'))).toBe(true);
    expect(matchesTerms(haystack, filterTerms('.EPUB hands'))).toBe(true);
    expect(matchesTerms(haystack, filterTerms('rousseau contract'))).toBe(false);
    // Fields are kept apart: a term never matches across two of them.
    expect(matchesTerms(haystack, filterTerms('educationrousseau'))).toBe(false);
  });

  it('says a filter narrows another only when each old term is part of a new one', () => {
    expect(narrows(['rous'], ['rousseau'])).toBe(true);
    expect(narrows(['rous'], ['emile', 'rousseau'])).toBe(true);
    expect(narrows([], ['anything'])).toBe(true);
    expect(narrows(['rousseau'], ['rous'])).toBe(false);
    expect(narrows(['emile', 'rous'], ['rousseau'])).toBe(false);
  });
});
