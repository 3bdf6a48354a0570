/**
 * A process that lost its lock (another one took it over after a stall) stops writing: every
 * write answers 'read-only' saying the library is open elsewhere, the user is told once, and
 * the lock is taken back only when it is free and nobody wrote in between.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import type { LibraryNotice } from '../../preload/api';
import type { Library } from './library';
import { HeldLock } from './storage/held-lock';
import { acquireLock, processStartOf } from './storage/lock';
import { libraryPaths } from './storage/paths';
import { bytes, useTempLibrary } from './test-support';

const temp = useTempLibrary();
const TEXT =
  '# The Cherry Orchard\n\nA room which is still called the nursery. One of the doors leads into ANYA’s room.';

/** Writes the lock as a live other process (our parent) would after a takeover. */
async function takeOver(lib: Library): Promise<void> {
  const pid = process.ppid;
  const owner = { pid, processStart: (await processStartOf(pid)) ?? '', host: os.hostname() };
  await fs.writeFile(lib.paths.lockFile, JSON.stringify(owner));
}

async function setUp(): Promise<{ lib: Library; id: string; notices: LibraryNotice[] }> {
  const lib = await temp.open();
  const outcome = (await lib.documents.importFiles([{ name: 'orchard.md', bytes: bytes(TEXT) }])).outcomes[0];
  if (outcome?.status !== 'imported') throw new Error('setup');
  await lib.catalog.flush();
  const notices: LibraryNotice[] = [];
  lib.subscribe((event) => {
    if (event.name === 'libraryNotice') notices.push(event.payload);
  });
  return { lib, id: outcome.document.id, notices };
}

describe('a lost lock', () => {
  it('refuses every write while another process holds the lock, and says so once', async () => {
    const { lib, id, notices } = await setUp();
    const libraryJson = await fs.readFile(lib.paths.libraryJson);
    await takeOver(lib);
    const renamed = await lib.documents.renameDocument(id, 'Three Sisters');
    expect(renamed).toMatchObject({ ok: false, code: 'read-only' });
    expect(renamed.ok ? '' : renamed.message).toContain('open in another Lectern process');
    expect(await lib.settings.updateSettings({ fontSize: 22 })).toMatchObject({ code: 'read-only' });
    expect(await lib.documents.deleteDocument(id)).toMatchObject({ code: 'read-only' });
    const imported = await lib.documents.importFiles([
      { name: 'sisters.md', bytes: bytes(`${TEXT} Again.`) },
    ]);
    expect(imported.outcomes[0]).toMatchObject({ status: 'refused', code: 'read-only' });
    expect(lib.documents.findDocument(id)?.title).toBe('The Cherry Orchard');
    expect(await fs.readFile(lib.paths.libraryJson)).toEqual(libraryJson);
    expect(notices.filter((notice) => notice.level === 'error')).toHaveLength(1);
    expect(notices[0]?.message).toContain('opened by another Lectern process');
  });

  it('takes the lock back when the other process let go and wrote nothing', async () => {
    const { lib, id, notices } = await setUp();
    await takeOver(lib);
    await lib.documents.renameDocument(id, 'Refused');
    await fs.rm(lib.paths.lockFile);
    // Two writes at once both find the lock free: one takes it back, neither is refused.
    const both = await Promise.all([
      lib.documents.renameDocument(id, 'Uncle Vanya'),
      lib.documents.saveReadingPosition(id, { section: 0, offset: 0, quote: 'nursery', progress: 0.3 }),
    ]);
    expect(both.map((answer) => answer.ok)).toEqual([true, true]);
    expect(notices.map((notice) => notice.level)).toEqual(['error', 'info']);
    const owner = JSON.parse(await fs.readFile(lib.paths.lockFile, 'utf8')) as { pid: number };
    expect(owner.pid).toBe(process.pid);
  });

  it('stays read-only when the other process wrote to the library', async () => {
    const { lib, id } = await setUp();
    await takeOver(lib);
    const later = new Date(Date.now() + 60_000);
    await fs.utimes(lib.paths.libraryJson, later, later);
    await fs.rm(lib.paths.lockFile);
    expect(await lib.documents.renameDocument(id, 'The Seagull')).toMatchObject({ code: 'read-only' });
  });

  it('never removes the other process’s lock when closing', async () => {
    const { lib } = await setUp();
    await takeOver(lib);
    await lib.close();
    const owner = JSON.parse(await fs.readFile(lib.paths.lockFile, 'utf8')) as { pid: number };
    expect(owner.pid).toBe(process.ppid);
    await fs.rm(lib.paths.lockFile);
  });

  it('finds the loss on its refresh timer, before any write, and keeps a held lock fresh', async () => {
    const paths = libraryPaths(temp.root);
    const notices: LibraryNotice[] = [];
    const lock = new HeldLock(paths, await acquireLock(paths), (notice) => notices.push(notice));
    try {
      const old = new Date(Date.now() - 60_000);
      await fs.utimes(paths.lockFile, old, old);
      await lock.refresh();
      expect((await fs.stat(paths.lockFile)).mtimeMs).toBeGreaterThan(old.getTime() + 30_000);
      expect(notices).toEqual([]);
      const pid = process.ppid;
      const owner = { pid, processStart: (await processStartOf(pid)) ?? '', host: os.hostname() };
      await fs.writeFile(paths.lockFile, JSON.stringify(owner));
      await lock.refresh();
      expect(notices.map((notice) => notice.level)).toEqual(['error']);
    } finally {
      await lock.release();
      await fs.rm(paths.lockFile, { force: true });
    }
  });
});
