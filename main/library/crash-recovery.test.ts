/**
 * Crash at every step of every multi-file operation: the fault file system lets the first n
 * calls of an operation land and then "kills" the process (every later call throws). The
 * library is reopened on the real file system and each document must be whole in exactly one
 * place, with its highlights, no journal entry and no temp file left.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DocumentSummary } from '../../preload/api';
import { type Library, openLibrary } from './library';
import { readAnnotationsAt } from './highlights/annotation-log';
import { storedAnnotations } from './highlights/test-annotations';
import { nodeFileSystem } from './storage/file-system';
import { FaultFileSystem } from './storage/fault-file-system';
import { bytes, makeTempDir, removeDir, steppingClock } from './test-support';

const CHEKHOV = `# The Lady with the Dog

It was said that a new person had appeared on the sea-front: a lady with a little dog.
Dmitri Dmitritch Gurov, who had by then been a fortnight at Yalta, and so was fairly at home
there, had begun to take an interest in new arrivals.`;
const GOGOL = `# The Overcoat

In the department of... but I had better not mention which department. There is nothing more
irritable than departments, regiments, courts of justice, and, in a word, every branch of
public service.`;
const CHEKHOV_REVISED = `${CHEKHOV}\n\nSitting in Verney's pavilion, he saw, walking on the sea-front, a fair-haired young lady.`;
const NEW_TEXT = `# The Nose\n\nAn extraordinarily strange thing happened in Petersburg on the 25th of March.`;

interface World {
  lib: Library;
  fsys: FaultFileSystem;
  root: string;
  kept: DocumentSummary;
  trashed: DocumentSummary;
}

async function importText(lib: Library, name: string, text: string): Promise<DocumentSummary> {
  const outcome = (await lib.documents.importFiles([{ name, bytes: bytes(text) }])).outcomes[0];
  if (outcome?.status !== 'imported') throw new Error(`setup: ${JSON.stringify(outcome)}`);
  return outcome.document;
}

const quoteOn = (doc: DocumentSummary, exact: string, start: number) => ({
  color: 'green' as const,
  quote: { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector' as const, start, end: start + exact.length },
  anchoredVersion: doc.textVersion,
});

async function makeWorld(): Promise<World> {
  const root = await makeTempDir('lectern-crash-');
  const fsys = new FaultFileSystem();
  const lib = await openLibrary({ root, fileSystem: fsys, now: steppingClock() });
  const kept = await importText(lib, 'lady.md', CHEKHOV);
  const trashed = await importText(lib, 'overcoat.md', GOGOL);
  await lib.highlights.addHighlight(kept.id, quoteOn(kept, 'a lady with a little dog', 60));
  await lib.highlights.addHighlight(trashed.id, quoteOn(trashed, 'irritable', 120));
  await lib.documents.deleteDocument(trashed.id);
  // Each case reopens the library years later (a distinct clock): the trashed document must not be pruned.
  await lib.settings.updateSettings({ pruneAfterDays: null });
  await lib.catalog.flush();
  return { lib, fsys, root, kept, trashed };
}

const OPERATIONS: Record<string, (world: World) => Promise<unknown>> = {
  deleteDocument: ({ lib, kept }) => lib.documents.deleteDocument(kept.id),
  restoreDocument: ({ lib, trashed }) => lib.documents.restoreDocument(trashed.id),
  importFiles: ({ lib }) => lib.documents.importFiles([{ name: 'nose.md', bytes: bytes(NEW_TEXT) }]),
  updateDocumentFromFile: ({ lib, kept }) =>
    lib.documents.updateDocumentFromFile(kept.id, { name: 'lady.md', bytes: bytes(CHEKHOV_REVISED) }),
};

const exists = (filePath: string) =>
  fs.stat(filePath).then(
    () => true,
    () => false,
  );

/** The one place a document is: listed (body in documents/) or trashed (body in trash/<id>/), or nowhere. */
async function placeOf(lib: Library, id: string): Promise<'library' | 'trash' | 'nowhere'> {
  const { paths } = lib;
  const listed = lib.catalog.has(id);
  const trashed = (await lib.documents.listTrash()).some((entry) => entry.id === id);
  expect(listed && trashed, `${id} is both listed and in the trash`).toBe(false);
  const liveBody = await exists(paths.documentFile(id));
  const trashedBody = await exists(path.join(paths.trashEntryDir(id), `${id}.md`));
  expect(liveBody && trashedBody, `${id} has a body in two places`).toBe(false);
  if (listed) {
    expect(liveBody).toBe(true);
    expect(await exists(paths.trashEntryDir(id))).toBe(false);
    return 'library';
  }
  if (trashed) {
    expect(trashedBody).toBe(true);
    expect(await exists(paths.annotationsFile(id))).toBe(false);
    return 'trash';
  }
  expect(liveBody || trashedBody, `${id} has an unlisted body`).toBe(false);
  return 'nowhere';
}

/** The annotations file with its log replayed, in the library or in the trash entry. */
async function highlightsOf(lib: Library, id: string, place: string): Promise<number> {
  if (place === 'library') return (await storedAnnotations(lib.paths.root, id)).highlights.length;
  const entry = (name: string) => path.join(lib.paths.trashEntryDir(id), name);
  const read = await readAnnotationsAt(nodeFileSystem, entry(`${id}.json`), entry(`${id}.log`));
  return read.data.highlights.length;
}

async function leftovers(root: string): Promise<string[]> {
  const names = await fs.readdir(root, { recursive: true });
  return names.filter((name) => name.includes('.lectern-tmp-') || name.startsWith(`journal${path.sep}`));
}

/** Bodies in documents/ that no record lists: invisible files. */
async function unlistedBodies(lib: Library): Promise<string[]> {
  const names = await fs.readdir(lib.paths.documentsDir);
  return names.filter((name) => !lib.catalog.has(name.replace(/\.md$/, '')));
}

const figures = { crashes: 0, crashesWhileRecovering: 0, finished: 0, undone: 0 };
afterAll(() =>
  console.log(
    `crash recovery: ${figures.crashes} crashes (one after every fs call of 4 operations); ` +
      `${figures.finished} operations finished at reopen, ${figures.undone} undone; ` +
      `${figures.crashesWhileRecovering} more crashes during the reopen that recovers them`,
  ),
);

async function crashAndReopen(world: World, name: string, calls: number): Promise<Library | null> {
  world.fsys.crashAfter(calls);
  await OPERATIONS[name]?.(world).catch(() => undefined);
  await world.lib.close().catch(() => undefined);
  if (!world.fsys.killed) return null;
  figures.crashes += 1;
  const reopened = await openLibrary({ root: world.root, now: steppingClock(Date.UTC(2030, 0, 1)) });
  world.lib = reopened;
  return reopened;
}

// The core logs what a dead process could not finish; thousands of such lines say nothing here.
beforeAll(() => void vi.spyOn(console, 'error').mockImplementation(() => undefined));

describe('after a crash at any step, each document is whole in exactly one place', () => {
  for (const name of Object.keys(OPERATIONS)) {
    it(`${name}: crash after every fs call`, { timeout: 60_000 }, async () => {
      let steps = 0;
      for (let calls = 1; calls < 200; calls++) {
        const world = await makeWorld();
        try {
          const lib = await crashAndReopen(world, name, calls);
          if (lib === null) break;
          steps = calls;
          const keptPlace = await placeOf(lib, world.kept.id);
          const trashedPlace = await placeOf(lib, world.trashed.id);
          expect(keptPlace).not.toBe('nowhere');
          expect(trashedPlace).not.toBe('nowhere');
          expect(await highlightsOf(lib, world.kept.id, keptPlace)).toBe(1);
          expect(await highlightsOf(lib, world.trashed.id, trashedPlace)).toBe(1);
          await checkOperationOutcome(lib, world, name);
          await lib.leftoversRemoved;
          expect(await leftovers(world.root)).toEqual([]);
          expect(await unlistedBodies(lib)).toEqual([]);
        } finally {
          await world.lib.close();
          await removeDir(world.root);
        }
      }
      expect(steps).toBeGreaterThan(5);
    });
  }
});

/** What each operation must leave: all of it or none of it. */
async function checkOperationOutcome(lib: Library, world: World, name: string): Promise<void> {
  const notice = lib.app.getLibraryInfo().notices.find((n) => n.message.includes('interrupted'));
  if (notice?.message.includes('finished') === true) figures.finished += 1;
  if (notice?.message.includes('undone') === true) figures.undone += 1;
  if (name === 'importFiles') {
    const nose = lib.documents.listDocuments().filter((doc) => doc.title === 'The Nose');
    expect(nose.length).toBeLessThanOrEqual(1);
    if (nose[0] !== undefined) expect(await lib.documents.openDocument(nose[0].id)).not.toBeNull();
  }
  if (name === 'updateDocumentFromFile') {
    const opened = await lib.documents.openDocument(world.kept.id);
    const revised = opened?.summary.textVersion !== world.kept.textVersion;
    expect(opened?.markdown.includes('Verney')).toBe(revised);
  }
  if (name === 'deleteDocument' || name === 'restoreDocument') {
    const id = name === 'deleteDocument' ? world.kept.id : world.trashed.id;
    if (lib.catalog.has(id)) expect((await lib.documents.openDocument(id))?.markdown).toContain('#');
  }
}

/** Reopens with a crash after `during` calls; true when the open got through without dying. */
async function openDying(root: string, during: number): Promise<boolean> {
  const fsys = new FaultFileSystem();
  fsys.crashAfter(during);
  const lib = await openLibrary({ root, fileSystem: fsys, now: steppingClock(Date.UTC(2031, 0, 1)) }).catch(
    () => null,
  );
  await lib?.close().catch(() => undefined);
  return !fsys.killed;
}

describe('a crash while recovering is recovered at the next open', () => {
  for (const name of ['deleteDocument', 'restoreDocument', 'updateDocumentFromFile']) {
    it(`${name}: crash during the reopen, at every call`, { timeout: 120_000 }, async () => {
      let recoveries = 0;
      for (let calls = 3; calls < 200; calls += 4) {
        const world = await makeWorld();
        try {
          world.fsys.crashAfter(calls);
          await OPERATIONS[name]?.(world).catch(() => undefined);
          await world.lib.close().catch(() => undefined);
          if (!world.fsys.killed) break;
          if ((await fs.readdir(path.join(world.root, 'journal'))).length === 0) continue;
          for (let during = 1; !(await openDying(world.root, during)); during++) recoveries += 1;
          world.lib = await openLibrary({ root: world.root, now: steppingClock(Date.UTC(2032, 0, 1)) });
          expect(await placeOf(world.lib, world.kept.id)).not.toBe('nowhere');
          expect(await placeOf(world.lib, world.trashed.id)).not.toBe('nowhere');
          await checkOperationOutcome(world.lib, world, name);
          await world.lib.leftoversRemoved;
          expect(await leftovers(world.root)).toEqual([]);
          expect(await unlistedBodies(world.lib)).toEqual([]);
        } finally {
          await world.lib.close();
          await removeDir(world.root);
        }
      }
      figures.crashesWhileRecovering += recoveries;
      expect(recoveries).toBeGreaterThan(10);
    });
  }
});
