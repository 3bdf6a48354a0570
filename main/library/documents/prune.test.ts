/**
 * The pruning rule: documents in the trash longer than the rule, and earlier versions kept by
 * "Update from file" older than it, are deleted for good at open and when the rule is shortened;
 * the user is told what went; nothing younger, and nothing at all under "keep", is touched.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../preload/api';
import { type Library, openLibrary } from '../library';
import { FaultFileSystem } from '../storage/fault-file-system';
import { bytes, makeTempDir, removeDir } from '../test-support';
import { settingsArguments } from '../settings/schemas';
import { prunedNotice } from './prune';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2024, 0, 1);

const roots: string[] = [];
const libraries: Library[] = [];
afterEach(async () => {
  for (const lib of libraries.splice(0)) await lib.close().catch(() => undefined);
  for (const root of roots.splice(0)) await removeDir(root);
});

/** A library whose clock the test moves; the hedgehog trashed at day 0, the whale at day 20. */
async function agedWorld() {
  const root = await makeTempDir('lectern-prune-');
  roots.push(root);
  const clock = { t: T0 };
  const fsys = new FaultFileSystem();
  const open = async () => {
    const lib = await openLibrary({ root, fileSystem: fsys, now: () => new Date(clock.t) });
    libraries.push(lib);
    return lib;
  };
  const lib = await open();
  const report = await lib.documents.importFiles([
    { name: 'hedgehog.md', bytes: bytes('# The Hedgehog\n\nThe fox knows many things.') },
    { name: 'whale.md', bytes: bytes('# The Whale\n\nCall me Ishmael. Some years ago.') },
  ]);
  const [hedgehog, whale] = report.outcomes.map((o) => (o.status === 'imported' ? o.document : null)) as [
    DocumentSummary,
    DocumentSummary,
  ];
  expect((await lib.documents.deleteDocument(hedgehog.id)).ok).toBe(true);
  clock.t = T0 + 20 * DAY;
  expect((await lib.documents.deleteDocument(whale.id)).ok).toBe(true);
  // Earlier versions kept by "Update from file", written at day 0 and day 25.
  const history = path.join(root, 'history');
  const oldVersion = path.join(history, 'aaaaaaaaaaaaaaaa', '1111111111111111.md');
  const newVersion = path.join(history, 'bbbbbbbbbbbbbbbb', '2222222222222222.md');
  for (const [file, written] of [
    [oldVersion, T0],
    [newVersion, T0 + 25 * DAY],
  ] as const) {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, 'An earlier body.');
    await fs.utimes(file, written / 1000, written / 1000);
  }
  await lib.close();
  return { root, clock, fsys, open, hedgehog, whale, oldVersion, newVersion };
}

const exists = (file: string) => fs.stat(file).then(() => true, () => false);
const trashIds = async (lib: Library) => (await lib.documents.listTrash()).map((entry) => entry.id);
const notices = (lib: Library) => lib.app.getLibraryInfo().notices.map((notice) => notice.message);

describe('pruning after N days', () => {
  it('at open deletes for good what is older than the rule (30 days by default) and says so', async () => {
    const world = await agedWorld();
    world.clock.t = T0 + 35 * DAY;
    const lib = await world.open();
    expect(lib.settings.getSettings().pruneAfterDays).toBe(30);
    expect(await trashIds(lib)).toEqual([world.whale.id]);
    expect(await exists(path.join(world.root, 'trash', world.hedgehog.id))).toBe(false);
    expect(await exists(world.oldVersion)).toBe(false);
    // Its emptied folder goes too; the younger version stays.
    expect(await exists(path.dirname(world.oldVersion))).toBe(false);
    expect(await exists(world.newVersion)).toBe(true);
    expect(notices(lib)).toContain(
      'Deleted for good 1 document from the trash and 1 earlier version of updated documents, kept longer than 30 days (change this in the Trash).',
    );
    // The younger trashed document is still whole: it restores.
    expect((await lib.documents.restoreDocument(world.whale.id)).ok).toBe(true);
  });

  it('applies a shorter rule at once, and "keep" touches nothing', async () => {
    const world = await agedWorld();
    world.clock.t = T0 + 29 * DAY;
    const lib = await world.open();
    expect(await trashIds(lib)).toHaveLength(2);
    expect((await lib.settings.updateSettings({ pruneAfterDays: null })).ok).toBe(true);
    expect(await trashIds(lib)).toHaveLength(2);
    expect((await lib.settings.updateSettings({ pruneAfterDays: 7 })).ok).toBe(true);
    // Day 29: both trashed documents (29 and 9 days) and the day-0 version go; the day-25 one stays.
    await expect.poll(() => trashIds(lib)).toEqual([]);
    await expect.poll(() => exists(world.oldVersion)).toBe(false);
    expect(await exists(world.newVersion)).toBe(true);
    await lib.close();
    // Kept as set across a restart.
    const again = await world.open();
    expect(again.settings.getSettings().pruneAfterDays).toBe(7);
  });

  it('never deletes under "keep", however old', async () => {
    const world = await agedWorld();
    const first = await world.open();
    expect((await first.settings.updateSettings({ pruneAfterDays: null })).ok).toBe(true);
    await first.close();
    world.clock.t = T0 + 5000 * DAY;
    const lib = await world.open();
    expect(await trashIds(lib)).toHaveLength(2);
    expect(await exists(world.oldVersion)).toBe(true);
  });

  it('a failing delete is told, keeps the entry, and does not stop the library opening', async () => {
    const world = await agedWorld();
    world.clock.t = T0 + 35 * DAY;
    world.fsys.inject({ step: 'rename', effect: 'EPERM', pathIncludes: world.hedgehog.id });
    const lib = await world.open();
    world.fsys.clear();
    expect(await trashIds(lib)).toEqual([world.whale.id, world.hedgehog.id]);
    expect(notices(lib).some((message) => /could not all be deleted for good \(.*EPERM/.test(message))).toBe(true);
  });

  it('accepts only the offered rules, and words its notice', async () => {
    const world = await agedWorld();
    const lib = await world.open();
    for (const bad of [0, -1, 31, 1e9, '30', Number.NaN, true])
      expect(settingsArguments.updateSettings.safeParse([{ pruneAfterDays: bad }]).success).toBe(false);
    for (const good of [7, 30, 90, 365, null])
      expect(settingsArguments.updateSettings.safeParse([{ pruneAfterDays: good }]).success).toBe(true);
    expect(lib.settings.getSettings().pruneAfterDays).toBe(30);
    expect(prunedNotice({ trashed: 0, versions: 0 }, 30)).toBeNull();
    expect(prunedNotice({ trashed: 2, versions: 0 }, 7)?.message).toBe(
      'Deleted for good 2 documents from the trash, kept longer than 7 days (change this in the Trash).',
    );
  });
});
