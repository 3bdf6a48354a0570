/**
 * The compact indexes' files (cache/search-*.bin): each snapshot's words as a string table, its
 * postings, counts and lengths as 32-bit words, its items by column, its sequences' ends and bytes
 * (see compact-parts.ts for the container), so loading is one read, a checksum and a few decodes.
 */
import type { CompactSnapshot } from './compact-index';
import {
  type SavedItems,
  type SavedTable,
  readItems,
  readTable,
  writeItems,
  writeTable,
} from './compact-columns';
import { PartsReader, PartsWriter, type Span } from './compact-parts';

const MAGIC = 'LCTNCMP4';

type Snapshots = Record<string, CompactSnapshot<unknown>>;

/** Where a snapshot's parts are. */
interface SavedSnapshot {
  terms: SavedTable;
  postingCounts: Span;
  postings: Span;
  lengths: Span;
  items: SavedItems;
  /** Its items' words in order (null: it keeps none). */
  sequences: { ends: Span; words: Span } | null;
}

interface Header {
  /** Shared with the JSON index file it was saved with: a pair from two saves is refused. */
  generation: string;
  indexes: Record<string, SavedSnapshot>;
  /** Named texts saved beside the snapshots (behind the same checksum). */
  texts: Record<string, SavedTable>;
}

/** A compact file's contents: snapshots and texts, by name. */
export interface CompactContents {
  snapshots: Snapshots;
  texts: Record<string, string>;
}

/** The file's bytes for named snapshots (and texts) saved with the index file of `generation`. */
export function encodeCompact(
  snapshots: Snapshots,
  generation: string,
  texts: Record<string, string> = {},
): Uint8Array {
  const out = new PartsWriter();
  const header: Header = { generation, indexes: {}, texts: {} };
  for (const [name, text] of Object.entries(texts)) header.texts[name] = writeTable(out, [text]);
  for (const [name, snapshot] of Object.entries(snapshots)) {
    const { sequences } = snapshot;
    header.indexes[name] = {
      terms: writeTable(out, snapshot.terms),
      postingCounts: out.words(snapshot.postingCounts),
      postings: out.words(snapshot.postings),
      lengths: out.words(snapshot.lengths),
      items: writeItems(out, snapshot.items),
      sequences:
        sequences === undefined
          ? null
          : { ends: out.words(sequences.ends), words: out.bytes(sequences.words) },
    };
  }
  return out.finish(MAGIC, header);
}

function readSnapshot(
  input: PartsReader,
  saved: SavedSnapshot,
  blank: (() => object) | null,
): CompactSnapshot<unknown> {
  const snapshot: CompactSnapshot<unknown> = {
    terms: readTable(input, saved.terms),
    postingCounts: Array.from(input.words(saved.postingCounts)),
    postings: input.words(saved.postings),
    lengths: Array.from(input.words(saved.lengths)),
    items: readItems(input, saved.items, blank),
  };
  if (saved.sequences === null) return snapshot;
  // The bytes are copied: the file's buffer is not kept for them.
  const words = new Uint8Array(input.bytes(saved.sequences.words));
  return { ...snapshot, sequences: { ends: input.words(saved.sequences.ends), words } };
}

/**
 * What `bytes` holds, if they are a whole compact file of `generation`; throws on anything else. A
 * snapshot named in `blanks` has its items made as blanks filled with the fields saved (see readItems).
 */
export function decodeCompactFile(
  bytes: Uint8Array,
  generation: string,
  blanks: Record<string, () => object> = {},
): CompactContents {
  const input = new PartsReader(bytes, MAGIC);
  const header = input.header as Header;
  if (header.generation !== generation) throw new Error('the compact index file is from another save');
  const snapshots: Snapshots = {};
  for (const [name, saved] of Object.entries(header.indexes))
    snapshots[name] = readSnapshot(input, saved, blanks[name] ?? null);
  const texts: Record<string, string> = {};
  for (const [name, saved] of Object.entries(header.texts)) texts[name] = readTable(input, saved).join('');
  return { snapshots, texts };
}

/** The snapshots in `bytes`, if they are a whole compact file of `generation`; throws on anything else. */
export const decodeCompact = (bytes: Uint8Array, generation: string): Snapshots =>
  decodeCompactFile(bytes, generation).snapshots;
