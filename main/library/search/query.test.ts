import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from '../../../common/search-query';
import { queryTerms } from './query';

const terms = (raw: string) => queryTerms(parseSearchQuery(raw));

describe('queryTerms', () => {
  it('asks for the last word (still being typed) as a prefix too, and forgives typos by length', () => {
    expect(terms('Natásha rostóv')).toEqual([
      { term: 'natasha', prefix: false, maxEdits: 1 },
      { term: 'rostov', prefix: true, maxEdits: 1 },
    ]);
    expect(terms('war ceasefire')).toEqual([
      { term: 'war', prefix: false, maxEdits: 0 },
      { term: 'ceasefire', prefix: true, maxEdits: 2 },
    ]);
    expect(terms('a')).toEqual([{ term: 'a', prefix: false, maxEdits: 0 }]);
  });

  it('asks for phrase words exactly, leaving short ones to the phrase check', () => {
    expect(terms('prince "the old prince" of')).toEqual([
      { term: 'prince', prefix: false, maxEdits: 1 },
      { term: 'of', prefix: false, maxEdits: 0 },
      { term: 'prince', prefix: false, maxEdits: 0 },
    ]);
    expect(terms('"to be"')).toEqual([
      { term: 'to', prefix: false, maxEdits: 0 },
      { term: 'be', prefix: false, maxEdits: 0 },
    ]);
    expect(terms('tag:war color:pink')).toEqual([]);
  });
});
