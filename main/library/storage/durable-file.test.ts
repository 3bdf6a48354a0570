import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir } from '../test-support';
import {
  CorruptFileError,
  DurableJsonAdapter,
  TEMP_FILE_MARK,
  readTextIfExists,
  writeFileDurable,
} from './durable-file';
import { FaultFileSystem, type FaultStep } from './fault-file-system';
import { nodeFileSystem } from './file-system';

// Real prose, with multi-byte characters so that byte and character counts differ.
const PREVIOUS = '“Well, Prince, so Genoa and Lucca are now just family estates of the Buonapartes.”\n';
const NEXT = `${'Anna Pávlovna had had a cough for some days. '.repeat(400)}\n`;

let dir = '';
let file = '';
beforeEach(async () => {
  dir = await makeTempDir();
  file = path.join(dir, 'library.json');
  await fs.writeFile(file, PREVIOUS);
});
afterEach(() => removeDir(dir));

const namesInDir = async () => (await fs.readdir(dir)).toSorted();

describe('writeFileDurable', () => {
  it('loops over short writes until every byte is on disk', async () => {
    const fsys = new FaultFileSystem();
    fsys.inject({ step: 'write', effect: 'short', nth: 1 });
    fsys.inject({ step: 'write', effect: 'short', nth: 2 });
    await writeFileDurable(fsys, file, NEXT);
    expect(await fs.readFile(file, 'utf8')).toBe(NEXT);
    expect(fsys.calls.filter((call) => call.startsWith('write')).length).toBeGreaterThan(2);
  });

  it('refuses a write that claims more bytes than reached the file, before renaming', async () => {
    const fsys = new FaultFileSystem();
    fsys.inject({ step: 'write', effect: 'lying' });
    await expect(writeFileDurable(fsys, file, NEXT)).rejects.toMatchObject({ code: 'EIO' });
    expect(await fs.readFile(file, 'utf8')).toBe(PREVIOUS);
    expect(await namesInDir()).toEqual(['library.json']);
    expect(fsys.calls.some((call) => call.startsWith('rename'))).toBe(false);
  });

  const steps: FaultStep[] = ['open', 'write', 'fsync', 'close', 'stat', 'rename'];
  for (const step of steps) {
    for (const code of ['ENOSPC', 'EIO', 'EPERM']) {
      it(`fails at ${step} with ${code}: previous file byte-identical, no temp file left`, async () => {
        const fsys = new FaultFileSystem();
        fsys.inject({ step, effect: code, pathIncludes: TEMP_FILE_MARK });
        await expect(writeFileDurable(fsys, file, NEXT)).rejects.toMatchObject({ code });
        expect(fsys.injected).toBe(1);
        expect(await fs.readFile(file)).toEqual(Buffer.from(PREVIOUS));
        expect(await namesInDir()).toEqual(['library.json']);
      });
    }
  }

  it('counts a folder fsync failure after the rename as written (the data is there)', async () => {
    const fsys = new FaultFileSystem();
    fsys.inject({ step: 'fsync', effect: 'EIO', pathIncludes: dir, nth: 2 });
    await writeFileDurable(fsys, file, NEXT);
    expect(await fs.readFile(file, 'utf8')).toBe(NEXT);
  });

  it('reads a file that starts with a UTF-8 byte order mark', async () => {
    await fs.writeFile(file, `\uFEFF${PREVIOUS}`);
    expect(await readTextIfExists(nodeFileSystem, file)).toBe(PREVIOUS);
    expect(await readTextIfExists(nodeFileSystem, path.join(dir, 'missing.json'))).toBeNull();
  });
});

describe('DurableJsonAdapter', () => {
  const identity = (raw: unknown) => raw as { n: number; text: string };

  it('coalesces writes queued behind one in flight: only the latest state is written', async () => {
    const fsys = new FaultFileSystem();
    const adapter = new DurableJsonAdapter(fsys, file, identity);
    const writes = [1, 2, 3, 4].map((n) => adapter.write({ n, text: NEXT }));
    await Promise.all(writes);
    expect(await adapter.read()).toEqual({ n: 4, text: NEXT });
    expect(fsys.calls.filter((call) => call.startsWith('rename')).length).toBe(2);
  });

  it('tells every coalesced caller that their write failed, and renames nothing', async () => {
    const fsys = new FaultFileSystem();
    const adapter = new DurableJsonAdapter(fsys, file, identity);
    fsys.inject({ step: 'fsync', effect: 'ENOSPC', pathIncludes: TEMP_FILE_MARK, persistent: true });
    const results = await Promise.allSettled([1, 2, 3].map((n) => adapter.write({ n, text: NEXT })));
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(fsys.calls.some((call) => call.startsWith('rename'))).toBe(false);
    expect(await fs.readFile(file, 'utf8')).toBe(PREVIOUS);
    await adapter.flush();
    fsys.clear();
    await adapter.write({ n: 5, text: 'after' });
    expect(await adapter.read()).toEqual({ n: 5, text: 'after' });
    expect(await namesInDir()).toEqual(['library.json']);
  });

  it('turns unparsable JSON into a CorruptFileError and a missing file into null', async () => {
    await fs.writeFile(file, '{"n": 1, "text": "cut sh');
    const adapter = new DurableJsonAdapter(nodeFileSystem, file, identity);
    await expect(adapter.read()).rejects.toBeInstanceOf(CorruptFileError);
    const missing = new DurableJsonAdapter(nodeFileSystem, path.join(dir, 'none.json'), identity);
    expect(await missing.read()).toBeNull();
  });
});
