import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { DocumentSummary, SearchResults } from '../../../preload/api';
import type { Library } from '../library';
import { nodeFileSystem } from '../storage/file-system';
import { bytes, useTempLibrary } from '../test-support';
import { SEARCH_INDEX_VERSION, searchBodyFile, searchEntriesFile, searchIndexFile } from './persist';

const temp = useTempLibrary();
const SOIREE = [
  '# The Soirée',
  '',
  'It was in July, 1805, and the speaker was the well-known Anna Pávlovna Schérer, maid of honour.',
  '',
  '## The Ceasefire',
  '',
  'Prince Vasíli spoke of the armistice and of Genoa and Lucca, now family estates of the Buonapartes.',
].join('\n');
const BATTLE = '# Borodinó\n\nThe cannon smoke hung over the field; nobody spoke of a ceasefire that day.\n';

const value = <T>(result: { ok: true; value: T } | { ok: false; message: string }): T => {
  if (!result.ok) throw new Error(result.message);
  return result.value;
};

async function importDoc(lib: Library, name: string, text: string): Promise<DocumentSummary> {
  const [outcome] = (await lib.documents.importFiles([{ name, bytes: bytes(text) }])).outcomes;
  if (outcome?.status !== 'imported') throw new Error('import failed');
  return outcome.document;
}

async function world() {
  const lib = await temp.open();
  const soiree = await importDoc(lib, 'soiree.md', SOIREE);
  const battle = await importDoc(lib, 'battle.md', BATTLE);
  await lib.search.settled();
  return { lib, soiree, battle };
}

async function find(lib: Library, query: string, limit = 10): Promise<SearchResults> {
  await lib.search.settled();
  return value(await lib.search.search(query, limit));
}

async function highlight(lib: Library, doc: DocumentSummary, exact: string) {
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

const marked = (snippet: { text: string; matches: { start: number; end: number }[] }) =>
  snippet.matches.map((range) => snippet.text.slice(range.start, range.end));

describe('search over the library', () => {
  it('finds titles, passages with their section and offset, with accents folded and typos forgiven', async () => {
    const { lib, soiree } = await world();
    const byTitle = await find(lib, 'soiree');
    expect(byTitle.documents.map((hit) => hit.documentId)).toEqual([soiree.id]);
    expect(marked(byTitle.documents[0]!.snippet)).toEqual(['Soirée']);

    const passages = (await find(lib, 'armistce genoa')).passages;
    expect(passages).toHaveLength(1);
    const [passage] = passages;
    expect(passage).toMatchObject({ documentId: soiree.id, section: 2, heading: 'The Ceasefire' });
    expect(SOIREE.slice(passage!.offset).startsWith('armistice')).toBe(true);
    expect(marked(passage!.snippet)).toEqual(['armistice', 'Genoa']);
  });

  it('ranks a title above body text, and prefixes find whole words', async () => {
    const { lib, soiree, battle } = await world();
    const results = await find(lib, 'borod');
    expect(results.documents[0]?.documentId).toBe(battle.id);
    const both = await find(lib, 'ceasefire');
    expect(both.passages.map((hit) => hit.documentId).toSorted()).toEqual([soiree.id, battle.id].toSorted());
  });

  it('follows highlights, their notes and tags as they are added, edited, retagged and deleted', async () => {
    const { lib, soiree } = await world();
    const added = await highlight(lib, soiree, 'Anna Pávlovna Schérer');
    let results = await find(lib, 'pavlovna');
    expect(results.highlights.map((hit) => hit.highlightId)).toEqual([added.id]);
    expect(results.highlights[0]).toMatchObject({ color: 'pink', documentTitle: 'The Soirée' });

    value(await lib.annotationNotes.setHighlightNote(soiree.id, added.id, 'Hostess of the **salon**'));
    results = await find(lib, 'salon');
    expect(results.notes[0]?.source).toEqual({
      kind: 'highlight-note',
      documentId: soiree.id,
      highlightId: added.id,
    });

    value(await lib.tags.service.setHighlightTags(soiree.id, added.id, ['people/hosts']));
    expect((await find(lib, 'tag:people')).highlights).toHaveLength(1);
    expect((await find(lib, 'tag:places')).highlights).toHaveLength(0);
    value(await lib.tags.changes.renameTag('people', 'characters'));
    expect((await find(lib, 'tag:characters/hosts')).highlights[0]?.tags).toEqual(['characters/hosts']);
    expect((await find(lib, 'tag:people')).highlights).toHaveLength(0);

    expect((await find(lib, 'color:pink')).highlights).toHaveLength(1);
    expect((await find(lib, 'color:yellow')).highlights).toHaveLength(0);
    value(await lib.highlights.deleteHighlight(soiree.id, added.id));
    results = await find(lib, 'pavlovna');
    expect(results.highlights).toHaveLength(0);
    expect(results.notes).toHaveLength(0);
  });

  it('follows standalone notes and documents through rename, trash and restore', async () => {
    const { lib, soiree } = await world();
    const note = value(
      await lib.notes.createNote({ title: 'Thoughts on Lucca', body: 'A duchy, then a fief.' }),
    );
    expect((await find(lib, 'duchy')).notes[0]?.source).toEqual({ kind: 'note', noteId: note.id });
    expect((await find(lib, 'is:note lucca')).passages).toHaveLength(0);
    value(await lib.notes.saveNote(note.id, { body: 'A republic.' }));
    expect((await find(lib, 'duchy')).notes).toHaveLength(0);
    value(await lib.notes.deleteNote(note.id));
    expect((await find(lib, 'republic')).notes).toHaveLength(0);

    value(await lib.documents.renameDocument(soiree.id, 'An Evening in Petersburg'));
    expect((await find(lib, 'petersburg')).documents.map((hit) => hit.title)).toEqual([
      'An Evening in Petersburg',
    ]);
    expect((await find(lib, 'soiree')).documents).toHaveLength(0);
    value(await lib.documents.deleteDocument(soiree.id));
    expect((await find(lib, 'genoa')).passages).toHaveLength(0);
    value(await lib.documents.restoreDocument(soiree.id));
    expect((await find(lib, 'genoa')).passages).toHaveLength(1);
  });

  it('honours phrases, exclusions and in:', async () => {
    const { lib, soiree, battle } = await world();
    expect((await find(lib, '"of honour"')).passages.map((hit) => hit.documentId)).toEqual([soiree.id]);
    expect((await find(lib, '"honour of"')).passages).toHaveLength(0);
    expect((await find(lib, 'ceasefire -cannon')).passages.map((hit) => hit.documentId)).toEqual([soiree.id]);
    expect((await find(lib, 'spoke in:borodino')).passages.map((hit) => hit.documentId)).toEqual([battle.id]);
    // The documents `in:` names follow a rename (the last answer is not kept past a change).
    expect((await find(lib, 'spoke in:petersburg')).passages).toHaveLength(0);
    value(await lib.documents.renameDocument(soiree.id, 'An Evening in Petersburg'));
    expect((await find(lib, 'spoke in:petersburg')).passages.map((hit) => hit.documentId)).toEqual([
      soiree.id,
    ]);
    expect((await find(lib, 'spoke in:soiree')).passages).toHaveLength(0);
  });

  it('answers after a restart exactly as before: highlights, their notes and tags, standalone notes', async () => {
    const { lib, soiree } = await world();
    const added = await highlight(lib, soiree, 'Anna Pávlovna Schérer');
    value(await lib.annotationNotes.setHighlightNote(soiree.id, added.id, 'Hostess of the “salon” — 1805'));
    value(await lib.tags.service.setHighlightTags(soiree.id, added.id, ['people/hosts']));
    value(
      await lib.notes.createNote({ title: 'Thoughts on Lucca', body: 'A duchy, then a fief. 戦争と平和' }),
    );
    const queries = [
      'pavlovna',
      'salon',
      'tag:people',
      'color:pink sch',
      'duchy',
      '戦争',
      'is:note lucca',
      'genoa',
    ];
    const before = await Promise.all(queries.map((query) => find(lib, query)));
    expect(
      before.every((results) => Object.values(results).some((r) => Array.isArray(r) && r.length > 0)),
    ).toBe(true);
    await lib.close();
    const reopened = await temp.open();
    await reopened.search.settled();
    expect(reopened.search.status().origin).toBe('file');
    expect(await Promise.all(queries.map((query) => find(reopened, query)))).toEqual(before);
  });

  it('answers hostile queries without failing, and never returns markup in a snippet', async () => {
    const { lib } = await world();
    const queries = [
      '',
      '   ',
      '"',
      '"unbalanced',
      'tag:',
      '-',
      '-"',
      'x'.repeat(10_000),
      '.*+?^${}()|[]\\',
      'is:note tag: color:',
    ];
    for (const query of queries) {
      const result = await lib.search.search(query, 5);
      expect(result.ok).toBe(true);
    }
    await importDoc(lib, 'evil.md', '# Evil\n\n<img src=x onerror=alert(1)> payload here\n');
    const [hit] = (await find(lib, 'payload')).passages;
    // The snippet is the passage as a reader sees it: the tag's words, never the tag itself.
    expect(hit?.snippet.text).toContain('payload here');
    expect(hit?.snippet.text).not.toMatch(/[<>]|onerror/);
    expect(marked(hit!.snippet)).toEqual(['payload']);
  });
});

describe('the persisted index', () => {
  it('is saved at close and loaded at the next start, catching up with changes made meanwhile', async () => {
    const { lib } = await world();
    await lib.close();
    const file = searchIndexFile(lib.paths);
    const saved = JSON.parse((await nodeFileSystem.readFile(file)).toString('utf8')) as { version: number };
    expect(saved.version).toBe(SEARCH_INDEX_VERSION);
    const reopened = await temp.open();
    await reopened.search.settled();
    expect(reopened.search.status()).toMatchObject({ origin: 'file', entries: expect.any(Number) as number });
    expect((await find(reopened, 'genoa')).passages).toHaveLength(1);
  });

  it.each([
    [
      'corrupt',
      '{"format": "lectern-search-index", "version": 1, "signatures": [], "data": {"nonsense": true',
    ],
    [
      'from another version',
      JSON.stringify({ format: 'lectern-search-index', version: 999, signatures: [], data: {} }),
    ],
  ])('is rebuilt and reported when %s, and nothing is lost', async (_, content) => {
    const { lib } = await world();
    await lib.close();
    await writeFile(searchIndexFile(lib.paths), content);
    const reopened = await temp.open();
    expect((await find(reopened, 'genoa')).passages).toHaveLength(1);
    expect(reopened.search.status().origin).toBe('built');
    const info = reopened.app.getLibraryInfo();
    expect(info.notices.map((notice) => notice.message).join()).toMatch(/search index is being rebuilt/);
    expect(reopened.catalog.list()).toHaveLength(2);
  });

  it.each([
    ['truncated', (file: Buffer) => file.subarray(0, file.length - 5)],
    [
      'changed after its checksum was written',
      (file: Buffer) => Buffer.from(file).fill(0x41, file.length - 40, file.length - 38),
    ],
  ])('is rebuilt and reported when a binary file is %s, and nothing is lost', async (_, damage) => {
    const { lib } = await world();
    await lib.close();
    const entries = searchEntriesFile(lib.paths);
    const pristine = await nodeFileSystem.readFile(entries);
    await writeFile(entries, damage(pristine));
    const rebuilt = await temp.open();
    expect((await find(rebuilt, 'genoa')).passages).toHaveLength(1);
    expect((await find(rebuilt, 'borodino')).documents).toHaveLength(1);
    expect(rebuilt.search.status().origin).toBe('built');
    const notices = () =>
      rebuilt.app
        .getLibraryInfo()
        .notices.map((notice) => notice.message)
        .join();
    expect(notices()).toMatch(/search index is being rebuilt: the file is damaged/);
    await rebuilt.close();
    // The passages' file, read after search answers: its text is indexed again, the rest kept.
    const body = searchBodyFile(lib.paths);
    await writeFile(body, damage(await nodeFileSystem.readFile(body)));
    const mended = await temp.open();
    expect((await find(mended, 'genoa')).passages).toHaveLength(1);
    expect(mended.search.status().origin).toBe('file');
    expect(
      mended.app
        .getLibraryInfo()
        .notices.map((notice) => notice.message)
        .join(),
    ).toMatch(/text is being rebuilt: its file is damaged/);
    expect(mended.catalog.list()).toHaveLength(2);
  });

  it('is rebuilt once from the previous version (its passages kept no words in order), then loaded', async () => {
    const { lib } = await world();
    await lib.close();
    const file = searchIndexFile(lib.paths);
    const saved = JSON.parse((await nodeFileSystem.readFile(file)).toString('latin1')) as { version: number };
    await writeFile(file, JSON.stringify({ ...saved, version: 4 }));
    const rebuilt = await temp.open();
    await rebuilt.search.settled();
    expect(rebuilt.search.status().origin).toBe('built');
    expect((await find(rebuilt, '"genoa and lucca"')).passages).toHaveLength(1);
    expect((await find(rebuilt, '"lucca and genoa"')).passages).toHaveLength(0);
    await rebuilt.close();
    const reopened = await temp.open();
    await reopened.search.settled();
    expect(reopened.search.status().origin).toBe('file');
    expect((await find(reopened, '"genoa and lucca"')).passages).toHaveLength(1);
  });

  it('finds a word deep in a large book after a restart, at its place, and mends a passages file from another save', async () => {
    const { lib } = await world();
    const chapters = Array.from({ length: 200 }, (_, n) => {
      const scene = n === 150 ? 'At Otrádnoe the samovar hissed while Natásha sang. ' : '';
      return `## Chapter ${n + 1}\n\n${scene}${SOIREE.split('\n').slice(2).join(' ').repeat(4)}\n`;
    });
    const book = `# A Long Book\n\n${chapters.join('\n')}`;
    const doc = await importDoc(lib, 'long.md', book);
    await lib.close();
    const savedBody = await nodeFileSystem.readFile(searchBodyFile(lib.paths));
    const reopened = await temp.open();
    await reopened.search.ready();
    // Titles answer at once, before the passages' file is read.
    const early = value(await reopened.search.search('long book', 5));
    expect(early.documents.map((hit) => hit.documentId)).toEqual([doc.id]);
    expect(reopened.search.status().origin).toBe('file');
    for (const query of ['samovar', 'samovr', 'otradnoe samov']) {
      const [hit] = (await find(reopened, query)).passages;
      expect(hit).toMatchObject({ documentId: doc.id, heading: 'Chapter 151' });
      expect(book.slice(hit!.offset)).toMatch(/^(samovar|Otrádnoe)/);
    }
    value(await reopened.documents.renameDocument(doc.id, 'A Longer Book'));
    await reopened.close();
    // A passages' file left by an earlier save beside the newer files: refused, rebuilt, reported.
    await writeFile(searchBodyFile(lib.paths), savedBody);
    const mended = await temp.open();
    expect((await find(mended, 'samovar')).passages.map((hit) => hit.documentId)).toEqual([doc.id]);
    const notices = mended.app.getLibraryInfo().notices.map((notice) => notice.message);
    expect(notices.join()).toMatch(/text is being rebuilt: its file is damaged/);
  });
});
