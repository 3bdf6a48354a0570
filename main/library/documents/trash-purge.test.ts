/**
 * Delete forever and Empty trash: gone for good, durable (renamed aside before removal, so a
 * crash never leaves a half-listed entry), a failed step answers a typed failure and loses nothing.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../preload/api';
import { type Library, openLibrary } from '../library';
import { FaultFileSystem } from '../storage/fault-file-system';
import { bytes, makeTempDir, removeDir, steppingClock } from '../test-support';

const HEDGEHOG = `# The Hedgehog and the Fox

There is a line among the fragments of the Greek poet Archilochus which says: “The fox knows
many things, but the hedgehog knows one big thing.”`;
const WHALE = `Call me Ishmael. Some years ago—never mind how long precisely—having little or no money
in my purse, and nothing particular to interest me on shore, I thought I would sail about a little.`;

const roots: string[] = [];
const libraries: Library[] = [];
afterEach(async () => {
  for (const lib of libraries.splice(0)) await lib.close().catch(() => undefined);
  for (const root of roots.splice(0)) await removeDir(root);
});

async function open(root: string, fsys = new FaultFileSystem()) {
  const lib = await openLibrary({ root, fileSystem: fsys, now: steppingClock() });
  libraries.push(lib);
  return lib;
}

async function trashedWorld() {
  const root = await makeTempDir('lectern-purge-');
  roots.push(root);
  const fsys = new FaultFileSystem();
  const lib = await open(root, fsys);
  const report = await lib.documents.importFiles([
    { name: 'hedgehog.md', bytes: bytes(HEDGEHOG) },
    { name: 'moby.txt', bytes: bytes(WHALE) },
  ]);
  const docs = report.outcomes.map((o) => (o.status === 'imported' ? o.document : null));
  const [hedgehog, whale] = docs as [DocumentSummary, DocumentSummary];
  for (const doc of docs) expect((await lib.documents.deleteDocument(doc?.id ?? '')).ok).toBe(true);
  return { root, fsys, lib, hedgehog, whale };
}

const trashNames = (root: string) => fs.readdir(path.join(root, 'trash'));

describe('delete forever', () => {
  it('removes one entry and its files, leaving the others restorable', async () => {
    const { root, lib, hedgehog, whale } = await trashedWorld();
    expect(await lib.documents.deleteForever(hedgehog.id)).toEqual({ ok: true, value: null });
    expect((await lib.documents.listTrash()).map((t) => t.id)).toEqual([whale.id]);
    expect(await trashNames(root)).toEqual([whale.id]);
    expect((await lib.documents.restoreDocument(whale.id)).ok).toBe(true);
    // Twice, or an id that never was: not-found, nothing touched.
    expect(await lib.documents.deleteForever(hedgehog.id)).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('empties the whole trash and says how many', async () => {
    const { root, lib } = await trashedWorld();
    expect(await lib.documents.emptyTrash()).toEqual({ ok: true, value: 2 });
    expect(await lib.documents.listTrash()).toEqual([]);
    expect(await trashNames(root)).toEqual([]);
    expect(await lib.documents.emptyTrash()).toEqual({ ok: true, value: 0 });
  });

  it('answers a typed failure when the folder refuses, and the entry is still there to retry', async () => {
    const { lib, fsys, hedgehog } = await trashedWorld();
    fsys.inject({ step: 'rename', effect: 'EPERM', pathIncludes: hedgehog.id });
    const failed = await lib.documents.deleteForever(hedgehog.id);
    expect(failed).toMatchObject({ ok: false });
    expect(failed.ok ? '' : failed.message).toMatch(/delete the document forever/i);
    expect((await lib.documents.listTrash()).map((t) => t.id)).toContain(hedgehog.id);
    fsys.clear();
    expect((await lib.documents.deleteForever(hedgehog.id)).ok).toBe(true);
  });

  it('after a crash between the rename and the removal, the entry is gone and the leftovers are removed at start', async () => {
    const { root, lib, hedgehog, whale } = await trashedWorld();
    await lib.close();
    // What a crash right after the rename leaves: the entry aside, half its files removed.
    const aside = path.join(root, 'trash', `.purging-${hedgehog.id}`);
    await fs.rename(path.join(root, 'trash', hedgehog.id), aside);
    await fs.rm(path.join(aside, 'record.json'));
    await fs.rm(path.join(root, '.lock'), { force: true });
    const reopened = await open(root);
    expect((await reopened.documents.listTrash()).map((t) => t.id)).toEqual([whale.id]);
    expect(await trashNames(root)).toEqual([whale.id]);
  });
});
