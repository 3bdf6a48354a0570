/**
 * The compact indexes' file (cache/search-compact.bin): a JSON header (words, items) and the postings
 * as raw 32-bit words, so loading is one read and a copy, not the parse of millions of numbers.
 */
import type { CompactSnapshot } from './compact-index';

const MAGIC = 'LCTNCMPT';
/** Bytes before the header: the magic, the header's length, the number of postings. */
const PREAMBLE = 16;

type Snapshots = Record<string, CompactSnapshot<unknown>>;

interface Header {
  /** Shared with the JSON index file it was saved with: a pair from two saves is refused. */
  generation: string;
  indexes: Record<string, Omit<CompactSnapshot<unknown>, 'postings'>>;
}

/** The file's bytes for named snapshots saved with the index file of `generation`. */
export function encodeCompact(snapshots: Snapshots, generation: string): Uint8Array {
  const header: Header = { generation, indexes: {} };
  const parts: Uint32Array[] = [];
  for (const [name, { postings, ...rest }] of Object.entries(snapshots)) {
    header.indexes[name] = rest;
    parts.push(postings);
  }
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  // Postings start on a 4-byte boundary.
  const postingsAt = PREAMBLE + Math.ceil(json.length / 4) * 4;
  const bytes = new Uint8Array(postingsAt + total * 4);
  const view = new DataView(bytes.buffer);
  bytes.set(Buffer.from(MAGIC, 'latin1'), 0);
  view.setUint32(8, json.length, true);
  view.setUint32(12, total, true);
  bytes.set(json, PREAMBLE);
  const postings = new Uint32Array(bytes.buffer, postingsAt, total);
  let at = 0;
  for (const part of parts) postings.set(part, (at += part.length) - part.length);
  return bytes;
}

/** The snapshots in `bytes`, if they are a compact file of `generation`; throws on anything else. */
export function decodeCompact(bytes: Uint8Array, generation: string): Snapshots {
  if (bytes.length < PREAMBLE || Buffer.from(bytes.subarray(0, 8)).toString('latin1') !== MAGIC)
    throw new Error('not a compact index file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jsonLength = view.getUint32(8, true);
  const total = view.getUint32(12, true);
  const postingsAt = PREAMBLE + Math.ceil(jsonLength / 4) * 4;
  if (postingsAt + total * 4 !== bytes.length) throw new Error('the compact index file is truncated');
  const json = Buffer.from(bytes.subarray(PREAMBLE, PREAMBLE + jsonLength)).toString('utf8');
  const header = JSON.parse(json) as Header;
  if (header.generation !== generation) throw new Error('the compact index file is from another save');
  // One aligned copy (a file's Buffer may sit at any offset of a shared pool).
  const postings = new Uint32Array(total);
  new Uint8Array(postings.buffer).set(bytes.subarray(postingsAt));
  const snapshots: Snapshots = {};
  let at = 0;
  for (const [name, rest] of Object.entries(header.indexes)) {
    const count = rest.postingCounts.reduce((sum, n) => sum + n, 0);
    snapshots[name] = { ...rest, postings: postings.subarray(at, (at += count)) };
  }
  if (at !== total) throw new Error('the compact index file does not add up');
  return snapshots;
}
