/**
 * A corrupt library.json or shard restored from its backup, or tags.json rebuilt, with a kill after
 * every file-system call of the open that does it: the next open lists every document, and tells
 * of the repair exactly once (the corrupt file stays in place until the repaired one replaces it,
 * and the notice is kept on disk before that).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Library, openLibrary } from './library';
import { FaultFileSystem, KilledError } from './storage/fault-file-system';
import { bytes, killAtEveryStep, steppingClock, useTempLibrary } from './test-support';

const temp = useTempLibrary();
/** The first two are in the backup; the last was imported after it (the folder brings it back). */
const TITLES = ['Kept', 'Also kept', 'Late'];
const importTitle = (lib: Library, title: string) =>
  lib.documents.importFiles([{ name: `${title}.md`, bytes: bytes(`# ${title}\n\nText.`) }]);

const restoreNotices = (lib: Library) =>
  lib.app
    .getLibraryInfo()
    .notices.filter((notice) =>
      /^(library\.json could not be read|Part of the library's catalog|The tag list)/.test(notice.message),
    );

/** Damages the catalog of the library at `root`. */
const damages: [string, (root: string) => Promise<void>][] = [
  [
    'library.json',
    (root) => fs.writeFile(path.join(root, 'library.json'), '{"schemaVersion": 4, "shards": [{"fi'),
  ],
  ['tags.json', (root) => fs.writeFile(path.join(root, 'tags.json'), '{"schemaVersion": 1, "tags": {"x": ')],
  [
    'a shard',
    async (root) => {
      const [shard] = await fs.readdir(path.join(root, 'catalog'));
      await fs.writeFile(path.join(root, 'catalog', shard ?? ''), 'garbage');
    },
  ],
];

/**
 * What the catalog's files hold (library.json, tags.json, the shards), to see that nothing was
 * replaced; copies kept aside beside them (`.corrupt-`) add to the folder and are left out.
 */
async function catalogFiles(root: string): Promise<Record<string, string>> {
  const names = [
    'library.json',
    'tags.json',
    ...(await fs.readdir(path.join(root, 'catalog')))
      .filter((name) => !name.includes('.corrupt-'))
      .map((name) => `catalog/${name}`),
  ];
  const held = await Promise.all(
    names.map((name) => fs.readFile(path.join(root, name), 'utf8').catch(() => null)),
  );
  return Object.fromEntries(names.map((name, i) => [name, held[i] ?? '(missing)']));
}

async function titles(lib: Library): Promise<string[]> {
  return (await lib.documents.listDocuments()).map((doc) => doc.title).toSorted();
}

describe.each(damages)('restoring a corrupt %s', (_damaged, damage) => {
  it('lists the backup and what the folder adds, and tells of it once, after a kill at any step', async () => {
    let lib = await temp.open();
    for (const title of TITLES.slice(0, 2)) await importTitle(lib, title);
    lib = await temp.open(); // a backup holding both
    await importTitle(lib, TITLES[2] ?? '');
    await lib.close();
    await damage(temp.root);
    const kills = await killAtEveryStep(temp.root, async (calls) => {
      const fsys = new FaultFileSystem();
      fsys.crashAfter(calls);
      const dying = await openLibrary({ root: temp.root, fileSystem: fsys, now: steppingClock() }).catch(
        (error: unknown) => error,
      );
      if (!(dying instanceof KilledError)) {
        // The open (and so the repair) finished within `calls` calls.
        if (dying instanceof Error) throw dying;
        await (dying as Library).close();
        return false;
      }
      await fs.rm(path.join(temp.root, '.lock'), { force: true });
      lib = await temp.open();
      expect(await titles(lib), `killed after ${calls} calls`).toEqual(TITLES.toSorted());
      expect(restoreNotices(lib), `killed after ${calls} calls`).toHaveLength(1);
      await lib.close();
      return true;
    });
    expect(kills).toBeGreaterThan(10);
    lib = await temp.open();
    const [told, ...more] = restoreNotices(lib);
    expect(more).toEqual([]);
    expect(await lib.app.acknowledgeNotice(told?.id ?? '')).toEqual({ ok: true, value: null });
    expect(restoreNotices(await temp.open())).toEqual([]);
  }, 180_000);

  it('is not done while its notice cannot be kept (a full disk): the open fails, and the next one restores', async () => {
    const lib = await temp.open();
    await importTitle(lib, 'Kept');
    await (await temp.open()).close(); // a backup holding it
    await damage(temp.root);
    const before = await catalogFiles(temp.root);
    const fsys = new FaultFileSystem();
    fsys.inject({
      step: 'write',
      effect: 'ENOSPC',
      pathIncludes: `${path.sep}notices${path.sep}`,
      persistent: true,
    });
    await expect(openLibrary({ root: temp.root, fileSystem: fsys })).rejects.toThrow(/ENOSPC/);
    expect(await catalogFiles(temp.root)).toEqual(before);
    expect(restoreNotices(await temp.open())).toHaveLength(1);
  });
});
