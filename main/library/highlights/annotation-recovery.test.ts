/**
 * The recovery of a corrupt annotations file commits once, when the recovered file is renamed
 * over the corrupt one: a kill or a failure at any step before leaves the corrupt file and its
 * log in place, recovered the same way at the next read; a delete waits for a recovery under way.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../preload/api';
import { type Library, openLibrary } from '../library';
import { FaultFileSystem, KilledError } from '../storage/fault-file-system';
import { killAtEveryStep, steppingClock, useTempLibrary } from '../test-support';
import { highlightOf, importText } from './test-annotations';

const temp = useTempLibrary();
const TEXT = `# The Kiss

At eight o'clock on the evening of the twentieth of May all the six batteries of the N—
Reserve Artillery Brigade halted for the night in the village of Mestechki.`;
const POSITION = { section: 0, offset: 3, quote: 'evening', progress: 0.5 };
/** What the recovery makes of the library below: the backup with the log's three changes replayed. */
const RECOVERED = ['six batteries', 'twentieth of May'];

async function add(lib: Library, doc: DocumentSummary, exact: string): Promise<void> {
  const added = await lib.highlights.addHighlight(doc.id, highlightOf(TEXT, doc, exact, 'pink'));
  if (!added.ok) throw new Error(added.message);
}

/** A document whose file is corrupt, with a backup of two highlights and a log of three changes since. */
async function corruptLibrary(): Promise<DocumentSummary> {
  const lib = await temp.open();
  const doc = await importText(lib, 'kiss.md', TEXT);
  for (const exact of ['eight o', 'six batteries']) await add(lib, doc, exact);
  await lib.annotations.fold(doc.id);
  await add(lib, doc, 'Mestechki');
  await lib.annotations.fold(doc.id); // backs up the file of two
  await add(lib, doc, 'twentieth of May');
  const first = (await lib.annotations.read(doc.id)).highlights[0];
  await lib.highlights.deleteHighlight(doc.id, first?.id ?? '');
  await lib.documents.saveReadingPosition(doc.id, POSITION);
  await lib.close();
  const file = path.join(temp.root, 'annotations', `${doc.id}.json`);
  await fs.writeFile(file, '{"schemaVersion": 3, "highl');
  // Older than library.json, so the open's count check does not read (and recover) it first.
  const past = new Date(Date.UTC(2020, 0, 1));
  for (const changed of [file, file.replace(/\.json$/, '.log')]) await fs.utimes(changed, past, past);
  return doc;
}

const quotes = async (lib: Library, id: string) =>
  (await lib.annotations.read(id)).highlights.map((h) => h.quote.exact);

/** The notices listed about the recovery of this document's annotations. */
const recoveryNotices = (lib: Library, id: string) =>
  lib.app
    .getLibraryInfo()
    .notices.filter((notice) => notice.message.includes(`annotations of document ${id}`));

/** Reopened, the recovery is told once more; once dismissed, never again. */
async function expectToldOnceUntilDismissed(id: string): Promise<void> {
  const lib = await temp.open();
  await lib.annotations.read(id);
  const [told, ...more] = recoveryNotices(lib, id);
  expect(more).toEqual([]);
  expect(await lib.app.acknowledgeNotice(told?.id ?? '')).toEqual({ ok: true, value: null });
  const reopened = await temp.open();
  await reopened.annotations.read(id);
  expect(recoveryNotices(reopened, id)).toEqual([]);
  await reopened.close();
}

describe('recovering a corrupt annotations file', () => {
  it('recovers the same after a kill at any step of it', async () => {
    const doc = await corruptLibrary();
    const kills = await killAtEveryStep(temp.root, async (calls) => {
      const fsys = new FaultFileSystem();
      const dying = await openLibrary({ root: temp.root, fileSystem: fsys, now: steppingClock() });
      fsys.crashAfter(calls);
      const outcome = await dying.annotations.read(doc.id).catch((error: unknown) => error);
      await dying.close().catch(() => undefined);
      await fs.rm(path.join(temp.root, '.lock'), { force: true });
      if (!(outcome instanceof KilledError)) {
        // The recovery finished within `calls` calls: told now, and again until dismissed.
        expect(recoveryNotices(dying, doc.id)).toHaveLength(1);
        await expectToldOnceUntilDismissed(doc.id);
        return false;
      }
      const lib = await temp.open();
      expect(await quotes(lib, doc.id), `killed after ${calls} calls`).toEqual(RECOVERED);
      expect((await lib.annotations.read(doc.id)).position).toEqual(POSITION);
      expect(recoveryNotices(lib, doc.id), `killed after ${calls} calls`).toHaveLength(1);
      const kept = (await fs.readdir(lib.paths.annotationsDir)).filter((name) => name.includes('.corrupt-'));
      expect(kept.some((name) => name.startsWith(`${doc.id}.json.corrupt-`))).toBe(true);
      await expectToldOnceUntilDismissed(doc.id);
      return true;
    });
    expect(kills).toBeGreaterThan(5);
  }, 120_000);

  it('leaves the file and its log in place when the recovered file cannot be written, and recovers at the next read', async () => {
    const doc = await corruptLibrary();
    const fsys = new FaultFileSystem();
    const lib = await temp.open({ fileSystem: fsys });
    const file = lib.paths.annotationsFile(doc.id);
    fsys.inject({ step: 'rename', effect: 'EPERM', pathIncludes: `-> ${file}` });
    await expect(lib.annotations.read(doc.id)).rejects.toThrow(/EPERM/);
    expect(await fs.readFile(file, 'utf8')).toContain('"highl');
    // A change now waits for a readable file: it fails rather than starting a log over the old one.
    fsys.inject({ step: 'rename', effect: 'EPERM', pathIncludes: `-> ${file}` });
    await expect(
      lib.documents.saveReadingPosition(doc.id, { ...POSITION, offset: 9 }),
    ).resolves.toMatchObject({
      ok: false,
    });
    expect(await quotes(lib, doc.id)).toEqual(RECOVERED);
    expect((await lib.annotations.read(doc.id)).position).toEqual(POSITION);
  });

  it('does not replace the file while its notice cannot be kept (a full disk): says so now, recovers later', async () => {
    const doc = await corruptLibrary();
    const fsys = new FaultFileSystem();
    const lib = await temp.open({ fileSystem: fsys });
    const file = lib.paths.annotationsFile(doc.id);
    fsys.inject({ step: 'write', effect: 'ENOSPC', pathIncludes: lib.paths.noticesDir, persistent: true });
    await expect(lib.annotations.read(doc.id)).rejects.toThrow(/ENOSPC/);
    expect(await fs.readFile(file, 'utf8')).toContain('"highl');
    const [told, ...more] = lib.app.getLibraryInfo().notices;
    expect(more).toEqual([]);
    expect(told?.message).toMatch(
      new RegExp(
        `^annotations/${doc.id}\\.json needs to be replaced, but Lectern could not first keep its notice to you about it \\(ENOSPC\\)`,
      ),
    );
    fsys.clear();
    expect(await quotes(lib, doc.id)).toEqual(RECOVERED);
    const reopened = await temp.open();
    expect(recoveryNotices(reopened, doc.id).map((notice) => notice.message)).toEqual([
      expect.stringMatching(/^The annotations of document \w+ could not be read; the file was kept as/),
    ]);
  });

  it('is waited for by a delete, so the trash holds the recovered annotations', async () => {
    const doc = await corruptLibrary();
    const lib = await temp.open();
    const reading = lib.annotations.read(doc.id);
    expect(await lib.documents.deleteDocument(doc.id)).toMatchObject({ ok: true });
    expect((await reading).highlights).toHaveLength(2);
    expect(await lib.documents.restoreDocument(doc.id)).toMatchObject({ ok: true });
    expect(await quotes(lib, doc.id)).toEqual(RECOVERED);
    const reopened = await temp.open();
    expect(await quotes(reopened, doc.id)).toEqual(RECOVERED);
    // The recovery's notice is all it lists, until the user dismisses it.
    expect(reopened.app.getLibraryInfo().notices).toEqual(recoveryNotices(reopened, doc.id));
    expect(recoveryNotices(reopened, doc.id)).toHaveLength(1);
  });

  it('leaves an unreadable backup as it is', async () => {
    const doc = await corruptLibrary();
    const backupFile = path.join(temp.root, 'backups', 'annotations', `${doc.id}.json`);
    await fs.writeFile(backupFile, '{ "schemaVersion": 3, broken');
    const lib = await temp.open();
    expect(await quotes(lib, doc.id)).toEqual(['twentieth of May']);
    expect(await fs.readFile(backupFile, 'utf8')).toBe('{ "schemaVersion": 3, broken');
  });
});

/** The notices listed about a log kept aside because its file was gone. */
const orphanNotices = (opened: Library) =>
  opened.app
    .getLibraryInfo()
    .notices.filter((notice) => notice.message.includes('was missing beside its log of changes'));

describe('a log whose file is gone', () => {
  it('is kept aside and told once, after a kill at any step of the change that replaces it', async () => {
    let lib = await temp.open();
    const doc = await importText(lib, 'kiss.md', TEXT);
    await add(lib, doc, 'Mestechki');
    await lib.annotations.fold(doc.id);
    await add(lib, doc, 'twentieth of May'); // in the log, which names the file
    await lib.close();
    await fs.rm(path.join(temp.root, 'annotations', `${doc.id}.json`));
    const kills = await killAtEveryStep(temp.root, async (calls) => {
      const fsys = new FaultFileSystem();
      const dying = await openLibrary({ root: temp.root, fileSystem: fsys, now: steppingClock() });
      fsys.crashAfter(calls);
      const outcome = await add(dying, doc, 'six batteries').catch((error: unknown) => error);
      await dying.close().catch(() => undefined);
      await fs.rm(path.join(temp.root, '.lock'), { force: true });
      if (!(outcome instanceof KilledError)) {
        expect(orphanNotices(dying)).toHaveLength(1);
        return false;
      }
      // Whether the kill came before the new log or after it, the next change and open say it once.
      lib = await temp.open();
      await add(lib, doc, 'eight o');
      expect(orphanNotices(lib), `killed after ${calls} calls`).toHaveLength(1);
      expect(orphanNotices(await temp.open()), `killed after ${calls} calls`).toHaveLength(1);
      return true;
    });
    expect(kills).toBeGreaterThan(3);
  }, 120_000);
});

describe('a restored document', () => {
  it('is read anew, not from what was read of it while it was in the trash', async () => {
    const lib = await temp.open();
    const doc = await importText(lib, 'kiss.md', TEXT);
    await add(lib, doc, 'Mestechki');
    expect(await lib.documents.deleteDocument(doc.id)).toMatchObject({ ok: true });
    // A reader (links, export) asking for it meanwhile finds no files.
    expect(await quotes(lib, doc.id)).toEqual([]);
    expect(await lib.documents.restoreDocument(doc.id)).toMatchObject({ ok: true });
    expect(await quotes(lib, doc.id)).toEqual(['Mestechki']);
    await add(lib, doc, 'six batteries');
    const reopened = await temp.open();
    expect(await quotes(reopened, doc.id)).toEqual(['Mestechki', 'six batteries']);
  });
});
