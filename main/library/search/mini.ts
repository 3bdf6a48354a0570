/**
 * The MiniSearch index of titles and notes (the entries not in a compact index): its options, and
 * making one new or from the JSON text it was saved as.
 */
import MiniSearch from 'minisearch';
import { FIELD_BOOSTS, type SearchField } from './compact-scoring';
import type { IndexEntry } from './entries';
import { tokenize } from './text';

const FIELDS: SearchField[] = ['title', 'author', 'quote', 'note', 'body', 'tags'];

const options = () => ({
  fields: [...FIELDS],
  // Entries are kept once, in SearchIndex.stored, not also inside MiniSearch.
  storeFields: [],
  tokenize,
  // Terms are folded by tokenize already.
  processTerm: (term: string) => term,
  searchOptions: { boost: FIELD_BOOSTS },
  // MiniSearch's automatic vacuum breaks when entries are added or discarded while it runs
  // (lucaong/minisearch#306, an uncaught TypeError in a timer): SearchIndex vacuums itself.
  autoVacuum: false,
});

export const newMini = (): MiniSearch<IndexEntry> => new MiniSearch<IndexEntry>(options());

/** The index from its saved JSON text; throws on a malformed one. */
export const loadMini = (json: string): MiniSearch<IndexEntry> =>
  MiniSearch.loadJSON<IndexEntry>(json, options());
