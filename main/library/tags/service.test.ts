/** The tags domain through the contract's handlers on a real library folder. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentSummary, Highlight, Result } from '../../../preload/api';
import { type ApiHandlers, createHandlers } from '../handlers';
import { type Library, openLibrary } from '../library';
import { bytes, makeTempDir, removeDir, steppingClock } from '../test-support';
import type { TagHolder } from './holders';
import { annotationFiles } from '../highlights/test-annotations';

const PROSE = `# Book One

Well, Prince, so Genoa and Lucca are now just family estates of the Buonapartes. But I warn
you, if you don't tell me that this means war, if you still try to defend the infamies and
horrors perpetrated by that Antichrist, I really believe he is Antichrist, I will have nothing
more to do with you.`;

const platform = {
  chooseFilesToImport: async () => null,
  chooseExportFolder: async () => null,
  chooseFileToUpdate: async () => null,
  openExternal: async () => undefined,
};

let root: string;
let library: Library;
let api: ApiHandlers;
let doc: DocumentSummary;

const value = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
};

async function open(): Promise<void> {
  library = await openLibrary({ root, now: steppingClock() });
  api = createHandlers(library, platform);
}

async function highlight(start: number, color: Highlight['color'] = 'yellow'): Promise<Highlight> {
  const exact = PROSE.slice(start, start + 5);
  return value(
    await api.addHighlight(doc.id, {
      color,
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start, end: start + 5 },
      anchoredVersion: doc.textVersion,
    }),
  );
}

const tagNames = async () => value(await api.listTags()).map((tag) => tag.name);

beforeEach(async () => {
  root = await makeTempDir('lectern-tags-');
  await open();
  const report = await library.documents.importFiles([{ name: 'war.md', bytes: bytes(PROSE) }]);
  const outcome = report.outcomes[0];
  if (outcome?.status !== 'imported') throw new Error('setup');
  doc = outcome.document;
});
afterEach(async () => {
  await library.close();
  await removeDir(root);
});

describe('tagging', () => {
  it('normalises tags on a highlight, keeps the first spelling, and counts uses most used first', async () => {
    const first = await highlight(20);
    const second = await highlight(40);
    const tagged = value(
      await api.setHighlightTags(doc.id, first.id, ['  Politics/Armenia ', 'war and peace']),
    );
    expect(tagged.tags).toEqual(['Politics/Armenia', 'war-and-peace']);
    expect(tagged).not.toHaveProperty('tagIds');
    value(await api.setHighlightTags(doc.id, second.id, ['politics/ARMENIA', 'Napoleon']));
    value(await api.setDocumentTags(doc.id, ['napoleon']));
    expect(value(await api.listTags())).toEqual([
      { name: 'Napoleon', documents: 1, highlights: 1, notes: 0 },
      { name: 'Politics/Armenia', documents: 0, highlights: 2, notes: 0 },
      { name: 'war-and-peace', documents: 0, highlights: 1, notes: 0 },
    ]);
    value(await api.deleteHighlight(doc.id, second.id));
    expect(value(await api.listTags()).find((tag) => tag.name === 'Politics/Armenia')?.highlights).toBe(1);
  });

  it('refuses a bad tag with its reason and 10,000 tags with a clear message, changing nothing', async () => {
    const mark = await highlight(20);
    const refused = await api.setHighlightTags(doc.id, mark.id, ['fine', '#heading']);
    expect(refused).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(refused.ok ? '' : refused.message).toContain('#');
    const many = Array.from({ length: 10_000 }, (_, i) => `tag-${i}`);
    const tooMany = await api.setDocumentTags(doc.id, many);
    expect(tooMany).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(tooMany.ok ? '' : tooMany.message).toMatch(/at most 100 tags/);
    expect(await tagNames()).toEqual([]);
  });

  it('tags a highlight made in a colour whose meaning names a tag', async () => {
    value(
      await api.updateSettings({
        colorTags: { yellow: null, green: null, blue: 'evidence', pink: null, purple: null, orange: null },
      }),
    );
    expect((await highlight(30, 'blue')).tags).toEqual(['evidence']);
    expect((await highlight(50, 'yellow')).tags).toEqual([]);
    expect(
      await api.updateSettings({
        colorTags: { yellow: 'a#b', green: null, blue: null, pink: null, purple: null, orange: null },
      }),
    ).toMatchObject({ ok: false, code: 'invalid-argument' });
  });

  it('filters the library by a tag, children included', async () => {
    value(await api.setDocumentTags(doc.id, ['politics/armenia']));
    const query = { sort: 'title', filter: '', offset: 0, limit: 10 } as const;
    expect(
      value(await api.queryDocuments({ ...query, tag: 'Politics' })).rows.map((row) => row.tags),
    ).toEqual([['politics/armenia']]);
    expect(value(await api.queryDocuments({ ...query, tag: 'politics-and-war' })).total).toBe(0);
  });
});

describe('renaming, merging and deleting', () => {
  it('renames a parent everywhere in one write of tags.json, durably, and undoes it', async () => {
    const mark = await highlight(20);
    value(await api.setHighlightTags(doc.id, mark.id, ['politics/armenia']));
    value(await api.setDocumentTags(doc.id, ['politics']));
    // Neither the annotations file nor its log is written: a rename is one write of tags.json.
    const annotationsBefore = await annotationFiles(root, doc.id);
    const change = value(await api.renameTag('politics', 'World'));
    expect(change).toMatchObject({
      kind: 'rename',
      from: 'politics',
      to: 'World',
      counts: { documents: 1, highlights: 1 },
    });
    expect(await annotationFiles(root, doc.id)).toEqual(annotationsBefore);
    await library.close();
    await open();
    const opened = value(await api.openDocument(doc.id));
    expect(opened?.highlights[0]?.tags).toEqual(['World/armenia']);
    expect(opened?.summary.tags).toEqual(['World']);
    expect(await api.undoTagChange(change.id)).toMatchObject({ ok: false, code: 'not-found' });
    const again = value(await api.renameTag('world', 'politics'));
    value(await api.undoTagChange(again.id));
    expect((await tagNames()).toSorted()).toEqual(['World', 'World/armenia']);
  });

  it('merges one tag into another and deletes a tag, each undoable', async () => {
    const mark = await highlight(20);
    value(await api.setHighlightTags(doc.id, mark.id, ['Bonaparte', 'Antichrist']));
    const merged = value(await api.mergeTags('antichrist', 'bonaparte'));
    expect(value(await api.openDocument(doc.id))?.highlights[0]?.tags).toEqual(['Bonaparte']);
    value(await api.undoTagChange(merged.id));
    expect(value(await api.openDocument(doc.id))?.highlights[0]?.tags).toEqual(['Bonaparte', 'Antichrist']);
    const deleted = value(await api.deleteTag('Bonaparte'));
    expect(value(await api.openDocument(doc.id))?.highlights[0]?.tags).toEqual(['Antichrist']);
    expect(await tagNames()).toEqual(['Antichrist']);
    value(await api.undoTagChange(deleted.id));
    expect(value(await api.openDocument(doc.id))?.highlights[0]?.tags).toEqual(['Bonaparte', 'Antichrist']);
  });

  it('has holders of tag names (notes) follow a rename and a delete, and undo them', async () => {
    let noteTags = ['politics/armenia', 'travel'];
    const holder: TagHolder = {
      tagUses: () => new Map(noteTags.map((tag) => [tag, 1])),
      rewriteTags: async (change) => {
        const before = noteTags;
        noteTags = noteTags.flatMap((tag) => change(tag) ?? []);
        return async () => {
          noteTags = before;
        };
      },
    };
    library.tags.service.addHolder(holder);
    expect(value(await api.listTags()).find((tag) => tag.name === 'travel')).toEqual({
      name: 'travel',
      documents: 0,
      highlights: 0,
      notes: 1,
    });
    value(await api.setDocumentTags(doc.id, ['politics']));
    value(await api.renameTag('politics', 'world'));
    expect(noteTags).toEqual(['world/armenia', 'travel']);
    const deleted = value(await api.deleteTag('world'));
    expect(noteTags).toEqual(['travel']);
    value(await api.undoTagChange(deleted.id));
    expect(noteTags).toEqual(['world/armenia', 'travel']);
  });
});

describe('a corrupt tags.json', () => {
  it('is moved aside, rebuilt from the names items keep, and reported', async () => {
    const mark = await highlight(20);
    value(await api.setHighlightTags(doc.id, mark.id, ['Borodino']));
    value(await api.setDocumentTags(doc.id, ['Tolstoy']));
    await library.close();
    await fs.writeFile(path.join(root, 'tags.json'), '{"schemaVersion": 1, "tags": {"x": ');
    await open();
    expect(value(await api.listTags())).toEqual([
      { name: 'Borodino', documents: 0, highlights: 1, notes: 0 },
      { name: 'Tolstoy', documents: 1, highlights: 0, notes: 0 },
    ]);
    const files = await fs.readdir(root);
    expect(files.filter((name) => name.startsWith('tags.json.corrupt-'))).toHaveLength(1);
    const notices = library.app.getLibraryInfo().notices.map((notice) => notice.message);
    expect(notices.find((message) => message.includes('tags.json'))).toMatch(/2 tags were recovered/);
  });
});
