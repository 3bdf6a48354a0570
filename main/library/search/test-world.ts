/** A two-document library the search tests share: a soirée with its ceasefire, and a battle. */
import type { DocumentSummary, SearchResults } from '../../../preload/api';
import type { Library } from '../library';
import { bytes, type useTempLibrary } from '../test-support';

type TempLibrary = ReturnType<typeof useTempLibrary>;

export const SOIREE = [
  '# The Soirée',
  '',
  'It was in July, 1805, and the speaker was the well-known Anna Pávlovna Schérer, maid of honour.',
  '',
  '## The Ceasefire',
  '',
  'Prince Vasíli spoke of the armistice and of Genoa and Lucca, now family estates of the Buonapartes.',
].join('\n');
export const BATTLE =
  '# Borodinó\n\nThe cannon smoke hung over the field; nobody spoke of a ceasefire that day.\n';

export const value = <T>(result: { ok: true; value: T } | { ok: false; message: string }): T => {
  if (!result.ok) throw new Error(result.message);
  return result.value;
};

export async function importDoc(lib: Library, name: string, text: string): Promise<DocumentSummary> {
  const [outcome] = (await lib.documents.importFiles([{ name, bytes: bytes(text) }])).outcomes;
  if (outcome?.status !== 'imported') throw new Error('import failed');
  return outcome.document;
}

export async function world(temp: TempLibrary) {
  const lib = await temp.open();
  const soiree = await importDoc(lib, 'soiree.md', SOIREE);
  const battle = await importDoc(lib, 'battle.md', BATTLE);
  await lib.search.settled();
  return { lib, soiree, battle };
}

export async function find(lib: Library, query: string, limit = 10): Promise<SearchResults> {
  await lib.search.settled();
  return value(await lib.search.search(query, limit));
}

export async function highlight(lib: Library, doc: DocumentSummary, exact: string) {
  const start = SOIREE.indexOf(exact);
  return value(
    await lib.highlights.addHighlight(doc.id, {
      color: 'pink',
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
      anchoredVersion: doc.textVersion,
    }),
  );
}
