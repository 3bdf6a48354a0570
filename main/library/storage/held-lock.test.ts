/**
 * Only a lock file that names another owner takes the library away: a read that fails under
 * load or meets a lock file being written proves nothing, and a refused write leaves nothing behind.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LibraryNotice } from '../../../preload/api';
import { makeTempDir, otherOwner, removeDir } from '../test-support';
import { TEMP_FILE_MARK, ioError, writeFileDurable } from './durable-file';
import { nodeFileSystem } from './file-system';
import { HeldLock, lockedFileSystem } from './held-lock';
import { acquireLock } from './lock';
import { type LockFileReader, readLockFileText } from './lock-reading';
import { libraryPaths } from './paths';

const dirs: string[] = [];
const locks: HeldLock[] = [];
afterEach(async () => {
  for (const lock of locks.splice(0)) await lock.release();
  for (const dir of dirs.splice(0)) await removeDir(dir);
});

/** Serves the scripted answers in turn (an Error is thrown), then the real file. */
function scriptedReader(answers: (string | Error)[]): LockFileReader & { reads: number } {
  const reader = Object.assign(
    async (lockFile: string): Promise<string> => {
      reader.reads++;
      const next = answers.shift();
      if (next instanceof Error) throw next;
      return next ?? readLockFileText(lockFile);
    },
    { reads: 0 },
  );
  return reader;
}

async function heldLock(reader: LockFileReader) {
  const dir = await makeTempDir('lectern-held-lock-');
  dirs.push(dir);
  const paths = libraryPaths(dir);
  const notices: LibraryNotice[] = [];
  const lock = new HeldLock(paths, await acquireLock(paths), (notice) => notices.push(notice), reader);
  locks.push(lock);
  return { dir, paths, lock, notices };
}

describe('HeldLock.assertHeld', () => {
  it('keeps the lock when reads fail under load before one succeeds', async () => {
    const reader = scriptedReader([
      ioError('EMFILE', 'too many open files'),
      ioError('EAGAIN', 'resource temporarily unavailable'),
    ]);
    const { lock, notices } = await heldLock(reader);
    await expect(lock.assertHeld()).resolves.toBeUndefined();
    expect(reader.reads).toBe(3);
    expect(notices).toEqual([]);
  });

  it('keeps the lock when it meets the file half-written, and refuses only this write when it stays so', async () => {
    const me = JSON.stringify({ pid: process.pid, processStart: '4711', host: os.hostname() });
    const half = me.slice(0, 9);
    const { lock, notices } = await heldLock(scriptedReader(['', half, half, half, half]));
    const refused = await lock.assertHeld().then(
      () => null,
      (error: NodeJS.ErrnoException) => error,
    );
    expect(refused?.code).toBe('EAGAIN');
    expect(refused?.message).toContain('lock file could not be read');
    expect(notices).toEqual([]);
    // The next read is whole: the lock was ours all along.
    await expect(lock.assertHeld()).resolves.toBeUndefined();
    expect(notices).toEqual([]);
  });

  it('counts the lock as lost once another process’s lock, caught mid-write, names that process', async () => {
    const other = await otherOwner();
    const { paths, lock, notices } = await heldLock(scriptedReader(['{"pid":', '']));
    await fs.writeFile(paths.lockFile, JSON.stringify(other));
    await expect(lock.assertHeld()).rejects.toMatchObject({ code: 'ELOCKLOST' });
    expect(notices.map((notice) => notice.level)).toEqual(['error']);
    expect(notices[0]?.message).toContain('opened by another Lectern process');
  });

  it('makes a vanished lock file again without telling anyone a process took over', async () => {
    const { paths, lock, notices } = await heldLock(readLockFileText);
    await fs.rm(paths.lockFile);
    await expect(lock.assertHeld()).resolves.toBeUndefined();
    expect(JSON.parse(await fs.readFile(paths.lockFile, 'utf8'))).toMatchObject({ pid: process.pid });
    expect(notices).toEqual([]);
  });

  it('refuses only this write, telling nobody, when the lock file holds 64 KB that name no owner', async () => {
    const { paths, lock, notices } = await heldLock(readLockFileText);
    const mine = await fs.readFile(paths.lockFile, 'utf8');
    await fs.writeFile(paths.lockFile, `${mine.trim()}${' '.repeat(64 * 1024)}garbage`);
    await expect(lock.assertHeld()).rejects.toMatchObject({ code: 'EAGAIN' });
    expect(notices).toEqual([]);
    await fs.writeFile(paths.lockFile, mine);
    await expect(lock.assertHeld()).resolves.toBeUndefined();
  });

  it('raises no alarm and leaves no lock behind when the library closes while a check reads the lock', async () => {
    // Each read waits 50 ms: release() has its chance to remove the lock file meanwhile.
    const { paths, lock, notices } = await heldLock(async (lockFile) => {
      await new Promise<void>((resolve) => setTimeout(resolve, 50));
      return readLockFileText(lockFile);
    });
    // The refresh timer fires as close() releases the lock (under load its read is slow).
    const refreshed = lock.refresh();
    const released = lock.release();
    await Promise.all([refreshed, released]);
    expect(notices).toEqual([]);
    await expect(fs.stat(paths.lockFile)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('lockedFileSystem', () => {
  it('refuses a write once another process holds the lock, and leaves neither the new version nor a temp file', async () => {
    const { dir, paths, lock, notices } = await heldLock(readLockFileText);
    const fsys = lockedFileSystem(nodeFileSystem, lock);
    const file = path.join(dir, 'annotations.json');
    await writeFileDurable(fsys, file, '{"highlights":["the heron"]}\n');
    await fs.writeFile(paths.lockFile, JSON.stringify(await otherOwner()));
    await expect(writeFileDurable(fsys, file, '{"highlights":[]}\n')).rejects.toMatchObject({
      code: 'ELOCKLOST',
    });
    expect(await fs.readFile(file, 'utf8')).toBe('{"highlights":["the heron"]}\n');
    expect((await fs.readdir(dir)).filter((name) => name.includes(TEMP_FILE_MARK))).toEqual([]);
    expect(notices).toHaveLength(1);
  });

  it('checks the lock once per durable write, beside the temp file’s write', async () => {
    const reader = scriptedReader([]);
    const { dir, lock } = await heldLock(reader);
    const fsys = lockedFileSystem(nodeFileSystem, lock);
    await writeFileDurable(fsys, path.join(dir, 'position.json'), '{"offset":1}\n');
    expect(reader.reads).toBe(1);
  });
});
