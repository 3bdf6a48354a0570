/**
 * Fault injection on every notes write (standalone notes, their trash, highlight and document
 * notes): each step failed in turn. A failure answers a typed failure, leaves the files
 * byte-identical, keeps memory equal to disk (reopened), and a retry succeeds.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../preload/api';
import { type Library, openLibrary } from '../library';
import { type Fault, FaultFileSystem } from '../storage/fault-file-system';
import { bytes, makeTempDir, removeDir, steppingClock } from '../test-support';

const BERLIN = `There is a line among the fragments of the Greek poet Archilochus which says: “The fox knows
many things, but the hedgehog knows one big thing.”`;

interface World {
  lib: Library;
  fsys: FaultFileSystem;
  root: string;
  documentId: string;
  highlightId: string;
  liveId: string;
  trashedId: string;
}

async function makeWorld(): Promise<World> {
  const root = await makeTempDir('lectern-notes-faults-');
  const fsys = new FaultFileSystem();
  const lib = await openLibrary({ root, fileSystem: fsys, now: steppingClock() });
  const report = await lib.documents.importFiles([{ name: 'fox.md', bytes: bytes(`# Fox\n\n${BERLIN}\n`) }]);
  const doc = report.outcomes[0];
  if (doc?.status !== 'imported') throw new Error('setup');
  const added = await lib.highlights.addHighlight(doc.document.id, {
    color: 'green',
    quote: { type: 'TextQuoteSelector', exact: 'Fox', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: 3 },
    anchoredVersion: doc.document.textVersion,
  });
  const live = await lib.notes.createNote({ title: 'Hedgehogs', body: BERLIN, tags: ['essays'] });
  const trashed = await lib.notes.createNote({ title: 'Foxes', body: 'Shakespeare, Montaigne' });
  if (!added.ok || !live.ok || !trashed.ok) throw new Error('setup');
  await lib.notes.deleteNote(trashed.value.id);
  await lib.catalog.flush();
  const ids = { documentId: doc.document.id, highlightId: added.value.id };
  return { lib, fsys, root, ...ids, liveId: live.value.id, trashedId: trashed.value.id };
}

const outcome = (result: Result<unknown>) => (result.ok ? { ok: true } : { ok: false, code: result.code });

const OPERATIONS: Record<string, (world: World) => Promise<{ ok: boolean; code?: string }>> = {
  createNote: async ({ lib }) => outcome(await lib.notes.createNote({ title: 'Tolstoy', body: BERLIN })),
  saveNote: async ({ lib, liveId }) =>
    outcome(await lib.notes.saveNote(liveId, { body: `${BERLIN}\n\nMore.` })),
  renameNote: async ({ lib, liveId }) =>
    outcome(await lib.notes.saveNote(liveId, { title: 'Isaiah: “Berlin”' })),
  deleteNote: async ({ lib, liveId }) => outcome(await lib.notes.deleteNote(liveId)),
  restoreNote: async ({ lib, trashedId }) => outcome(await lib.notes.restoreNote(trashedId)),
  setHighlightNote: async ({ lib, documentId, highlightId }) =>
    outcome(await lib.annotationNotes.setHighlightNote(documentId, highlightId, 'On **Archilochus**')),
  setDocumentNote: async ({ lib, documentId }) =>
    outcome(await lib.annotationNotes.setDocumentNote(documentId, 'Read in 1953.')),
};

const FAULTS: Omit<Fault, 'nth'>[] = [
  { step: 'open', effect: 'EIO' },
  { step: 'write', effect: 'ENOSPC' },
  { step: 'write', effect: 'lying' },
  { step: 'fsync', effect: 'EIO' },
  { step: 'stat', effect: 'EIO' },
  { step: 'rename', effect: 'EPERM' },
  { step: 'readFile', effect: 'EIO' },
];

async function snapshot(root: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const dir of ['notes', 'annotations']) {
    for (const entry of await fs.readdir(path.join(root, dir), { recursive: true, withFileTypes: true })) {
      const full = path.join(entry.parentPath, entry.name);
      if (entry.isFile()) files[path.relative(root, full)] = await fs.readFile(full, 'utf8');
    }
  }
  return files;
}

async function stateOf(lib: Library, documentId: string) {
  const { documentNote, highlights } = await lib.annotations.read(documentId);
  return {
    notes: lib.notes.listNotes(),
    bodies: lib.notes
      .allNotes()
      .map((note) => note.body)
      .toSorted(),
    trash: lib.notes.listTrashed(),
    documentNote,
    highlightNotes: highlights.map((highlight) => highlight.note),
  };
}

const figures = { cases: 0, failures: 0 };
afterAll(() =>
  console.log(`notes fault injection: ${figures.cases} cases, ${figures.failures} typed failures`),
);

describe('a failed notes write changes nothing, says why, and can be retried', () => {
  for (const [name, operation] of Object.entries(OPERATIONS)) {
    for (const fault of FAULTS) {
      it(`${name}: ${fault.effect} at every ${fault.step}`, async () => {
        for (let nth = 1; nth < 12; nth++) {
          const world = await makeWorld();
          try {
            if (!(await runCase(world, operation, { ...fault, nth }))) break;
          } finally {
            await world.lib.close();
            await removeDir(world.root);
          }
        }
      });
    }
  }
});

async function runCase(world: World, operation: (world: World) => Promise<{ ok: boolean }>, fault: Fault) {
  const before = await snapshot(world.root);
  world.fsys.clear();
  world.fsys.inject(fault);
  const injected = world.fsys.injected;
  const result = await operation(world);
  const fired = world.fsys.injected > injected;
  world.fsys.clear();
  if (!fired) return false;
  figures.cases += 1;
  if (!result.ok) {
    figures.failures += 1;
    expect(['io', 'disk-full', 'read-only']).toContain((result as { code?: string }).code);
    expect(await snapshot(world.root)).toEqual(before);
    expect(await operation(world)).toEqual({ ok: true });
  }
  const inMemory = await stateOf(world.lib, world.documentId);
  await world.lib.close();
  world.lib = await openLibrary({ root: world.root, now: steppingClock(Date.UTC(2030, 0, 1)) });
  expect(await stateOf(world.lib, world.documentId)).toEqual(inMemory);
  return true;
}
