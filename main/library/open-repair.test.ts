/**
 * What opening a library repairs and announces: stale locks of dead processes, leftover temp
 * files, a BOM in library.json, stale counts, unreadable trash records; and the catalog's
 * change events, the trash's id rule on re-import and the annotations' version table.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../preload/api';
import { ANNOTATION_MIGRATIONS, decodeAnnotations } from './highlights/annotation-format';
import type { CoreEvent, Library } from './library';
import { LibraryLockedError, openLibrary } from './library';
import { CorruptFileError } from './storage/durable-file';
import { FileTooNewError, type JsonObject } from './storage/versioned';
import { bytes, useTempLibrary } from './test-support';

const temp = useTempLibrary();
const TEXT =
  '# Ward No. 6\n\nIn the hospital yard there stands a small lodge surrounded by a perfect forest of burdocks.';

async function importOne(lib: Library, text = TEXT): Promise<DocumentSummary> {
  const outcome = (await lib.documents.importFiles([{ name: 'ward.md', bytes: bytes(text) }])).outcomes[0];
  if (outcome?.status !== 'imported') throw new Error('import failed');
  return outcome.document;
}

describe('opening repairs', () => {
  it('takes over at once a lock whose process is dead, but not one of a live process', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid ?? 999_999;
    await fs.mkdir(temp.root, { recursive: true });
    const lock = path.join(temp.root, '.lock');
    await fs.writeFile(lock, JSON.stringify({ pid: dead, processStart: '1', host: os.hostname() }));
    const lib = await temp.open();
    expect(JSON.parse(await fs.readFile(lock, 'utf8'))).toMatchObject({ pid: process.pid });
    await expect(openLibrary({ root: temp.root })).rejects.toBeInstanceOf(LibraryLockedError);
    await lib.close();
  });

  it('removes temp files left by a crash mid-write', async () => {
    const lib = await temp.open();
    const doc = await importOne(lib);
    await lib.close();
    const leftovers = [
      path.join(temp.root, 'library.json.lectern-tmp-0a1b2c'),
      path.join(temp.root, 'annotations', `${doc.id}.json.lectern-tmp-ffee`),
      path.join(temp.root, 'documents', `${doc.id}.md.123456789`),
      path.join(temp.root, 'journal', '0000000000001-0a0b0c0d.json.lectern-tmp-0a1b'),
      path.join(temp.root, 'backups', 'annotations', `${doc.id}.json.lectern-tmp-77aa`),
    ];
    await fs.mkdir(path.join(temp.root, 'backups', 'annotations'), { recursive: true });
    for (const file of leftovers) await fs.writeFile(file, '{"half":');
    const reopened = await temp.open();
    expect(await reopened.leftoversRemoved).toBe(leftovers.length);
    for (const file of leftovers) await expect(fs.access(file)).rejects.toThrow();
    await expect(fs.access(path.join(temp.root, 'documents', `${doc.id}.md`))).resolves.toBeUndefined();
  });

  it('reads a library.json that starts with a UTF-8 byte order mark', async () => {
    const lib = await temp.open();
    const doc = await importOne(lib);
    await lib.close();
    const file = path.join(temp.root, 'library.json');
    await fs.writeFile(file, `\uFEFF${await fs.readFile(file, 'utf8')}`);
    const reopened = await temp.open();
    expect(reopened.documents.listDocuments().map((d) => d.id)).toEqual([doc.id]);
    expect(reopened.app.getLibraryInfo().notices).toEqual([]);
  });

  it('corrects highlight counts and progress from annotation files newer than library.json', async () => {
    const lib = await temp.open();
    const doc = await importOne(lib);
    await lib.close();
    const highlight = {
      id: '00000000000000aa',
      documentId: doc.id,
      color: 'pink',
      quote: { type: 'TextQuoteSelector', exact: 'lodge', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 50, end: 55 },
      anchoredVersion: doc.textVersion,
      unplaced: false,
      tags: [],
      note: null,
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-01T00:00:00.000Z',
    };
    const position = { section: 0, offset: 3, quote: 'In the', progress: 0.25 };
    const file = path.join(temp.root, 'annotations', `${doc.id}.json`);
    await fs.writeFile(file, JSON.stringify({ schemaVersion: 1, position, highlights: [highlight] }));
    const later = new Date(Date.now() + 60_000);
    await fs.utimes(file, later, later);
    const reopened = await temp.open();
    expect(reopened.documents.findDocument(doc.id)).toMatchObject({ highlightCount: 1, progress: 0.25 });
  });

  it('announces an unreadable trash record instead of letting the entry vanish', async () => {
    const lib = await temp.open();
    const doc = await importOne(lib);
    const heard: CoreEvent[] = [];
    lib.subscribe((event) => heard.push(event));
    expect((await lib.documents.deleteDocument(doc.id)).ok).toBe(true);
    await fs.writeFile(path.join(temp.root, 'trash', doc.id, 'record.json'), '{"id": "cut');
    expect(await lib.documents.listTrash()).toEqual([]);
    expect(await lib.documents.listTrash()).toEqual([]);
    const notices = heard.filter((event) => event.name === 'libraryNotice');
    expect(notices).toHaveLength(1);
    expect(JSON.stringify(notices[0])).toContain(`trash/${doc.id}`);
    expect(lib.app.getLibraryInfo().notices).toHaveLength(1);
  });
});

describe('the catalog announces changes', () => {
  it('raises added, updated, removed and restored, and counts within the metadata delay', async () => {
    const lib = await temp.open({ metadataDelayMs: 1 });
    const heard: CoreEvent[] = [];
    lib.subscribe((event) => heard.push(event));
    const doc = await importOne(lib);
    await lib.documents.renameDocument(doc.id, 'Ward Number Six');
    await lib.highlights.addHighlight(doc.id, {
      color: 'yellow',
      quote: { type: 'TextQuoteSelector', exact: 'lodge', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 50, end: 55 },
      anchoredVersion: doc.textVersion,
    });
    await lib.catalog.flush();
    await lib.documents.deleteDocument(doc.id);
    await lib.documents.restoreDocument(doc.id);
    const changes = heard.flatMap((event) => (event.name === 'libraryChanged' ? [event.payload.kind] : []));
    // The import announced its progress too (one batch of one file: start and finish).
    expect(heard.filter((event) => event.name === 'importProgress')).toHaveLength(2);
    expect(changes).toEqual(['added', 'updated', 'updated', 'removed', 'restored']);
    expect(heard.every((event) => event.name !== 'libraryChanged' || event.payload.ids[0] === doc.id)).toBe(
      true,
    );
  });

  it('never gives a re-imported text the id of its copy in the trash', async () => {
    const lib = await temp.open();
    const first = await importOne(lib);
    await lib.highlights.addHighlight(first.id, {
      color: 'green',
      quote: { type: 'TextQuoteSelector', exact: 'lodge', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 50, end: 55 },
      anchoredVersion: first.textVersion,
    });
    await lib.documents.deleteDocument(first.id);
    const second = await importOne(lib);
    expect(second.id).not.toBe(first.id);
    expect((await lib.documents.deleteDocument(second.id)).ok).toBe(true);
    const trash = await lib.documents.listTrash();
    expect(trash.map((entry) => entry.id).toSorted()).toEqual([first.id, second.id].toSorted());
    expect(trash[0]?.id).toBe(second.id);
    expect(await lib.documents.restoreDocument(first.id)).toMatchObject({
      ok: true,
      value: { highlightCount: 1 },
    });
  });
});

describe('annotation file versions', () => {
  const file = 'annotations/x.json';
  it('migrates through the table, refuses newer files and bad shapes', () => {
    const v0 = { schemaVersion: 0, highlights: [] };
    const table = { ...ANNOTATION_MIGRATIONS, 0: (data: JsonObject) => ({ ...data, position: null }) };
    const migrated = decodeAnnotations(v0, file, table);
    expect(migrated).toEqual({
      data: { schemaVersion: 3, position: null, highlights: [], documentNote: null },
      migratedFrom: 0,
    });
    expect(() => decodeAnnotations({ schemaVersion: 4, position: null, highlights: [] }, file)).toThrow(
      FileTooNewError,
    );
    expect(() => decodeAnnotations({ schemaVersion: 3, highlights: 'none' }, file)).toThrow(CorruptFileError);
    expect(() => decodeAnnotations([], file)).toThrow(CorruptFileError);
    expect(() => decodeAnnotations(v0, file)).toThrow(/No migration/);
  });
});
