/**
 * Notices about changes to the user's files are kept on disk from before the change commits
 * until the user dismisses them; a change that never committed is not told; a kept notice that
 * does not read is moved aside with its own notice; a full disk keeps the change from committing.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FaultFileSystem, KilledError } from '../storage/fault-file-system';
import { nodeFileSystem } from '../storage/file-system';
import { makeTempDir, removeDir, steppingClock } from '../test-support';
import { Notices } from './notices';

let root = '';
let noticesDir = '';
let target = '';
beforeEach(async () => {
  root = await makeTempDir();
  noticesDir = path.join(root, 'notices');
  target = path.join(root, 'annotations', 'a.json');
  await fs.mkdir(noticesDir);
  await fs.mkdir(path.dirname(target));
  await fs.writeFile(target, '{"broken');
});
afterEach(() => removeDir(root));

const REPLACED = { level: 'warning', message: 'a.json was replaced by its backup.' } as const;
const open = async (fsys = new FaultFileSystem(nodeFileSystem)) => {
  const notices = new Notices(fsys, root, noticesDir, steppingClock());
  await notices.load();
  return notices;
};
const messages = (notices: Notices) => notices.list().map((notice) => notice.message);
const replace = () => fs.writeFile(target, '{"highlights": []}');

describe('a notice about a change to the user files', () => {
  it('is kept before the change, raised once it committed, and listed at every open until dismissed', async () => {
    const notices = await open();
    const heard: string[] = [];
    notices.subscribe((notice) => heard.push(notice.message));
    const kept = await notices.tellOfChange(REPLACED, target, async () => {
      // Written before the change: a kill now leaves it on disk (dropped at open: nothing changed).
      expect(await fs.readdir(noticesDir)).toHaveLength(1);
      expect(heard).toEqual([]);
      await replace();
      return 'committed';
    });
    expect(kept).toBe('committed');
    expect(heard).toEqual([REPLACED.message]);
    notices.raise({ level: 'info', message: 'Only for now.' });

    const reopened = await open();
    expect(messages(reopened)).toEqual([REPLACED.message]);
    const id = reopened.list()[0]?.id ?? '';
    expect(id).toMatch(/^\d{13}-[0-9a-f]{8}$/);
    await reopened.acknowledge(id);
    await reopened.acknowledge(id); // dismissed in a second window too
    expect(reopened.list()).toEqual([]);
    expect(await fs.readdir(noticesDir)).toEqual([]);
    expect((await open()).list()).toEqual([]);
  });

  it('is dropped when the change failed, and at open when the file still holds what it replaced', async () => {
    const notices = await open();
    const failing = notices.tellOfChange(REPLACED, target, () => Promise.reject(new Error('EPERM')));
    await expect(failing).rejects.toThrow('EPERM');
    expect(notices.list()).toEqual([]);
    expect(await fs.readdir(noticesDir)).toEqual([]);
    // A kill between the notice and the change: the notice stays on disk, the file as it was.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const dying = new FaultFileSystem(nodeFileSystem);
    const killed = (await open(dying)).tellOfChange(REPLACED, target, async () => {
      dying.crashAfter(1);
      await dying.stat(target);
    });
    await expect(killed).rejects.toThrow(KilledError);
    quiet.mockRestore();
    expect(await fs.readdir(noticesDir)).toHaveLength(1);
    expect((await open()).list()).toEqual([]);
    expect(await fs.readdir(noticesDir)).toEqual([]);
  });

  it('kept around a change, is unfinished until raised in its final words (what follows the change ran)', async () => {
    const notices = await open();
    const { id, committed } = await notices.keepAround(REPLACED, target, async () => {
      await replace();
      return 'committed';
    });
    expect(committed).toBe('committed');
    expect(notices.list()).toEqual([]);
    // Killed here: the next open hands it back to be finished, and lists nothing yet.
    const reopened = new Notices(new FaultFileSystem(nodeFileSystem), root, noticesDir, steppingClock());
    expect(await reopened.load()).toEqual([{ id, notice: REPLACED }]);
    expect(reopened.list()).toEqual([]);
    const final = { ...REPLACED, message: `${REPLACED.message} 1 document was added back.` };
    await reopened.raiseKept(id, final);
    expect(reopened.list()).toEqual([{ id, ...final }]);
    const later = new Notices(new FaultFileSystem(nodeFileSystem), root, noticesDir, steppingClock());
    expect(await later.load()).toEqual([]);
    expect(later.list()).toEqual([{ id, ...final }]);
  });

  it('keeps the change from committing when it cannot be kept (a full disk), and says so now', async () => {
    const fsys = new FaultFileSystem(nodeFileSystem);
    const notices = await open(fsys);
    fsys.inject({ step: 'write', effect: 'ENOSPC', pathIncludes: noticesDir, persistent: true });
    let committed = 0;
    const commit = async () => void (committed += 1);
    await expect(notices.tellOfChange(REPLACED, target, commit)).rejects.toThrow(/ENOSPC/);
    await expect(notices.tellOfChange(REPLACED, target, commit)).rejects.toThrow(/ENOSPC/);
    expect(committed).toBe(0);
    expect(await fs.readFile(target, 'utf8')).toBe('{"broken');
    expect(messages(notices)).toEqual([
      `annotations/a.json needs to be replaced, but Lectern could not first keep its notice to you about it (ENOSPC), so it is left as it is for now and tried again later. What Lectern would have done: ${REPLACED.message}`,
    ]);
    fsys.clear();
    await notices.tellOfChange(REPLACED, target, replace);
    expect(messages(await open())).toEqual([REPLACED.message]);
  });
});

describe('a kept notice that cannot be read', () => {
  it('is moved aside with a notice of its own, and does not keep the library from opening', async () => {
    const bad = path.join(noticesDir, '1704067200000-0123abcd.json');
    await fs.writeFile(bad, '{"level": "warning", "mess');
    const notices = await open();
    expect(messages(notices)).toEqual([
      expect.stringMatching(
        /^A notice Lectern kept for you could not be read \(.*JSON.*\); its file was moved to notices\/1704067200000-0123abcd\.json\.corrupt-/,
      ),
    ]);
    const names = await fs.readdir(noticesDir);
    expect(names.filter((name) => name.includes('.corrupt-'))).toHaveLength(1);
    // Its own notice is kept like any other until dismissed.
    const reopened = await open();
    expect(messages(reopened)).toEqual(messages(notices));
    await reopened.acknowledge(reopened.list()[0]?.id ?? '');
    expect((await open()).list()).toEqual([]);
  });

  it('stays in place when it cannot be read now (no proof of damage), and is listed once it can', async () => {
    const notices = await open();
    await notices.tellOfChange(REPLACED, target, replace);
    const fsys = new FaultFileSystem(nodeFileSystem);
    fsys.inject({ step: 'readFile', effect: 'EIO', pathIncludes: `notices${path.sep}` });
    expect(messages(await open(fsys))).toEqual([
      expect.stringMatching(
        /^A notice Lectern kept for you \(notices\/\d{13}-[0-9a-f]{8}\.json\) could not be read now \(EIO\); it stays where it is/,
      ),
    ]);
    expect(await fs.readdir(noticesDir)).toHaveLength(1);
    expect(messages(await open())).toEqual([REPLACED.message]);
  });

  it('reads a notice a newer build kept with a field this one does not know', async () => {
    const notices = await open();
    await notices.tellOfChange(REPLACED, target, replace);
    const [name = ''] = await fs.readdir(noticesDir);
    const entry = JSON.parse(await fs.readFile(path.join(noticesDir, name), 'utf8'));
    await fs.writeFile(path.join(noticesDir, name), JSON.stringify({ ...entry, severity: 3 }));
    expect(messages(await open())).toEqual([REPLACED.message]);
  });

  it('stays in place, and is said, when it cannot be moved aside', async () => {
    await fs.writeFile(path.join(noticesDir, '1704067200000-0123abcd.json'), '{"level": "loud"}');
    const fsys = new FaultFileSystem(nodeFileSystem);
    fsys.inject({ step: 'rename', effect: 'EACCES', pathIncludes: '.corrupt-' });
    const notices = await open(fsys);
    expect(messages(notices)).toEqual([
      expect.stringMatching(/could not be read \(not a notice Lectern keeps\) nor moved aside \(EACCES\)/),
    ]);
    expect(await fs.readdir(noticesDir)).toEqual(['1704067200000-0123abcd.json']);
  });
});
