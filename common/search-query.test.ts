import { assert, property, string } from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_QUERY_PARTS, isEmptyQuery, parseSearchQuery } from './search-query';

describe('the search query syntax', () => {
  it('reads words, phrases, exclusions and operators', () => {
    expect(
      parseSearchQuery('ceasefire "spring offensive" -winter tag:war/1812 color:Pink in:tolstoy is:note'),
    ).toEqual({
      words: ['ceasefire'],
      phrases: ['spring offensive'],
      excluded: ['winter'],
      tags: ['war/1812'],
      colors: ['pink'],
      within: ['tolstoy'],
      notesOnly: true,
    });
  });

  it('takes quoted operator values and leaves unknown `word:` as a word', () => {
    const query = parseSearchQuery('in:"war and peace" note: http://example.com');
    expect(query.within).toEqual(['war and peace']);
    expect(query.words).toEqual(['note:', 'http://example.com']);
  });

  it('runs an unbalanced quote to the end, and ignores empty pieces', () => {
    expect(parseSearchQuery('prince "andrew bolkonsky').phrases).toEqual(['andrew bolkonsky']);
    expect(isEmptyQuery(parseSearchQuery('  " "  - tag: ""'))).toBe(true);
    expect(isEmptyQuery(parseSearchQuery('is:note'))).toBe(false);
    expect(isEmptyQuery(parseSearchQuery('-war'))).toBe(true);
  });

  it('caps huge queries', () => {
    const query = parseSearchQuery('word '.repeat(2000));
    expect(query.words).toHaveLength(MAX_QUERY_PARTS);
    expect(parseSearchQuery('x'.repeat(10_000)).words[0]?.length).toBeLessThanOrEqual(1000);
  });

  it('never throws, whatever it is given', () => {
    assert(
      property(string({ unit: 'binary', maxLength: 300 }), (raw) => {
        const query = parseSearchQuery(raw);
        expect(query.words.length).toBeLessThanOrEqual(MAX_QUERY_PARTS);
      }),
    );
    for (const raw of ['.*+?^${}()|[]\\', '""""', '-"-"', 'tag:tag:tag:', '\u0000\uD800'])
      parseSearchQuery(raw);
  });
});
