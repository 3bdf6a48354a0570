/** The open's temp-file cleanup runs beside writes: it takes a crash's leftovers, never a write in flight. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir } from '../test-support';
import { removeLeftoverTempFiles } from './cleanup';
import { claimTempPath, TEMP_FILE_MARK, writeFileDurable } from './durable-file';
import { type FileSystem, nodeFileSystem } from './file-system';
import { libraryFolders, libraryPaths, type LibraryPaths } from './paths';

let root: string;
let paths: LibraryPaths;

beforeEach(async () => {
  root = await makeTempDir();
  paths = libraryPaths(root);
  await Promise.all(libraryFolders(paths).map((folder) => fs.mkdir(folder, { recursive: true })));
});
afterEach(() => removeDir(root));

/** The real file system, except that renames wait until `open()` is called: a write caught mid-way. */
function gatedRenames(): { fsys: FileSystem; renaming: Promise<void>; open(): void } {
  let open = (): void => undefined;
  let reached = (): void => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const renaming = new Promise<void>((resolve) => (reached = resolve));
  const fsys: FileSystem = {
    ...nodeFileSystem,
    rename: async (from, to) => {
      reached();
      await gate;
      return nodeFileSystem.rename(from, to);
    },
  };
  return { fsys, renaming, open };
}

const tempFilesIn = async (dir: string) =>
  (await fs.readdir(dir)).filter((name) => name.includes(TEMP_FILE_MARK)).toSorted();

describe('removeLeftoverTempFiles', () => {
  it('removes a crash’s temp files but not the one a write of this process is renaming', async () => {
    const body = path.join(paths.documentsDir, 'a.md');
    const crashed = `${path.join(paths.documentsDir, 'b.md')}${TEMP_FILE_MARK}0a1b2c3d4e5f`;
    await fs.writeFile(crashed, '# half a docu');
    const gated = gatedRenames();
    const writing = writeFileDurable(gated.fsys, body, '# The whole document\n');
    await gated.renaming;
    const [inFlight] = await tempFilesIn(paths.documentsDir).then((names) =>
      names.filter((name) => name.startsWith('a.md')),
    );
    expect(inFlight).toBeDefined();

    expect(await removeLeftoverTempFiles(nodeFileSystem, paths)).toBe(1);
    expect(await tempFilesIn(paths.documentsDir)).toEqual([inFlight]);

    gated.open();
    await writing;
    expect(await fs.readFile(body, 'utf8')).toBe('# The whole document\n');
    expect(await tempFilesIn(paths.documentsDir)).toEqual([]);
  });

  it('takes a temp file once its claim is released (a write that failed to remove it)', async () => {
    const claim = claimTempPath(path.join(paths.annotationsDir, 'x.json'));
    await fs.writeFile(claim.path, '{"half":');
    expect(await removeLeftoverTempFiles(nodeFileSystem, paths)).toBe(0);
    claim.release();
    expect(await removeLeftoverTempFiles(nodeFileSystem, paths)).toBe(1);
    expect(await tempFilesIn(paths.annotationsDir)).toEqual([]);
  });

  it('leaves the library’s own files, even ones whose names look odd', async () => {
    const names = ['c.md', 'c.md.bak', 'lectern-tmp.md', 'c.json.12a'];
    for (const name of names) await fs.writeFile(path.join(paths.documentsDir, name), 'kept');
    expect(await removeLeftoverTempFiles(nodeFileSystem, paths)).toBe(0);
    expect((await fs.readdir(paths.documentsDir)).toSorted()).toEqual(names.toSorted());
  });
});
