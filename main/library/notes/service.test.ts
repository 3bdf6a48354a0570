import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentSummary, LibraryNotice } from '../../../preload/api';
import type { Library } from '../library';
import { bytes, useTempLibrary } from '../test-support';
import type { NoteSourceChange } from './service';

const BERLIN = `There is a line among the fragments of the Greek poet Archilochus which says: “The fox knows
many things, but the hedgehog knows one big thing.”`;
const hostile: { payload: string }[] = JSON.parse(
  await fs.readFile(path.resolve(import.meta.dirname, '../../../e2e/fixtures/hostile/cases.json'), 'utf8'),
);

const library = useTempLibrary();
const notesDir = () => path.join(library.root, 'notes');

async function importOne(lib: Library): Promise<DocumentSummary> {
  const report = await lib.documents.importFiles([
    { name: 'fox.md', bytes: bytes(`# The Fox\n\n${BERLIN}\n`) },
  ]);
  const outcome = report.outcomes[0];
  if (outcome?.status !== 'imported') throw new Error('setup');
  return outcome.document;
}

describe('standalone notes', () => {
  it('creates, saves and reads back a note as notes/<id>.md with front matter, after reopening', async () => {
    const lib = await library.open();
    const created = await lib.notes.createNote({
      title: 'Berlin: “Hedgehog” #1',
      tags: ['Essays', 'essays'],
    });
    if (!created.ok) throw new Error(created.message);
    const saved = await lib.notes.saveNote(created.value.id, { body: BERLIN });
    expect(saved.ok && saved.value.excerpt.startsWith('There is a line')).toBe(true);
    const text = await fs.readFile(path.join(notesDir(), `${created.value.id}.md`), 'utf8');
    expect(text).toMatch(
      /^---\nid: "[0-9a-f]{16}"\ntitle: "Berlin: “Hedgehog” #1"\ntags:\n {2}- "Essays"\n/u,
    );
    expect(text.endsWith(`---\n${BERLIN}`)).toBe(true);
    const reopened = await library.open();
    expect(reopened.notes.getNote(created.value.id)).toMatchObject({
      ok: true,
      value: { title: 'Berlin: “Hedgehog” #1', tags: ['Essays'], body: BERLIN },
    });
  });

  it('lists by last update, newest first', async () => {
    const lib = await library.open();
    const ids = [];
    for (const title of ['first', 'second', 'third']) {
      const created = await lib.notes.createNote({ title });
      if (created.ok) ids.push(created.value.id);
    }
    await lib.notes.saveNote(ids[0] ?? '', { body: 'touched' });
    expect(lib.notes.listNotes().map((note) => note.title)).toEqual(['first', 'third', 'second']);
    expect(lib.notes.listNotes()[0]).not.toHaveProperty('body');
  });

  it('deletes to the notes trash and restores, across a reopen', async () => {
    const lib = await library.open();
    const created = await lib.notes.createNote({ title: 'Trash me', body: 'kept' });
    if (!created.ok) throw new Error('setup');
    const { id } = created.value;
    expect(await lib.notes.deleteNote(id)).toEqual({ ok: true, value: null });
    expect(lib.notes.listNotes()).toEqual([]);
    expect(lib.notes.getNote(id)).toMatchObject({ ok: false, code: 'not-found' });
    const again = await library.open();
    expect(again.notes.listTrashed()).toMatchObject([{ id, title: 'Trash me' }]);
    expect(await again.notes.restoreNote(id)).toMatchObject({ ok: true, value: { body: 'kept' } });
    expect(again.notes.listTrashed()).toEqual([]);
    expect((await library.open()).notes.listNotes().map((note) => note.id)).toEqual([id]);
  });

  it('keeps a file edited into invalid YAML aside: reported, listed, never overwritten', async () => {
    const lib = await library.open();
    const created = await lib.notes.createNote({ title: 'Good', body: 'body' });
    if (!created.ok) throw new Error('setup');
    const file = path.join(notesDir(), `${created.value.id}.md`);
    const broken = '---\nid: [oops\ntitle: "unterminated\n---\nThe reader’s precious text.\n';
    await fs.writeFile(file, broken);
    // Saving while the app runs refuses to write over the outside edit.
    expect(await lib.notes.saveNote(created.value.id, { body: 'new' })).toMatchObject({
      ok: false,
      code: 'stale',
    });
    await fs.writeFile(path.join(notesDir(), 'no-id.md'), '---\ntitle: Loose\n---\ntext\n');
    const notices: LibraryNotice[] = [];
    const reopened = await library.open();
    notices.push(...reopened.app.getLibraryInfo().notices);
    expect(reopened.notes.listNotes()).toEqual([]);
    expect(
      reopened.notes
        .listUnreadable()
        .map((entry) => entry.fileName)
        .toSorted(),
    ).toEqual([`${created.value.id}.md`, 'no-id.md'].toSorted());
    expect(notices.filter((notice) => notice.message.includes('could not be read'))).toHaveLength(2);
    const fresh = await reopened.notes.createNote({ title: 'Another' });
    expect(fresh.ok).toBe(true);
    expect(await fs.readFile(file, 'utf8')).toBe(broken);
  });

  it('takes a 1 MB note and refuses one past the cap with a message, changing nothing', async () => {
    const lib = await library.open();
    const megabyte = `${BERLIN}\n\n`.repeat(Math.ceil(1_000_000 / (BERLIN.length + 2)));
    const created = await lib.notes.createNote({ title: 'Long', body: megabyte });
    if (!created.ok) throw new Error(created.message);
    const tooLong = await lib.notes.saveNote(created.value.id, { body: megabyte.repeat(3) });
    expect(tooLong).toMatchObject({ ok: false, code: 'too-large' });
    expect(!tooLong.ok && tooLong.message).toMatch(/at most 2,000,000/);
    expect((await library.open()).notes.getNote(created.value.id)).toMatchObject({
      value: { body: megabyte },
    });
  });

  it('stores every hostile payload verbatim, as title and body', async () => {
    const lib = await library.open();
    const ids: string[] = [];
    for (const { payload } of hostile) {
      const created = await lib.notes.createNote({ title: payload.slice(0, 500), body: payload });
      if (!created.ok) throw new Error(created.message);
      ids.push(created.value.id);
    }
    const reopened = await library.open();
    expect(ids.map((id) => reopened.notes.getNote(id))).toEqual(
      hostile.map(({ payload }) =>
        expect.objectContaining({ value: expect.objectContaining({ body: payload }) }),
      ),
    );
  });

  it('counts and rewrites tags in every note durably', async () => {
    const lib = await library.open();
    await lib.notes.createNote({ title: 'a', tags: ['politics/armenia', 'War'] });
    await lib.notes.createNote({ title: 'b', tags: ['war'] });
    expect([...lib.notes.tagUses()]).toEqual([
      ['politics/armenia', 1],
      ['War', 2],
    ]);
    await lib.notes.rewriteTags((tag) =>
      tag.toLowerCase() === 'war' ? null : tag.replace('politics', 'world'),
    );
    const reopened = await library.open();
    expect(reopened.notes.listNotes().map((note) => note.tags)).toEqual([[], ['world/armenia']]);
  });
});

describe('highlight and document notes', () => {
  it('stores them in the annotations file, delivers the document note on open, and raises changes', async () => {
    const lib = await library.open();
    const doc = await importOne(lib);
    const added = await lib.highlights.addHighlight(doc.id, {
      color: 'yellow',
      quote: { type: 'TextQuoteSelector', exact: 'fox', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 2, end: 5 },
      anchoredVersion: doc.textVersion,
    });
    if (!added.ok) throw new Error(added.message);
    const changes: NoteSourceChange[] = [];
    lib.notes.onChange((change) => changes.push(change));
    const note = await lib.annotationNotes.setHighlightNote(doc.id, added.value.id, '**Berlin** on Tolstoy');
    expect(note).toMatchObject({ ok: true, value: { note: '**Berlin** on Tolstoy' } });
    expect(await lib.annotationNotes.setDocumentNote(doc.id, 'Read in 1953.')).toEqual({
      ok: true,
      value: null,
    });
    const created = await lib.notes.createNote({ title: 'x' });
    if (created.ok) await lib.notes.deleteNote(created.value.id);
    expect(changes).toEqual([
      { kind: 'highlight-note', documentId: doc.id, highlightId: added.value.id },
      { kind: 'document-note', documentId: doc.id },
      { kind: 'note', id: created.ok ? created.value.id : '', removed: false },
      { kind: 'note', id: created.ok ? created.value.id : '', removed: true },
    ]);
    const reopened = await library.open();
    const start = await reopened.opener.openDocumentStart(doc.id);
    expect(start?.documentNote).toBe('Read in 1953.');
    expect(start?.highlights[0]?.note).toBe('**Berlin** on Tolstoy');
    expect(await reopened.annotationNotes.setHighlightNote(doc.id, 'ffffffffffffffff', 'x')).toMatchObject({
      ok: false,
      code: 'not-found',
    });
  });

  it('migrates a version 2 annotations file to version 3 with no document note', async () => {
    const lib = await library.open();
    const doc = await importOne(lib);
    await lib.close();
    const file = path.join(library.root, 'annotations', `${doc.id}.json`);
    const v2 = { schemaVersion: 2, position: null, highlights: [] };
    await fs.writeFile(file, JSON.stringify(v2));
    const reopened = await library.open();
    expect((await reopened.opener.openDocumentStart(doc.id))?.documentNote).toBeNull();
    await reopened.annotationNotes.setDocumentNote(doc.id, 'now a note');
    // The note is a record in the log; folding it in rewrites the file in the current version.
    await reopened.annotations.fold(doc.id);
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toMatchObject({
      schemaVersion: 3,
      documentNote: 'now a note',
    });
  });
});
