/** The framed record log: what a torn or damaged record does to a read, and an append that fails. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir } from '../test-support';
import { FaultFileSystem } from './fault-file-system';
import { nodeFileSystem } from './file-system';
import { FRAME_BYTES, LogMovedError, appendRecords, frameRecord, readRecords } from './record-log';

const framed = (...payloads: string[]) => Buffer.concat(payloads.map(frameRecord));

describe('reading records', () => {
  it('reads whole records back, UTF-8 included', () => {
    const bytes = framed('{"a":1}', 'Ærøskøbing — “quoted”', '');
    expect(readRecords(bytes)).toEqual({
      records: ['{"a":1}', 'Ærøskøbing — “quoted”', ''],
      validBytes: bytes.length,
      stopped: null,
    });
  });

  it('drops a record cut short at any byte, keeping the whole ones before it', () => {
    const whole = framed('first', 'second');
    const last = frameRecord('third, torn');
    for (let cut = 1; cut < last.length; cut++) {
      const read = readRecords(Buffer.concat([whole, last.subarray(0, cut)]));
      expect(read).toEqual({ records: ['first', 'second'], validBytes: whole.length, stopped: 'torn' });
    }
  });

  it('stops at a checksum mismatch: torn when it is the last record, damaged when records follow', () => {
    const bytes = framed('first', 'second', 'third');
    const second = FRAME_BYTES + 'first'.length;
    const flipped = Buffer.from(bytes);
    flipped.writeUInt8(flipped.readUInt8(second + FRAME_BYTES + 2) ^ 0x20, second + FRAME_BYTES + 2);
    expect(readRecords(flipped)).toEqual({ records: ['first'], validBytes: second, stopped: 'damaged' });
    const lastFlipped = Buffer.from(bytes);
    lastFlipped.writeUInt8(lastFlipped.readUInt8(bytes.length - 1) ^ 0x01, bytes.length - 1);
    expect(readRecords(lastFlipped)).toMatchObject({ records: ['first', 'second'], stopped: 'torn' });
  });

  it('takes a length pointing past the end as damaged, not torn, when whole records follow', () => {
    const bytes = framed('first', 'second', 'third');
    const second = FRAME_BYTES + 'first'.length;
    const stretched = Buffer.from(bytes);
    stretched.writeUInt32LE(0x00_01_00_00, second);
    expect(readRecords(stretched)).toEqual({ records: ['first'], validBytes: second, stopped: 'damaged' });
  });

  it('checks a rest full of would-be records in linear time, and takes it as damaged', () => {
    // After a length pointing past the end: 4 KB whose every fourth byte starts a 2,000-byte "record"
    // (checksum wrong): checking each in full would be quadratic in the rest of the file.
    const rest = Buffer.alloc(4096);
    for (let at = 0; at < rest.length; at += 4) rest.writeUInt32LE(2000, at);
    const stretched = Buffer.concat([framed('first'), Buffer.from([0xff, 0xff, 0, 0, 1, 2, 3, 4]), rest]);
    expect(readRecords(stretched)).toMatchObject({ records: ['first'], stopped: 'damaged' });
  });

  it('takes zeros where a record should be (a file extended but never written) as torn', () => {
    const bytes = Buffer.concat([framed('first'), Buffer.alloc(40)]);
    expect(readRecords(bytes)).toMatchObject({ records: ['first'], stopped: 'torn' });
  });
});

describe('appending records', () => {
  let dir = '';
  let file = '';
  beforeEach(async () => {
    dir = await makeTempDir();
    file = path.join(dir, 'x.log');
    await fs.writeFile(file, framed('header'));
  });
  afterEach(() => removeDir(dir));

  const size = async () => (await fs.stat(file)).size;

  it('appends after the whole records, cutting a torn tail first', async () => {
    const valid = await size();
    await fs.appendFile(file, frameRecord('torn').subarray(0, 5));
    await appendRecords(nodeFileSystem, file, valid, frameRecord('next'), true);
    expect(readRecords(await fs.readFile(file))).toMatchObject({
      records: ['header', 'next'],
      stopped: null,
    });
  });

  it('refuses to append to a log removed or cut outside, and creates or pads nothing', async () => {
    const valid = await size();
    await fs.truncate(file, valid - 2);
    await expect(appendRecords(nodeFileSystem, file, valid, frameRecord('next'), true)).rejects.toThrow(
      LogMovedError,
    );
    expect(await size()).toBe(valid - 2);
    await fs.rm(file);
    await expect(appendRecords(nodeFileSystem, file, valid, frameRecord('next'), false)).rejects.toThrow(
      LogMovedError,
    );
    await expect(fs.stat(file)).rejects.toThrow(/ENOENT/);
  });

  it('measures the log on its handle: a failed measure before appending writes nothing; after, cuts back', async () => {
    const valid = await size();
    const before = new FaultFileSystem();
    before.inject({ step: 'stat', effect: 'EIO' });
    await expect(appendRecords(before, file, valid, frameRecord('refused'), false)).rejects.toThrow(
      LogMovedError,
    );
    expect(await size()).toBe(valid);
    const after = new FaultFileSystem();
    after.inject({ step: 'stat', effect: 'EIO', nth: 2 });
    await expect(appendRecords(after, file, valid, frameRecord('refused'), false)).rejects.toThrow(/EIO/);
    expect(readRecords(await fs.readFile(file)).records).toEqual(['header']);
    await appendRecords(nodeFileSystem, file, valid, frameRecord('next'), false);
    expect(readRecords(await fs.readFile(file)).records).toEqual(['header', 'next']);
  });

  for (const [step, effect] of [
    ['write', 'ENOSPC'],
    ['write', 'lying'],
    ['fsync', 'EIO'],
  ] as const) {
    it(`${step} ${effect}: refused, and the file cut back to its whole records`, async () => {
      const faults = new FaultFileSystem();
      faults.inject({ step, effect });
      const valid = await size();
      await expect(appendRecords(faults, file, valid, frameRecord('refused'), false)).rejects.toThrow(
        /ENOSPC|EIO/,
      );
      expect(await size()).toBe(valid);
      expect(readRecords(await fs.readFile(file)).records).toEqual(['header']);
    });
  }
});
