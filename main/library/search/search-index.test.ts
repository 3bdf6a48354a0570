import { describe, expect, it } from 'vitest';
import type { IndexEntry } from './entries';
import { SearchIndex } from './search-index';

const WORDS = ['prince', 'andrew', 'natasha', 'moscow', 'borodino', 'winter', 'ballroom', 'letter'];

function entry(owner: string, n: number, word: string): IndexEntry {
  return {
    id: `${owner}#${n}`,
    kind: 'note',
    owner,
    documentId: null,
    highlightId: null,
    noteId: owner,
    title: `Note ${owner}`,
    author: '',
    quote: '',
    note: `${word} and the ${WORDS[n % WORDS.length]} of ${owner}`,
    body: '',
    tags: '',
    color: null,
    section: 0,
    heading: null,
    start: 0,
    end: 0,
    tagIds: [],
    tagNames: [],
  } as IndexEntry;
}

describe('SearchIndex vacuuming', () => {
  it('keeps answering and changing while it vacuums thousands of discarded entries (minisearch#306)', async () => {
    const index = new SearchIndex();
    for (let round = 0; round < 6; round++) {
      for (let o = 0; o < 500; o++) index.replace(`note-${o}`, [entry(`note-${o}`, round, `round${round}`)]);
      // Changes made while a vacuum may be running: no uncaught error, nothing lost.
      await new Promise((resolve) => setTimeout(resolve, 0));
      index.replace('note-0', [entry('note-0', round, 'latest')]);
    }
    await index.idle();
    const hits = index.search('round5', () => true);
    expect(hits).toHaveLength(499);
    expect(index.search('round4', () => true)).toHaveLength(0);
    expect(index.search('latest', () => true).map((hit) => hit.entry.owner)).toEqual(['note-0']);
    const restored = SearchIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
    expect(restored.search('round5', () => true)).toHaveLength(499);
  });

  it('reads MiniSearch back only when first needed, and saves it again as it was until then', () => {
    const index = new SearchIndex();
    for (let o = 0; o < 20; o++) index.replace(`note-${o}`, [entry(`note-${o}`, o, `word${o} shared`)]);
    const saved = index.toJSON();
    const loaded = SearchIndex.fromJSON(saved);
    expect(loaded.size).toBe(20);
    expect(loaded.toJSON()).toEqual(saved);
    expect(loaded.search('word7', null).map((hit) => hit.entry.owner)).toEqual(['note-7']);
    expect(loaded.search('shared', null)).toHaveLength(20);
    expect(() => SearchIndex.fromJSON({ ...saved, index: 7 as unknown as string })).toThrow(/MiniSearch/);
    // Saved by a MiniSearch whose format this one cannot read: refused at once, not at the first query.
    const text = String(saved.index);
    expect(text).toMatch(/"serializationVersion":2\}$/);
    const newer = {
      ...saved,
      index: text.replace(/"serializationVersion":2\}$/, '"serializationVersion":3}'),
    };
    expect(() => SearchIndex.fromJSON(newer)).toThrow(/format this version cannot read \(3\)/);
  });
});
