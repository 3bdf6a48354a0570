import { describe, expect, it } from 'vitest';
import { useTempLibrary } from '../test-support';
import { SOIREE, find, highlight, importDoc, value, world as worldIn } from './test-world';

const temp = useTempLibrary();
const world = () => worldIn(temp);

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

  it('folds every title while warming up, so the first in: keystroke does not', async () => {
    const { lib } = await world();
    await lib.close();
    const reopened = await temp.open();
    await reopened.search.settled();
    expect(reopened.catalog.list().length).toBe(2);
    expect(reopened.search['titles'].size).toBe(2);
  });
});
