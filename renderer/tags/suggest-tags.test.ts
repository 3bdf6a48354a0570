import { describe, expect, it } from 'vitest';
import { tagSuggester } from './suggest-tags';

const LIBRARY = ['politics', 'history/napoleon', 'Politics/Armenia', 'war-and-peace', 'peace', 'Émile'];

describe('tag suggestions', () => {
  const suggester = tagSuggester(LIBRARY);

  it('keeps the most-used order and puts whole-tag prefixes before level and word matches', () => {
    expect(suggester.suggest('p', [])).toEqual(['politics', 'Politics/Armenia', 'peace', 'war-and-peace']);
    expect(suggester.suggest('napo', [])).toEqual(['history/napoleon']);
    expect(suggester.suggest('ARM', [])).toEqual(['Politics/Armenia']);
  });

  it('skips tags already chosen (any spelling) and honours the limit', () => {
    expect(suggester.suggest('p', ['POLITICS'], 2)).toEqual(['Politics/Armenia', 'peace']);
    expect(suggester.suggest('', [], 3)).toEqual(['politics', 'history/napoleon', 'Politics/Armenia']);
  });

  it('reads typed spaces as the dashes normalisation makes of them, and matches accents exactly', () => {
    expect(suggester.suggest('war and', [])).toEqual(['war-and-peace']);
    expect(suggester.suggest('émi', [])).toEqual(['Émile']);
    expect(suggester.suggest('zzz', [])).toEqual([]);
  });
});
