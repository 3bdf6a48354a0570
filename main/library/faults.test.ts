/**
 * Fault injection through the core's FileSystem: every operation that writes, failed at every
 * step in turn (the nth open, write, fsync, close, stat or rename it makes). After a failure the
 * answer is a typed failure, the files are byte-identical, memory equals disk (reopened) and a
 * retry succeeds once.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentSummary, ImportReport, Result } from '../../preload/api';
import { type Library, openLibrary } from './library';
import { FaultFileSystem, type Fault } from './storage/fault-file-system';
import { SAMPLE_DOCUMENTS_DIR, bytes, makeTempDir, removeDir, steppingClock } from './test-support';

const PROSE = `# The Hedgehog and the Fox

There is a line among the fragments of the Greek poet Archilochus which says: “The fox knows
many things, but the hedgehog knows one big thing.” Scholars have differed about the correct
interpretation of these dark words, which may mean no more than that the fox, for all his
cunning, is defeated by the hedgehog's one defence.`;

interface World {
  lib: Library;
  fsys: FaultFileSystem;
  root: string;
  kept: DocumentSummary;
  trashed: DocumentSummary;
}

async function imported(lib: Library, name: string, text: string): Promise<DocumentSummary> {
  const outcome = (await lib.documents.importFiles([{ name, bytes: bytes(text) }])).outcomes[0];
  if (outcome?.status !== 'imported') throw new Error(`setup: ${JSON.stringify(outcome)}`);
  return outcome.document;
}

async function makeWorld(): Promise<World> {
  const root = await makeTempDir('lectern-faults-');
  const fsys = new FaultFileSystem();
  const lib = await openLibrary({ root, fileSystem: fsys, now: steppingClock() });
  const sample = (await fs.readdir(SAMPLE_DOCUMENTS_DIR))[0] ?? '';
  const kept = await imported(
    lib,
    sample,
    await fs.readFile(path.join(SAMPLE_DOCUMENTS_DIR, sample), 'utf8'),
  );
  const trashed = await imported(lib, 'hedgehog.md', PROSE);
  await lib.highlights.addHighlight(kept.id, highlightOn(kept));
  await lib.documents.deleteDocument(trashed.id);
  // Each case reopens the library years later (a distinct clock): the trashed document must not be pruned.
  await lib.settings.updateSettings({ pruneAfterDays: null });
  await lib.catalog.flush();
  return { lib, fsys, root, kept, trashed };
}

function highlightOn(doc: DocumentSummary, start = 2) {
  return {
    color: 'blue' as const,
    quote: { type: 'TextQuoteSelector' as const, exact: 'ab', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector' as const, start, end: start + 2 },
    anchoredVersion: doc.textVersion,
  };
}

type Outcome = { ok: boolean; code?: string };
const ofResult = (result: Result<unknown>): Outcome =>
  result.ok ? { ok: true } : { ok: false, code: result.code };
const ofImport = (report: ImportReport): Outcome => {
  const outcome = report.outcomes[0];
  return outcome?.status === 'imported'
    ? { ok: true }
    : { ok: false, code: outcome?.status === 'refused' ? outcome.code : 'duplicate' };
};

const OPERATIONS: Record<string, (world: World) => Promise<Outcome>> = {
  renameDocument: async ({ lib, kept }) =>
    ofResult(await lib.documents.renameDocument(kept.id, 'Seventeen Moments')),
  addHighlight: async ({ lib, kept }) =>
    ofResult(await lib.highlights.addHighlight(kept.id, highlightOn(kept, 9))),
  saveReadingPosition: async ({ lib, kept }) =>
    ofResult(
      await lib.documents.saveReadingPosition(kept.id, {
        section: 1,
        offset: 12,
        quote: 'hedgehog',
        progress: 0.4,
      }),
    ),
  updateSettings: async ({ lib }) =>
    ofResult(await lib.settings.updateSettings({ theme: 'sepia', fontSize: 21 })),
  deleteDocument: async ({ lib, kept }) => ofResult(await lib.documents.deleteDocument(kept.id)),
  restoreDocument: async ({ lib, trashed }) => ofResult(await lib.documents.restoreDocument(trashed.id)),
  updateDocumentFromFile: async ({ lib, kept }) =>
    ofResult(
      await lib.documents.updateDocumentFromFile(kept.id, {
        name: 'revised.md',
        bytes: bytes(`${PROSE}\n\nA revised ending, in which the fox and the hedgehog part as friends.`),
      }),
    ),
  importFiles: async ({ lib }) =>
    ofImport(
      await lib.documents.importFiles([{ name: 'fox.md', bytes: bytes(`${PROSE}\n\nAnd the fox, too.`) }]),
    ),
};

const FAULTS: Omit<Fault, 'nth'>[] = [
  { step: 'open', effect: 'EIO' },
  { step: 'write', effect: 'ENOSPC' },
  { step: 'write', effect: 'lying' },
  { step: 'fsync', effect: 'EIO' },
  { step: 'close', effect: 'ENOSPC' },
  { step: 'stat', effect: 'EIO' },
  { step: 'rename', effect: 'EPERM' },
];

/** Every file in the library folder and its bytes (the lock and open-time backups aside). */
async function snapshot(root: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await fs.readdir(root, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(root, full);
    if (!entry.isFile() || relative === '.lock' || relative.startsWith('backups')) continue;
    files[relative] = (await fs.readFile(full)).toString('base64');
  }
  return files;
}

/** What the library answers, without reading anything that changes metadata. */
async function stateOf(lib: Library) {
  const documents = lib.documents.listDocuments().toSorted((a, b) => a.id.localeCompare(b.id));
  const annotations = await Promise.all(documents.map((doc) => lib.annotations.read(doc.id)));
  return {
    documents,
    annotations,
    settings: lib.settings.getSettings(),
    trash: await lib.documents.listTrash(),
  };
}

const figures = { cases: 0, injected: 0, failures: 0 };
afterAll(() =>
  console.log(
    `fault injection: ${figures.cases} cases, ${figures.injected} faults injected, ${figures.failures} typed failures`,
  ),
);

describe('a failed write changes nothing, says why, and can be retried', () => {
  for (const [name, operation] of Object.entries(OPERATIONS)) {
    for (const fault of FAULTS) {
      it(`${name}: ${fault.effect} at every ${fault.step}`, async () => {
        for (let nth = 1; nth < 40; nth++) {
          const world = await makeWorld();
          try {
            const fired = await runCase(world, operation, { ...fault, nth });
            if (!fired) break;
          } finally {
            await world.lib.close();
            await removeDir(world.root);
          }
        }
      });
    }
  }
});

/** One case: returns false when the operation made fewer than `nth` calls of that step. */
async function runCase(
  world: World,
  operation: (world: World) => Promise<Outcome>,
  fault: Fault,
): Promise<boolean> {
  const before = await snapshot(world.root);
  const highlightsBefore = (await world.lib.annotations.read(world.kept.id)).highlights.length;
  world.fsys.clear();
  world.fsys.inject(fault);
  const injectedBefore = world.fsys.injected;
  const outcome = await operation(world);
  const fired = world.fsys.injected > injectedBefore;
  world.fsys.clear();
  if (!fired) return false;
  figures.cases += 1;
  figures.injected += 1;
  if (!outcome.ok) {
    figures.failures += 1;
    expect(['io', 'disk-full', 'read-only']).toContain(outcome.code);
    expect(await snapshot(world.root)).toEqual(before);
    const retried = await operation(world);
    expect(retried).toEqual({ ok: true });
    if (fault.step !== 'open' || retried.ok) {
      const after = (await world.lib.annotations.read(world.kept.id).catch(() => null))?.highlights.length;
      if (after !== undefined && (await world.lib.catalog.has(world.kept.id))) {
        expect(after - highlightsBefore).toBeLessThanOrEqual(1);
      }
    }
  }
  const inMemory = await stateOf(world.lib);
  await world.lib.close();
  world.lib = await openLibrary({ root: world.root, now: steppingClock(Date.UTC(2030, 0, 1)) });
  expect(await stateOf(world.lib)).toEqual(inMemory);
  return true;
}
