import { describe, expect, it } from 'vitest';
import { CompactEntries, ENTRY_BLANKS, type LoadedEntries } from './compact-entries';
import { decodeCompactFile, encodeCompact } from './compact-file';
import { annotationEntries, documentEntries } from './entries';
import type { StoredEntry } from './search-index';

const namesFor = (refs: { tagNames: string[] }) => refs.tagNames;
const stored = ({ body: _body, ...entry }: { body: string } & StoredEntry): StoredEntry => entry;
const word = (term: string) => ({ terms: [{ term, prefix: false, maxEdits: 0 }], excluded: [], max: 10 });
const all = () => true;

function entries() {
  const [document] = documentEntries(
    {
      id: 'doc1',
      title: 'War and Peace',
      author: 'Leo Tolstóy',
      tagIds: ['t1'],
      tagNames: ['novels/russian'],
    },
    '# Book One\n\nWell, Prince, so Genoa and Lucca are now just family estates of the Buonapartes.',
    namesFor,
  );
  const highlights = annotationEntries(
    'doc1',
    {
      documentNote: null,
      highlights: [
        {
          id: 'h1',
          color: 'pink',
          quote: { type: 'TextQuoteSelector', exact: 'Genoa and Lucca', prefix: '', suffix: '' },
          note: null,
          tags: ['places/italy'],
          tagIds: ['t2'],
        },
        {
          id: 'h2',
          color: 'yellow',
          quote: { type: 'TextQuoteSelector', exact: 'family estates', prefix: '', suffix: '' },
          note: null,
          tags: [],
        },
      ],
    },
    namesFor,
  );
  return { document: stored(document!), highlights: highlights.map(stored) };
}

/** A highlight as its annotations file holds it. */
const storedHighlight = (id: string, exact: string, tags: string[]) => ({
  id,
  color: 'yellow' as const,
  quote: { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' },
  note: null,
  tags,
});

describe('CompactEntries', () => {
  it('comes back from its saved form exactly as it was, empty fields and all', () => {
    const { document, highlights } = entries();
    const index = new CompactEntries();
    index.add('document', document);
    for (const highlight of highlights) index.add('highlight', highlight);
    const saved = index.snapshots();
    expect(JSON.stringify(saved.highlight.items[1])).not.toContain('"note"');
    const file = encodeCompact({ ...saved }, 'g');
    const restored = new CompactEntries(
      decodeCompactFile(file, 'g', ENTRY_BLANKS).snapshots as LoadedEntries,
    );
    expect(restored.search('document', word('tolstoy'), all).map((hit) => hit.item)).toEqual([document]);
    expect(restored.search('highlight', word('estates'), all).map((hit) => hit.item)).toEqual([
      highlights[1],
    ]);
    expect(restored.search('highlight', word('italy'), all).map((hit) => hit.item)).toEqual([highlights[0]]);
  });

  it('retags only tagged entries, found by their new tag words and no longer by the old', () => {
    const { document, highlights } = entries();
    const index = new CompactEntries();
    index.add('document', document);
    for (const highlight of highlights) index.add('highlight', highlight);
    index.retagAll((entry) => entry.tagNames.map((name) => name.replace('italy', 'liguria')));
    expect(index.search('highlight', word('italy'), all)).toEqual([]);
    const [hit] = index.search('highlight', word('liguria'), all);
    expect(hit?.item).toMatchObject({ highlightId: 'h1', tags: 'places/liguria', color: 'pink' });
    expect(index.search('highlight', word('estates'), all).map((found) => found.item.tags)).toEqual(['']);
    expect(index.size).toBe(3);
  });

  it('ranks a highlight whose quote holds the word above one only tagged with it (titles, then quotes, then tags)', () => {
    const found = annotationEntries(
      'doc1',
      {
        documentNote: null,
        highlights: [
          storedHighlight('tagged', 'He smiled, and said nothing.', ['napoleon']),
          storedHighlight(
            'quoted',
            'At dawn the Emperor Napoleon rode along the line of the regiment, and the soldiers, who had waited all night in the cold, cheered him as he passed.',
            [],
          ),
          storedHighlight('both', 'Napoleon smiled at the officer beside him.', ['napoleon']),
          storedHighlight('other', 'The prince was silent.', ['war/battles']),
        ],
      },
      namesFor,
    ).map(stored);
    const index = new CompactEntries();
    for (const entry of found) index.add('highlight', entry);
    const ranked = (term: string) =>
      index.search('highlight', word(term), all).map((hit) => hit.item.highlightId);
    expect(ranked('napoleon')).toEqual(['both', 'quoted', 'tagged']);
    // A tag is still found by its words (and its prefixes).
    expect(ranked('battles')).toEqual(['other']);
    const prefix = { terms: [{ term: 'napo', prefix: true, maxEdits: 0 }], excluded: [], max: 10 };
    expect(index.search('highlight', prefix, all).map((hit) => hit.item.highlightId)).toEqual([
      'both',
      'quoted',
      'tagged',
    ]);
    // The words marked in a snippet are the words themselves, whichever field matched.
    expect(index.search('highlight', word('napoleon'), all)[2]?.terms).toEqual(['napoleon']);
    // An excluded word excludes by tag too.
    expect(index.search('highlight', { ...word('smiled'), excluded: ['napoleon'] }, all)).toEqual([]);
  });
});
