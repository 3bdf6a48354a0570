/** The documents with an annotations file come from one listing of the folder, not a read per document. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type FileSystem, nodeFileSystem } from '../storage/file-system';
import { libraryPaths, type LibraryPaths } from '../storage/paths';
import { makeTempDir, removeDir } from '../test-support';
import { annotatedDocumentIds } from './annotated-ids';

let root: string;
let paths: LibraryPaths;

beforeEach(async () => {
  root = await makeTempDir();
  paths = libraryPaths(root);
});
afterEach(() => removeDir(root));

/** The real file system, counting the reads and listings it is asked for. */
function countingFileSystem(): { fsys: FileSystem; reads: string[]; listings: string[] } {
  const reads: string[] = [];
  const listings: string[] = [];
  const fsys: FileSystem = {
    ...nodeFileSystem,
    readFile: (file) => (reads.push(file), nodeFileSystem.readFile(file)),
    readdir: (dir) => (listings.push(dir), nodeFileSystem.readdir(dir)),
  };
  return { fsys, reads, listings };
}

const AAA = 'aaaaaaaaaaaaaaaa';
const BBB = 'bbbbbbbbbbbbbbbb';
const GONE = 'cccccccccccccccc';

it('lists the catalog documents that have a file, without reading any file', async () => {
  await fs.mkdir(paths.annotationsDir, { recursive: true });
  for (const name of [`${AAA}.json`, `${BBB}.json`, `${GONE}.json`, 'notes.txt', `${AAA}.json.bak`])
    await fs.writeFile(path.join(paths.annotationsDir, name), '{}');
  const known = new Set([AAA, BBB, 'dddddddddddddddd']);
  const { fsys, reads, listings } = countingFileSystem();

  const ids = await annotatedDocumentIds(fsys, paths, (id) => known.has(id));

  expect(ids.toSorted()).toEqual([AAA, BBB]);
  expect(listings).toEqual([paths.annotationsDir]);
  expect(reads).toEqual([]);
});

it('counts a document whose changes are still only in its append log, once', async () => {
  await fs.mkdir(paths.annotationsDir, { recursive: true });
  for (const name of [`${AAA}.log`, `${BBB}.json`, `${BBB}.log`, `${GONE}.log`])
    await fs.writeFile(path.join(paths.annotationsDir, name), '');
  const known = new Set([AAA, BBB]);

  const ids = await annotatedDocumentIds(nodeFileSystem, paths, (id) => known.has(id));

  expect(ids.toSorted()).toEqual([AAA, BBB]);
});

it('answers none when the folder is not there', async () => {
  expect(await annotatedDocumentIds(nodeFileSystem, paths, () => true)).toEqual([]);
});
