/** The lock file is created with its owner already in it, and what a kill leaves is cleaned at open. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../library';
import { makeTempDir, removeDir } from '../test-support';
import { TEMP_FILE_MARK } from './durable-file';
import { currentOwner, ownerFromText, tryLock } from './lock';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await removeDir(dir);
});

describe('tryLock', () => {
  it('writes the owner into the lock in one step and leaves no temp file', async () => {
    const dir = await makeTempDir('lectern-lock-');
    dirs.push(dir);
    const lockFile = path.join(dir, '.lock');
    const me = await currentOwner();
    expect(await tryLock(lockFile, me)).toBe(true);
    expect(ownerFromText(await fs.readFile(lockFile, 'utf8'))).toEqual(me);
    expect(await fs.readdir(dir)).toEqual(['.lock']);
    // A live owner holds it: a second taker is refused and the lock is untouched.
    expect(await tryLock(lockFile, { ...me, processStart: me.processStart })).toBe(false);
    expect(ownerFromText(await fs.readFile(lockFile, 'utf8'))).toEqual(me);
  });

  it('a temp file a kill left beside the lock is removed when the library opens', async () => {
    const dir = await makeTempDir('lectern-lock-');
    dirs.push(dir);
    const leftover = path.join(dir, `.lock${TEMP_FILE_MARK}0badc0ffee00`);
    await fs.writeFile(leftover, '{"pid":1');
    const lib = await openLibrary({ root: dir });
    await lib.close();
    await expect(fs.stat(leftover)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
