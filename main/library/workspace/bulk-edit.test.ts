/**
 * Bulk edits across documents: tag, untag, recolour, delete; undo puts back exactly what was there;
 * a write failing part way reports what changed, keeps memory equal to disk, and is undoable.
 */
import { describe, expect, it } from 'vitest';
import type { HighlightRef, HighlightsEdit, TagInfo } from '../../../preload/api';
import { openLibrary, type Library } from '../library';
import { FaultFileSystem } from '../storage/fault-file-system';
import { makeTempDir, removeDir, steppingClock, useTempLibrary } from '../test-support';
import { FRANKENSTEIN, PRIDE, highlight, importText, tagged } from './test-fixtures';

const temp = useTempLibrary();

async function threeHighlights(lib: Library) {
  const pride = await importText(lib, 'pride.md', PRIDE);
  const frank = await importText(lib, 'frankenstein.md', FRANKENSTEIN);
  const truth = await tagged(lib, await highlight(lib, pride, PRIDE, 'a truth universally acknowledged'), [
    'irony',
  ]);
  const wife = await highlight(lib, pride, PRIDE, 'single man in possession', 'pink');
  await lib.annotationNotes.setHighlightNote(pride.id, wife.id, 'See [[lectern:doc/' + frank.id + ']].');
  const cafe = await highlight(lib, frank, FRANKENSTEIN, 'the cost of a café in Genève', 'green');
  const refs: HighlightRef[] = [truth, wife, cafe].map((h) => ({
    documentId: h.documentId,
    highlightId: h.id,
  }));
  return { pride, frank, refs };
}

const highlightsOf = async (lib: Library, id: string) => (await lib.annotations.read(id)).highlights;
const uses = (tags: TagInfo[], name: string) => tags.find((tag) => tag.name === name)?.highlights ?? 0;

async function edited(lib: Library, refs: HighlightRef[], edit: HighlightsEdit) {
  const outcome = await lib.workspace.editHighlights(refs, edit);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value;
}

describe('bulk edits', () => {
  it('tags three highlights in two documents, once each, and undo takes the tag off again', async () => {
    const lib = await temp.open();
    const { pride, frank, refs } = await threeHighlights(lib);
    const before = [await highlightsOf(lib, pride.id), await highlightsOf(lib, frank.id)];
    const outcome = await edited(lib, [...refs, ...refs], { kind: 'tag', tag: '  War and Peace ' });
    expect(outcome).toMatchObject({ changed: 3, documents: 2, unchanged: 0, failure: null });
    const found = await lib.workspace.query({
      filter: { tags: ['war-and-peace'] },
      grouping: 'date',
      offset: 0,
      limit: 50,
    });
    expect(found.ok && found.value.matching).toBe(3);
    const listed = await lib.tags.service.listTags();
    expect(listed.ok && uses(listed.value, 'War-and-Peace')).toBe(3);
    const again = await edited(lib, refs, { kind: 'tag', tag: 'war-and-peace' });
    expect(again).toMatchObject({ changed: 0, unchanged: 3, undoToken: null });

    const undone = await lib.workspace.undoHighlightsEdit(outcome.undoToken ?? '');
    expect(undone).toEqual({ ok: true, value: { restored: 3, skipped: 0, failure: null } });
    expect([await highlightsOf(lib, pride.id), await highlightsOf(lib, frank.id)]).toEqual(before);
    const relisted = await lib.tags.service.listTags();
    expect(relisted.ok && uses(relisted.value, 'War-and-Peace')).toBe(0);
    expect(await lib.workspace.undoHighlightsEdit(outcome.undoToken ?? '')).toMatchObject({
      ok: false,
      code: 'not-found',
    });
  });

  it('untags by identity and recolours, leaving alone those that need no change', async () => {
    const lib = await temp.open();
    const { pride, refs } = await threeHighlights(lib);
    expect(await edited(lib, refs, { kind: 'untag', tag: 'IRONY' })).toMatchObject({
      changed: 1,
      unchanged: 2,
    });
    expect((await highlightsOf(lib, pride.id))[0]).toMatchObject({ tags: [], tagIds: [] });
    expect(await edited(lib, refs, { kind: 'recolor', color: 'pink' })).toMatchObject({ changed: 2 });
    const colours = [...(await highlightsOf(lib, pride.id))].map((h) => h.color);
    expect(colours).toEqual(['pink', 'pink']);
  });

  it('deletes across documents and undo brings each back with its id, note, tags and place', async () => {
    const lib = await temp.open();
    const { pride, frank, refs } = await threeHighlights(lib);
    const before = [await highlightsOf(lib, pride.id), await highlightsOf(lib, frank.id)];
    const outcome = await edited(lib, refs.slice(0, 3), { kind: 'delete' });
    expect(outcome).toMatchObject({ changed: 3, documents: 2 });
    expect(await highlightsOf(lib, pride.id)).toEqual([]);
    expect(lib.catalog.get(pride.id)?.highlightCount).toBe(0);
    const undone = await lib.workspace.undoHighlightsEdit(outcome.undoToken ?? '');
    expect(undone.ok && undone.value.restored).toBe(3);
    expect([await highlightsOf(lib, pride.id), await highlightsOf(lib, frank.id)]).toEqual(before);
    expect(lib.catalog.get(pride.id)?.highlightCount).toBe(2);
    const listed = await lib.tags.service.listTags();
    expect(listed.ok && uses(listed.value, 'irony')).toBe(1);
  });

  it('undo leaves alone a highlight changed again since the edit', async () => {
    const lib = await temp.open();
    const { pride, refs } = await threeHighlights(lib);
    const outcome = await edited(lib, refs, { kind: 'recolor', color: 'blue' });
    const first = refs[0] as HighlightRef;
    await lib.highlights.updateHighlight(pride.id, first.highlightId, { color: 'orange' });
    const undone = await lib.workspace.undoHighlightsEdit(outcome.undoToken ?? '');
    expect(undone.ok && undone.value).toMatchObject({ restored: 2, skipped: 1 });
    expect((await highlightsOf(lib, pride.id)).map((h) => h.color)).toEqual(['orange', 'pink']);
  });

  it('refuses a selection past the limit and a tag that cannot be one, changing nothing', async () => {
    const lib = await temp.open();
    const { pride, refs } = await threeHighlights(lib);
    const many = Array.from({ length: 1001 }, (_, index) => ({
      documentId: pride.id,
      highlightId: index.toString(16).padStart(16, '0'),
    }));
    const tooMany = await lib.workspace.editHighlights(many, { kind: 'delete' });
    expect(tooMany).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(!tooMany.ok && tooMany.message).toContain('At most 1000 highlights');
    const badTag = await lib.workspace.editHighlights(refs, { kind: 'tag', tag: 'a#b' });
    expect(badTag).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(await highlightsOf(lib, pride.id)).toHaveLength(2);
  });

  it('counts highlights of a trashed document as unchanged', async () => {
    const lib = await temp.open();
    const { frank, refs } = await threeHighlights(lib);
    await lib.documents.deleteDocument(frank.id);
    expect(await edited(lib, refs, { kind: 'recolor', color: 'purple' })).toMatchObject({
      changed: 2,
      unchanged: 1,
    });
  });
});

describe('a bulk edit failing part way', () => {
  it('says what changed, keeps memory equal to disk, and undoes what it did', async () => {
    const root = await makeTempDir('lectern-bulk-faults-');
    const fsys = new FaultFileSystem();
    let lib = await openLibrary({ root, fileSystem: fsys, now: steppingClock() });
    try {
      const { pride, frank, refs } = await threeHighlights(lib);
      await lib.workspace.query({ filter: {}, grouping: 'document', offset: 0, limit: 10 });
      const frankBefore = await highlightsOf(lib, frank.id);
      // Pride (first in the selection) is written; Frankenstein's write fails: the disk is full.
      fsys.inject({ step: 'write', effect: 'ENOSPC', pathIncludes: `${frank.id}.log`, persistent: true });
      const outcome = await lib.workspace.editHighlights(refs, { kind: 'recolor', color: 'purple' });
      expect(outcome.ok && outcome.value).toMatchObject({
        changed: 2,
        documents: 1,
        failure: { code: 'disk-full', highlightsLeft: 1 },
      });
      expect(await highlightsOf(lib, frank.id)).toEqual(frankBefore);
      const purple = await lib.workspace.query({
        filter: { colors: ['purple'] },
        grouping: 'document',
        offset: 0,
        limit: 10,
      });
      expect(purple.ok && purple.value.matching).toBe(2);

      // Everything failing: a plain failure, nothing kept to undo.
      const failed = await lib.workspace.editHighlights(refs.slice(2), { kind: 'delete' });
      expect(failed).toMatchObject({ ok: false, code: 'disk-full' });

      fsys.clear();
      await lib.close();
      lib = await openLibrary({ root, fileSystem: fsys, now: steppingClock() });
      expect((await highlightsOf(lib, pride.id)).map((h) => h.color)).toEqual(['purple', 'purple']);
      expect(await highlightsOf(lib, frank.id)).toEqual(frankBefore);
    } finally {
      await lib.close();
      await removeDir(root);
    }
  });

  it('an undo failing part way can be retried with the same token', async () => {
    const root = await makeTempDir('lectern-bulk-faults-');
    const fsys = new FaultFileSystem();
    const lib = await openLibrary({ root, fileSystem: fsys, now: steppingClock() });
    try {
      const { pride, frank, refs } = await threeHighlights(lib);
      const before = [await highlightsOf(lib, pride.id), await highlightsOf(lib, frank.id)];
      const outcome = await edited(lib, refs, { kind: 'delete' });
      fsys.inject({ step: 'fsync', effect: 'EIO', pathIncludes: `${frank.id}.log` });
      const partly = await lib.workspace.undoHighlightsEdit(outcome.undoToken ?? '');
      expect(partly.ok && partly.value).toMatchObject({
        restored: 2,
        failure: { code: 'io', highlightsLeft: 1 },
      });
      const rest = await lib.workspace.undoHighlightsEdit(outcome.undoToken ?? '');
      expect(rest).toEqual({ ok: true, value: { restored: 1, skipped: 0, failure: null } });
      expect([await highlightsOf(lib, pride.id), await highlightsOf(lib, frank.id)]).toEqual(before);
    } finally {
      await lib.close();
      await removeDir(root);
    }
  });
});
