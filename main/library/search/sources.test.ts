import { mkdir, writeFile } from 'node:fs/promises';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeTempDir, removeDir } from '../test-support';
import { type FileSystem, nodeFileSystem } from '../storage/file-system';
import { libraryPaths } from '../storage/paths';
import { SMALL_BODY_BYTES, type SearchSourcesParts, searchSourcesOf, textSlices } from './sources';

const missing = () => Promise.reject(Object.assign(new Error('ENOENT'), { code: 'ENOENT' }));

/** A file system of one file (`bytes` at 'book.md'); only readRange is used. */
function oneFile(bytes: Buffer): FileSystem {
  return {
    readRange: async (file: string, position: number, length: number) =>
      file === 'book.md' ? bytes.subarray(position, position + length) : missing(),
  } as unknown as FileSystem;
}

async function readAll(fsys: FileSystem, file: string, sliceBytes: number): Promise<string[]> {
  const slices: string[] = [];
  for await (const slice of textSlices(fsys, file, sliceBytes)) slices.push(slice);
  return slices;
}

/** What readTextIfExists answers for the whole file. */
const whole = (bytes: Buffer): string => {
  const text = bytes.toString('utf8');
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
};

describe('textSlices', () => {
  it('decodes characters cut between slices, a byte order mark and CRLF as the whole file', async () => {
    const bytes = Buffer.from('\uFEFFÉmile’s café\r\n😀 東京\r\n# Heading\n', 'utf8');
    for (const sliceBytes of [1, 2, 3, 5, 7, 64]) {
      const slices = await readAll(oneFile(bytes), 'book.md', sliceBytes);
      expect(slices.join('')).toBe(whole(bytes));
      expect(slices.every((slice) => slice !== '')).toBe(true);
    }
  });

  it('decodes any bytes, invalid UTF-8 included, as one toString of the whole', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 64 }),
        fc.integer({ min: 1, max: 9 }),
        async (array, size) => {
          const bytes = Buffer.from(array);
          expect((await readAll(oneFile(bytes), 'book.md', size)).join('')).toBe(whole(bytes));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answers nothing for a missing file', async () => {
    expect(await readAll(oneFile(Buffer.alloc(0)), 'missing.md', 4)).toEqual([]);
  });
});

describe('the search sources: body', () => {
  it('reads a small document at once and a larger one through readFile, both as text without a BOM', async () => {
    const root = await makeTempDir();
    try {
      const paths = libraryPaths(root);
      await mkdir(paths.documentsDir, { recursive: true });
      const small = `\uFEFF# Borodinó\n${'The prince rode on. '.repeat(40)}`;
      const large = 'Natásha sang. '.repeat(Math.ceil(SMALL_BODY_BYTES / 10));
      await writeFile(paths.documentFile('small'), small);
      await writeFile(paths.documentFile('large'), large);
      const readFiles: string[] = [];
      const fsys: FileSystem = {
        ...nodeFileSystem,
        readFile: (file) => (readFiles.push(file), nodeFileSystem.readFile(file)),
      };
      const { body } = searchSourcesOf({ fsys, paths } as unknown as SearchSourcesParts);
      expect(await body('small')).toBe(small.slice(1));
      expect(readFiles).toEqual([]);
      expect(await body('large')).toBe(large);
      expect(readFiles).toEqual([paths.documentFile('large')]);
      expect(await body('missing')).toBeNull();
    } finally {
      await removeDir(root);
    }
  });
});
