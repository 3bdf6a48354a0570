import { describe, expect, it } from 'vitest';
import type { DocumentSummary, LinkSource, LinksChange } from '../../../preload/api';
import { formatLink } from '../../../common/links';
import { Trash } from '../documents/trash';
import type { Library } from '../library';
import { nodeFileSystem } from '../storage/file-system';
import { bytes, useTempLibrary } from '../test-support';
import { FakeNotes } from './fake-notes';
import { LinksService } from './service';

const temp = useTempLibrary();
const NOTE_A = 'aaaaaaaaaaaaaaaa';
const NOTE_B = 'bbbbbbbbbbbbbbbb';
const GONE = '0000000000000000';
const noteA: LinkSource = { kind: 'note', noteId: NOTE_A };
const noteB: LinkSource = { kind: 'note', noteId: NOTE_B };
const TEXT =
  '# The Soirée\n\nIt was in July, 1805, and the speaker was the well-known Anna Pávlovna Schérer.';

async function world() {
  const lib = await temp.open();
  const [outcome] = (await lib.documents.importFiles([{ name: 'soiree.md', bytes: bytes(TEXT) }])).outcomes;
  if (outcome?.status !== 'imported') throw new Error('import failed');
  const doc = outcome.document;
  const notes = new FakeNotes();
  return { lib, doc, notes, links: () => linksFor(lib, notes) };
}

async function linksFor(lib: Library, notes: FakeNotes): Promise<LinksService> {
  const trash = new Trash(nodeFileSystem, lib.paths, () => undefined);
  const service = new LinksService({ catalog: lib.catalog, trash, annotations: lib.annotations, notes });
  service.start();
  await service.settled();
  return service;
}

async function highlightIn(lib: Library, doc: DocumentSummary, exact = 'Anna Pávlovna Schérer') {
  const start = TEXT.indexOf(exact) - '# '.length - 1;
  const result = await lib.highlights.addHighlight(doc.id, {
    color: 'yellow',
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
    anchoredVersion: doc.textVersion,
  });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

const value = <T>(result: { ok: true; value: T } | { ok: false; message: string }): T => {
  if (!result.ok) throw new Error(result.message);
  return result.value;
};

describe('the backlink index', () => {
  it('is built at start: backlinks with snippets, self links and cycles', async () => {
    const { doc, notes, links } = await world();
    notes.put(
      noteA,
      `Compare ${formatLink({ kind: 'note', noteId: NOTE_B })} and me: [[lectern:note/${NOTE_A}]]`,
      'Alpha',
    );
    notes.put(
      noteB,
      `Back to ${formatLink({ kind: 'note', noteId: NOTE_A }, 'Alpha')} about ${formatLink({ kind: 'doc', documentId: doc.id }, 'the soirée')}.`,
      'Beta',
    );
    const service = await links();
    const toA = value(await service.getBacklinks(`note/${NOTE_A}`));
    expect(toA.map((link) => link.sourceTitle)).toEqual(['Alpha', 'Beta']);
    expect(toA[1]?.snippet).toContain('Back to [[lectern:note/');
    expect(value(await service.getBacklinks(`note/${NOTE_B}`)).map((link) => link.sourceKey)).toEqual([
      `note/${NOTE_A}`,
    ]);
    expect(value(await service.getDocumentLinks(doc.id)).document).toHaveLength(1);
  });

  it('follows note changes: a link added, edited away, a note deleted', async () => {
    const { doc, lib, notes, links } = await world();
    const service = await links();
    const changes: LinksChange[] = [];
    service.onChange((change) => changes.push(change));
    const highlight = await highlightIn(lib, doc);
    const target = `highlight/${doc.id}/${highlight.id}`;
    notes.put(noteA, `The hostess: [[lectern:${target}|Anna]]`, 'Hostess');
    notes.put(
      { kind: 'document-note', documentId: doc.id },
      `Self: [[lectern:doc/${doc.id}]] and [[lectern:${target}]]`,
      'The Soirée',
    );
    await service.settled();
    expect(value(await service.getBacklinks(target))).toHaveLength(2);
    const documentLinks = value(await service.getDocumentLinks(doc.id));
    expect(documentLinks.highlights).toEqual([{ highlightId: highlight.id, backlinks: expect.any(Array) }]);
    notes.put(noteA, 'The hostess, unlinked.', 'Hostess');
    await service.settled();
    expect(value(await service.getBacklinks(target)).map((link) => link.sourceTitle)).toEqual(['The Soirée']);
    notes.removeNote(NOTE_A, 'deleted');
    notes.put({ kind: 'document-note', documentId: doc.id }, '', 'The Soirée');
    await service.settled();
    expect(value(await service.getBacklinks(target))).toEqual([]);
    expect(value(await service.getDocumentLinks(doc.id))).toEqual({ document: [], highlights: [] });
    expect(changes.some((change) => change.sources.includes(`note/${NOTE_A}`))).toBe(true);
  });

  it('hides the notes of a document in the trash, and shows them again on restore', async () => {
    const { doc, lib, notes, links } = await world();
    notes.put({ kind: 'document-note', documentId: doc.id }, `See [[lectern:note/${NOTE_B}]]`, 'The Soirée');
    const service = await links();
    value(await lib.documents.deleteDocument(doc.id));
    expect(value(await service.getBacklinks(`note/${NOTE_B}`))).toEqual([]);
    value(await lib.documents.restoreDocument(doc.id));
    expect(value(await service.getBacklinks(`note/${NOTE_B}`))).toHaveLength(1);
  });
});

describe('resolution', () => {
  it('follows a rename, a delete to the trash and a restore', async () => {
    const { doc, lib, links } = await world();
    const highlight = await highlightIn(lib, doc);
    const service = await links();
    const keys = [`doc/${doc.id}`, `highlight/${doc.id}/${highlight.id}`];
    value(await lib.documents.renameDocument(doc.id, 'Anna’s Soirée'));
    expect(value(await service.resolveLinks(keys))).toMatchObject([
      { status: 'ok', title: 'Anna’s Soirée' },
      { status: 'ok', title: 'Anna Pávlovna Schérer', context: 'Anna’s Soirée' },
    ]);
    value(await lib.documents.deleteDocument(doc.id));
    const trashed = value(await service.resolveLinks(keys));
    expect(trashed.map((link) => link.status)).toEqual(['trashed', 'trashed']);
    expect(trashed[0]?.reason).toContain('“Anna’s Soirée” is in the trash');
    value(await lib.documents.restoreDocument(doc.id));
    expect(value(await service.resolveLinks(keys)).map((link) => link.status)).toEqual(['ok', 'ok']);
    value(await lib.highlights.deleteHighlight(doc.id, highlight.id));
    expect(value(await service.resolveLinks(keys))[1]).toMatchObject({
      status: 'missing',
      title: 'Deleted passage',
    });
  });

  it('names missing, trashed and malformed targets and says why', async () => {
    const { notes, links } = await world();
    notes.put(noteA, 'x', 'Alpha');
    notes.removeNote(NOTE_A, 'trashed');
    const service = await links();
    const resolved = value(
      await service.resolveLinks([`note/${NOTE_A}`, `note/${GONE}`, `doc/${GONE}`, 'video/1', 'doc/XYZ']),
    );
    expect(resolved.map((link) => link.status)).toEqual([
      'trashed',
      'missing',
      'missing',
      'missing',
      'missing',
    ]);
    expect(resolved[0]?.reason).toContain('“Alpha” is in the trash');
    expect(resolved[3]?.reason).toContain('malformed');
    expect(resolved.every((link) => link.status === 'ok' || (link.reason ?? '') !== '')).toBe(true);
  });
});

describe('broken links', () => {
  it('lists them, re-points one, removes one and refuses a stale repair', async () => {
    const { doc, notes, links } = await world();
    notes.put(
      noteA,
      `One [[lectern:doc/${GONE}|Lost]] two [[lectern:video/${GONE}]] three [[lectern:doc/${doc.id}]]`,
      'Alpha',
    );
    const service = await links();
    const broken = value(await service.listBrokenLinks());
    expect(broken.map((link) => [link.raw, link.status])).toEqual([
      [`[[lectern:doc/${GONE}|Lost]]`, 'missing'],
      [`[[lectern:video/${GONE}]]`, 'missing'],
    ]);
    const [lost, video] = broken;
    if (lost === undefined || video === undefined) throw new Error('setup');
    value(await service.repairLink(lost, null));
    expect(await service.repairLink(video, null)).toMatchObject({ ok: false, code: 'stale' });
    await service.settled();
    const [again] = value(await service.listBrokenLinks());
    if (again === undefined) throw new Error('setup');
    value(await service.repairLink(again, { kind: 'doc', documentId: doc.id }));
    await service.settled();
    expect(value(await service.listBrokenLinks())).toEqual([]);
    expect(notes.texts.get(`note/${NOTE_A}`)?.text).toBe(
      `One Lost two [[lectern:doc/${doc.id}]] three [[lectern:doc/${doc.id}]]`,
    );
  });
});

describe('search', () => {
  it('finds documents, notes and highlights by title or quote', async () => {
    const { doc, lib, notes, links } = await world();
    await highlightIn(lib, doc, 'well-known Anna');
    notes.put(noteA, 'text', 'On Anna');
    const service = await links();
    const found = value(await service.findLinkTargets('anna', 10));
    expect(found.map((suggestion) => [suggestion.target.kind, suggestion.title])).toEqual([
      ['note', 'On Anna'],
      ['highlight', 'well-known Anna'],
    ]);
    expect(value(await service.findLinkTargets('SOIRÉE', 10)).map((s) => s.detail)).toEqual(['Document']);
    expect(value(await service.findLinkTargets('', 1))).toHaveLength(1);
  });
});

describe('wired to the real notes', () => {
  it('indexes a saved note, a highlight note, and a note reopened from disk', async () => {
    const { lib, doc } = await world();
    const highlight = await highlightIn(lib, doc);
    const target = `highlight/${doc.id}/${highlight.id}`;
    const note = value(
      await lib.notes.createNote({ title: 'On the hostess', body: `She is [[lectern:${target}|Anna]].` }),
    );
    value(await lib.annotationNotes.setDocumentNote(doc.id, `About [[lectern:note/${note.id}]]`));
    await lib.links.settled();
    expect(value(await lib.links.getBacklinks(target)).map((link) => link.sourceTitle)).toEqual([
      'On the hostess',
    ]);
    expect(value(await lib.links.getBacklinks(`note/${note.id}`))[0]?.sourceTitle).toBe('Note on The Soirée');
    const reopened = await temp.open();
    expect(value(await reopened.links.getBacklinks(target))).toHaveLength(1);
    value(await reopened.notes.deleteNote(note.id));
    await reopened.links.settled();
    expect(value(await reopened.links.getBacklinks(target))).toEqual([]);
    expect(value(await reopened.links.resolveLinks([`note/${note.id}`]))[0]?.status).toBe('trashed');
  });
});
