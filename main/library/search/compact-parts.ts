/**
 * The container of the compact files: a preamble, a small ASCII JSON header naming where each part
 * is, then the parts: 32-bit words (aligned, so read as one typed array), then bytes. A checksum over
 * all but the preamble refuses a damaged file; the sizes in the preamble refuse a truncated one.
 */
import { crc32 } from 'node:zlib';
import { asciiJson } from './compact-json';

/** Where a part is: its first word (or byte) and how many. */
export type Span = [at: number, length: number];

/** The magic, the checksum (of all that follows it), the header's length, the number of words and of bytes. */
const PREAMBLE = 24;

/** Collects a file's parts, then lays them out behind their header. */
export class PartsWriter {
  private readonly wordParts: Uint32Array[] = [];
  private readonly byteParts: Uint8Array[] = [];
  private wordCount = 0;
  private byteCount = 0;

  words(part: Uint32Array | readonly number[]): Span {
    const words = part instanceof Uint32Array ? part : Uint32Array.from(part);
    this.wordParts.push(words);
    this.wordCount += words.length;
    return [this.wordCount - words.length, words.length];
  }

  bytes(part: Uint8Array): Span {
    this.byteParts.push(part);
    this.byteCount += part.length;
    return [this.byteCount - part.length, part.length];
  }

  /** The file: `magic` (8 ASCII characters), then `header` (which holds the spans), then the parts. */
  finish(magic: string, header: unknown): Uint8Array {
    const json = Buffer.from(asciiJson(header), 'latin1');
    const wordsAt = PREAMBLE + Math.ceil(json.length / 4) * 4;
    const bytesAt = wordsAt + this.wordCount * 4;
    const file = new Uint8Array(bytesAt + this.byteCount);
    file.set(Buffer.from(magic, 'latin1'), 0);
    file.set(json, PREAMBLE);
    const words = new Uint32Array(file.buffer, wordsAt, this.wordCount);
    let at = 0;
    for (const part of this.wordParts) words.set(part, (at += part.length) - part.length);
    at = bytesAt;
    for (const part of this.byteParts) file.set(part, (at += part.length) - part.length);
    const view = new DataView(file.buffer);
    view.setUint32(12, json.length, true);
    view.setUint32(16, this.wordCount, true);
    view.setUint32(20, this.byteCount, true);
    view.setUint32(8, crc32(file.subarray(12)), true);
    return file;
  }
}

/** A file's header and parts; throws when it is not a whole, undamaged file of `magic`. */
export class PartsReader {
  readonly header: unknown;
  private readonly allWords: Uint32Array;
  private readonly file: Buffer;
  private readonly bytesAt: number;

  constructor(bytes: Uint8Array, magic: string) {
    const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (file.length < PREAMBLE || file.toString('latin1', 0, 8) !== magic)
      throw new Error('not a compact index file');
    const jsonLength = file.readUInt32LE(12);
    const wordCount = file.readUInt32LE(16);
    const wordsAt = PREAMBLE + Math.ceil(jsonLength / 4) * 4;
    this.bytesAt = wordsAt + wordCount * 4;
    if (this.bytesAt + file.readUInt32LE(20) !== file.length)
      throw new Error('the compact index file is truncated');
    if (crc32(file.subarray(12)) !== file.readUInt32LE(8))
      throw new Error('the compact index file is damaged');
    this.file = file;
    this.header = JSON.parse(file.toString('latin1', PREAMBLE, PREAMBLE + jsonLength)) as unknown;
    // One aligned copy (a file's Buffer may sit at any offset of a shared pool).
    this.allWords = new Uint32Array(wordCount);
    new Uint8Array(this.allWords.buffer).set(file.subarray(wordsAt, this.bytesAt));
  }

  /** The words of `span` (a view of the copy). */
  words([at, length]: Span): Uint32Array {
    if (at + length > this.allWords.length) throw new Error('the compact index file does not add up');
    return this.allWords.subarray(at, at + length);
  }

  /** The bytes of `span`, a view of the file (copy what outlives the load). */
  bytes([at, length]: Span): Buffer {
    if (this.bytesAt + at + length > this.file.length)
      throw new Error('the compact index file does not add up');
    return this.file.subarray(this.bytesAt + at, this.bytesAt + at + length);
  }
}
