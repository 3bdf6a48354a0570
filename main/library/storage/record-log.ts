/**
 * An append-only file of records, each framed by its length and a checksum: a change is one
 * appended record and one fsync (no temp file, rename or folder fsync). A record cut short by a
 * crash, or whose checksum does not match, ends what is read: it and what follows are dropped.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { ioError, writeAll } from './durable-file';
import { APPEND_EXISTING, type FileSystem, type WritableFile } from './file-system';
import { errnoOf } from './failures';

/** Bytes before each record's payload: its length, then its checksum (both uint32, little-endian). */
export const FRAME_BYTES = 8;

/** The first 4 bytes of the payload's SHA-1: enough to tell a torn or damaged record from a whole one. */
const checksumOf = (payload: Uint8Array): number =>
  createHash('sha1').update(payload).digest().readUInt32LE(0);

/** A content digest (hex SHA-1), e.g. of the file a log extends, so a log of another version is recognised. */
export const digestOf = (text: string): string => createHash('sha1').update(text, 'utf8').digest('hex');

/** One record, framed (length, checksum, UTF-8 payload). */
export function frameRecord(payload: string): Buffer {
  const body = Buffer.from(payload, 'utf8');
  const frame = Buffer.alloc(FRAME_BYTES + body.length);
  frame.writeUInt32LE(body.length, 0);
  frame.writeUInt32LE(checksumOf(body), 4);
  body.copy(frame, FRAME_BYTES);
  return frame;
}

/**
 * What reading a log found: its whole records, the bytes they take (where the next record goes),
 * and why reading stopped early: `torn` (the last record is cut short or fails its checksum: a
 * write a crash interrupted, never acknowledged) or `damaged` (a bad record with more after it
 * that is not all zeros).
 */
export interface ReadRecords {
  records: string[];
  validBytes: number;
  stopped: null | 'torn' | 'damaged';
}

/** Splits a log's bytes into records, stopping at the first one cut short or failing its checksum. */
export function readRecords(bytes: Uint8Array): ReadRecords {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records: string[] = [];
  let offset = 0;
  while (offset < buffer.length) {
    if (buffer.length - offset < FRAME_BYTES) return { records, validBytes: offset, stopped: 'torn' };
    const length = buffer.readUInt32LE(offset);
    const end = offset + FRAME_BYTES + length;
    // Past the end: a record a crash cut short (torn), unless a whole record follows, which a cut
    // record never has: then its length was damaged, and what follows is lost (damaged, said).
    if (end > buffer.length) {
      const damaged = wholeRecordFrom(buffer, offset + FRAME_BYTES);
      return { records, validBytes: offset, stopped: damaged ? 'damaged' : 'torn' };
    }
    const body = buffer.subarray(offset + FRAME_BYTES, end);
    if (checksumOf(body) !== buffer.readUInt32LE(offset + 4)) {
      // The last record, or zeros to the end (a file the crash extended before its bytes landed): torn.
      const torn = end === buffer.length || buffer.subarray(offset).every((byte) => byte === 0);
      return { records, validBytes: offset, stopped: torn ? 'torn' : 'damaged' };
    }
    records.push(body.toString('utf8'));
    offset = end;
  }
  return { records, validBytes: offset, stopped: null };
}

/**
 * Whether a whole record (its checksum matching) starts anywhere in `buffer` from `from` on.
 * Linear: the bytes checksummed are capped at a few times the rest of the file, and a rest that
 * holds that many would-be records is no record cut short either (damaged: true).
 */
function wholeRecordFrom(buffer: Buffer, from: number): boolean {
  let budget = 4 * (buffer.length - from);
  for (let at = from; at + FRAME_BYTES <= buffer.length; at++) {
    const length = buffer.readUInt32LE(at);
    const stored = buffer.readUInt32LE(at + 4);
    // Zeros (a file extended but never written) are no record, and cost no checksum each.
    if ((length === 0 && stored === 0) || at + FRAME_BYTES + length > buffer.length) continue;
    budget -= length;
    if (budget < 0) return true;
    if (checksumOf(buffer.subarray(at + FRAME_BYTES, at + FRAME_BYTES + length)) === stored) return true;
  }
  return false;
}

/** The log is not where its owner left it: gone, or shorter than its whole records (changed outside). */
export class LogMovedError extends Error {}

/**
 * Appends framed records to an existing log and fsyncs it. `validBytes` is where they go: a
 * longer file (a torn tail, or a failed append's part) is cut back to it first, and the fsync
 * makes the cut durable with the new bytes. On failure the file is cut back again (best effort),
 * so a record the caller was told failed does not come back at the next read.
 */
export async function appendRecords(
  fsys: FileSystem,
  filePath: string,
  validBytes: number,
  bytes: Uint8Array,
  cutFirst: boolean,
): Promise<void> {
  // Appending to a log removed or cut outside would start a new file, or pad the old one with zeros
  // the next read takes for damage: the caller writes the file whole instead. Opened without
  // creating, and measured on the handle (an fstat, no trip through the thread pool): each step
  // here is part of every highlight's durable write (bench/highlight.bench.ts traces them).
  const moved = (size: number | null) =>
    new LogMovedError(`${path.basename(filePath)} is not as it was left (${size ?? 'no'} bytes)`);
  let file: WritableFile;
  try {
    file = await fsys.open(filePath, APPEND_EXISTING);
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') throw moved(null);
    throw error;
  }
  const before = await file.size().catch(() => null);
  if (before === null || before < validBytes) {
    await file.close().catch(() => undefined);
    throw moved(before);
  }
  try {
    if (cutFirst && before > validBytes) await fsys.truncate(filePath, validBytes);
    await writeAll(file, bytes);
    await file.sync();
    // A write can claim more than it wrote: the file's size says whether the records are whole.
    const size = await file.size();
    const expected = validBytes + bytes.length;
    if (size !== expected)
      throw ioError('EIO', `${path.basename(filePath)} has ${size} of ${expected} bytes after appending`);
  } catch (error) {
    // Cut back, and the cut made durable: a crash must not bring back a record answered "failed".
    await fsys.truncate(filePath, validBytes).catch(() => undefined);
    await file.sync().catch(() => undefined);
    await file.close().catch(() => undefined);
    throw error;
  }
  // The records are durable: the answer does not wait for the close, and a failed close loses
  // nothing (it must not answer "not saved").
  void file.close().catch((error: unknown) => console.error(`Could not close ${filePath}`, error));
}
