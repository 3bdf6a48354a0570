/**
 * The compact indexes' files (cache/search-*.bin): a JSON header (words, items by column), then the
 * postings and the sequences' ends as raw 32-bit words, then the sequences' bytes, so loading is one
 * read, one parse and a copy or two, not millions of numbers.
 */
import type { CompactSnapshot } from './compact-index';
import { asciiJson, itemsFromColumns, itemsToColumns, type ItemColumns } from './compact-json';

const MAGIC = 'LCTNCMP3';
/** Bytes before the header: the magic, the header's length, the number of 32-bit words after it. */
const PREAMBLE = 16;

type Snapshots = Record<string, CompactSnapshot<unknown>>;

/** A snapshot as the header holds it: its items a column per field (keys once, not 60,000 times). */
interface SavedSnapshot {
  terms: string[];
  postingCounts: number[];
  lengths: number[];
  items: ItemColumns;
  /** The bytes of its items' sequences (null: it keeps none; their ends are one word per item). */
  sequenceBytes: number | null;
}

interface Header {
  /** Shared with the JSON index file it was saved with: a pair from two saves is refused. */
  generation: string;
  indexes: Record<string, SavedSnapshot>;
}

/** The file's bytes for named snapshots saved with the index file of `generation`. */
export function encodeCompact(snapshots: Snapshots, generation: string): Uint8Array {
  const header: Header = { generation, indexes: {} };
  const words: Uint32Array[] = [];
  const sequenceBytes: Uint8Array[] = [];
  for (const [name, { postings, items, sequences, ...rest }] of Object.entries(snapshots)) {
    header.indexes[name] = {
      ...rest,
      items: itemsToColumns(items),
      sequenceBytes: sequences?.words.length ?? null,
    };
    words.push(postings);
    if (sequences !== undefined) sequenceBytes.push(sequences.words);
  }
  for (const { sequences } of Object.values(snapshots)) if (sequences) words.push(sequences.ends);
  // ASCII (other characters escaped): read back as latin1, far cheaper than decoding UTF-8.
  const json = Buffer.from(asciiJson(header), 'latin1');
  const total = words.reduce((sum, part) => sum + part.length, 0);
  // 32-bit words start on a 4-byte boundary.
  const wordsAt = PREAMBLE + Math.ceil(json.length / 4) * 4;
  const bytesAt = wordsAt + total * 4;
  const bytes = new Uint8Array(bytesAt + sequenceBytes.reduce((sum, part) => sum + part.length, 0));
  const view = new DataView(bytes.buffer);
  bytes.set(Buffer.from(MAGIC, 'latin1'), 0);
  view.setUint32(8, json.length, true);
  view.setUint32(12, total, true);
  bytes.set(json, PREAMBLE);
  const all = new Uint32Array(bytes.buffer, wordsAt, total);
  let at = 0;
  for (const part of words) all.set(part, (at += part.length) - part.length);
  at = bytesAt;
  for (const part of sequenceBytes) bytes.set(part, (at += part.length) - part.length);
  return bytes;
}

/** The snapshots in `bytes`, if they are a compact file of `generation`; throws on anything else. */
export function decodeCompact(bytes: Uint8Array, generation: string): Snapshots {
  if (bytes.length < PREAMBLE || Buffer.from(bytes.subarray(0, 8)).toString('latin1') !== MAGIC)
    throw new Error('not a compact index file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jsonLength = view.getUint32(8, true);
  const total = view.getUint32(12, true);
  const wordsAt = PREAMBLE + Math.ceil(jsonLength / 4) * 4;
  const bytesAt = wordsAt + total * 4;
  if (bytesAt > bytes.length) throw new Error('the compact index file is truncated');
  const bytesOf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = JSON.parse(bytesOf.toString('latin1', PREAMBLE, PREAMBLE + jsonLength)) as Header;
  if (header.generation !== generation) throw new Error('the compact index file is from another save');
  // One aligned copy (a file's Buffer may sit at any offset of a shared pool).
  const words = new Uint32Array(total);
  new Uint8Array(words.buffer).set(bytes.subarray(wordsAt, bytesAt));
  const sequenceBytes = bytes.slice(bytesAt);
  const snapshots: Snapshots = {};
  let at = 0;
  for (const [name, { items, sequenceBytes: _bytes, ...rest }] of Object.entries(header.indexes)) {
    const count = rest.postingCounts.reduce((sum, n) => sum + n, 0);
    snapshots[name] = {
      ...rest,
      items: itemsFromColumns(items),
      postings: words.subarray(at, (at += count)),
    };
  }
  let byteAt = 0;
  for (const [name, { sequenceBytes: length, lengths }] of Object.entries(header.indexes)) {
    const snapshot = snapshots[name];
    if (length === null || snapshot === undefined) continue;
    const ends = words.subarray(at, (at += lengths.length));
    snapshot.sequences = { ends, words: sequenceBytes.subarray(byteAt, (byteAt += length)) };
  }
  if (at !== total || byteAt !== sequenceBytes.length)
    throw new Error('the compact index file does not add up');
  return snapshots;
}
