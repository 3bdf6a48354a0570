import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir } from '../test-support';
import { textOfFile } from './durable-file';
import { FaultFileSystem, KilledError } from './fault-file-system';
import { nodeFileSystem } from './file-system';

// Multi-byte characters: the limit is in bytes, not characters.
const PROSE = '\uFEFF“Well, Prince, so Genoa and Lucca are now just family estates of the Buonapartes.”\n';
const bytes = Buffer.byteLength(PROSE);

let dir = '';
let file = '';
beforeEach(async () => {
  dir = await makeTempDir();
  file = path.join(dir, 'document.md');
  await fs.writeFile(file, PROSE);
});
afterEach(() => removeDir(dir));

describe('readSmallFile', () => {
  it('reads a file of at most maxBytes whole, as readFile does', async () => {
    const small = nodeFileSystem.readSmallFile(file, bytes);
    expect(small).toEqual(await nodeFileSystem.readFile(file));
    expect(textOfFile(small ?? Buffer.alloc(0))).toBe(PROSE.slice(1));
  });

  it('answers null for a larger file, without reading it', () => {
    expect(nodeFileSystem.readSmallFile(file, bytes - 1)).toBeNull();
  });

  it('reads an empty file as no bytes', async () => {
    await fs.writeFile(file, '');
    expect(nodeFileSystem.readSmallFile(file, 10)).toEqual(Buffer.alloc(0));
  });

  it('throws ENOENT for a missing file, as readFile does', () => {
    expect(() => nodeFileSystem.readSmallFile(path.join(dir, 'missing.md'), 10)).toThrow(
      expect.objectContaining({ code: 'ENOENT' }),
    );
  });

  it('fails at the readFile step under injected faults, and dies with the process', () => {
    const fsys = new FaultFileSystem();
    fsys.inject({ step: 'readFile', effect: 'EIO', pathIncludes: 'document' });
    expect(() => fsys.readSmallFile(file, bytes)).toThrow(expect.objectContaining({ code: 'EIO' }));
    expect(fsys.readSmallFile(file, bytes)?.length).toBe(bytes);
    fsys.crashAfter(1);
    expect(() => fsys.readSmallFile(file, bytes)).toThrow(KilledError);
    expect(() => fsys.readSmallFile(file, bytes)).toThrow(KilledError);
    expect(fsys.calls).toEqual([`readFile ${file}`, `readFile ${file}`, `readFile ${file}`]);
  });
});
