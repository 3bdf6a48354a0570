import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAnnotationFile } from '../../../common/interop/parse-file';
import { MAX_ANNOTATION_FILE_BYTES } from '../../../common/interop/limits';
import { nodeFileSystem } from '../storage/file-system';
import { readAnnotationFile } from './read-file';

const CLIPPING =
  'Emma (Austen, Jane)\r\n- Your Highlight on Location 10-12 | Added on Sunday, 3 March 2019 10:00:00\r\n\r\nEmma Woodhouse, handsome, clever, and rich\r\n==========\r\n';
let dir = '';
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lectern-interop-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('reading an annotation file', () => {
  it('reads UTF-16 with its byte order mark (either order) as well as UTF-8', async () => {
    const le = path.join(dir, 'le.txt');
    await fs.writeFile(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CLIPPING, 'utf16le')]));
    const be = path.join(dir, 'be.txt');
    const swapped = Buffer.from(CLIPPING, 'utf16le').swap16();
    await fs.writeFile(be, Buffer.concat([Buffer.from([0xfe, 0xff]), swapped]));
    for (const file of [le, be]) {
      const text = await readAnnotationFile(nodeFileSystem, file);
      if (!text.ok) throw new Error(text.message);
      const parsed = parseAnnotationFile(text.value);
      expect(parsed.ok && parsed.value.groups[0]?.annotations[0]?.quote).toBe(
        'Emma Woodhouse, handsome, clever, and rich',
      );
    }
  });

  it('refuses a file over the size cap before reading it, and says why a file cannot be read', async () => {
    const huge = {
      ...nodeFileSystem,
      stat: async () => ({ size: MAX_ANNOTATION_FILE_BYTES + 1, mtimeMs: 0, isDirectory: () => false }),
    };
    expect(await readAnnotationFile(huge, path.join(dir, 'any.txt'))).toMatchObject({
      ok: false,
      code: 'too-large',
      message: expect.stringContaining('at most 50 MB'),
    });
    expect(await readAnnotationFile(nodeFileSystem, dir)).toMatchObject({ ok: false, code: 'unreadable' });
    expect(parseAnnotationFile('x'.repeat(MAX_ANNOTATION_FILE_BYTES + 1))).toMatchObject({
      ok: false,
      code: 'too-large',
    });
  });
});
