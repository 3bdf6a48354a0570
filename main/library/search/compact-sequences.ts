/**
 * Each passage's words in order, as word ids (varints, ~2 bytes a word), so a phrase is confirmed from
 * the index in a microsecond instead of by reading the document's text (a file per candidate).
 */

/** The sequences as stored: where each item's bytes end, and every item's bytes end to end. */
export interface SavedSequences {
  ends: Uint32Array;
  words: Uint8Array;
}

const CONTINUES = 0x80;
const LOW_BITS = 0x7f;
const EMPTY_BYTES = new Uint8Array(0);
/** The largest block of added items' bytes (one item's can be larger: it gets a block its size). */
export const BLOCK_BYTES = 1 << 20;
const FIRST_BLOCK_BYTES = 4096;

export class WordSequences {
  /** The items loaded, used in place and never written (an add after a load copies none of it). */
  private readonly base: SavedSequences;
  private readonly baseCount: number;
  /**
   * The items added since, in blocks: an item's bytes never straddle two, so nothing is copied to grow
   * (doubling one array copied 16 MB in one go, ~30 ms, while a 30 MB book was indexed).
   */
  private readonly blocks: Uint8Array[] = [];
  /** Where each block starts, counted over the added items' bytes end to end (as `ends` count). */
  private readonly blockStarts: number[] = [];
  private block = EMPTY_BYTES;
  private blockUsed = 0;
  /** The added items' bytes, end to end. */
  private used = 0;
  private ends = new Uint32Array(0);
  private count = 0;
  /** One item's words, decoded (reused: no garbage per candidate). */
  private decoded = new Int32Array(1024);

  private constructor(
    saved: SavedSequences,
    private readonly blockBytes: number,
  ) {
    this.base = saved;
    this.baseCount = saved.ends.length;
    if (this.baseCount > 0 && saved.ends[this.baseCount - 1] !== saved.words.length)
      throw new Error('The index does not add up');
  }

  /** No items; `blockBytes` (tests) is the largest block of added items' bytes. */
  static empty(blockBytes = BLOCK_BYTES): WordSequences {
    return new WordSequences({ ends: new Uint32Array(0), words: EMPTY_BYTES }, blockBytes);
  }

  /** Sequences from their stored form (used in place); throws if they do not add up. */
  static from(saved: SavedSequences): WordSequences {
    return new WordSequences(saved, BLOCK_BYTES);
  }

  /** How many items have a sequence. */
  get size(): number {
    return this.baseCount + this.count;
  }

  /** Appends the next item's word ids, in text order. */
  append(ids: ArrayLike<number>): void {
    this.reserve(ids.length * 5);
    const block = this.block;
    let used = this.blockUsed;
    for (let at = 0; at < ids.length; at++) {
      let id = ids[at] ?? 0;
      while (id >= CONTINUES) {
        block[used++] = (id & LOW_BITS) | CONTINUES;
        id >>>= 7;
      }
      block[used++] = id;
    }
    this.used += used - this.blockUsed;
    this.blockUsed = used;
    if (this.count >= this.ends.length) {
      const grown = new Uint32Array(Math.max(1024, this.ends.length * 2));
      grown.set(this.ends.subarray(0, this.count));
      this.ends = grown;
    }
    this.ends[this.count++] = this.used;
  }

  /** A phrase's word ids as stored (see `holds`). */
  static encode(ids: readonly number[]): Uint8Array {
    const sequence = WordSequences.empty();
    sequence.append(ids);
    return sequence.saved().words;
  }

  /**
   * Whether item `ordinal` holds `phrase` (encoded by `encode`) as consecutive words; an empty phrase
   * is everywhere. Compared as bytes, not decoded: a varint ends in its only byte below 0x80, so bytes
   * equal from a word's start are the same words.
   */
  holds(ordinal: number, phrase: Uint8Array): boolean {
    const length = phrase.length;
    if (length === 0) return true;
    const [bytes, start, end] = this.span(ordinal);
    const first = phrase[0] ?? 0;
    // The first byte found natively (indexOf), in this item's bytes only (a view: indexOf stops at its end).
    const item = bytes.subarray(start, end);
    const last = item.length - length;
    for (let at = item.indexOf(first); at >= 0 && at <= last; at = item.indexOf(first, at + 1)) {
      if (at > 0 && (item[at - 1] ?? 0) >= CONTINUES) continue;
      let next = 1;
      while (next < length && item[at + next] === phrase[next]) next++;
      if (next === length) return true;
    }
    return false;
  }

  /**
   * The sequences of the items kept (`items[old]`: the new ordinal, -1 gone; kept items keep their
   * order) with word ids mapped by `termIds[old]`.
   */
  renumber(items: Int32Array, termIds: Int32Array): WordSequences {
    const renumbered = WordSequences.empty();
    for (let ordinal = 0; ordinal < this.size; ordinal++) {
      if ((items[ordinal] ?? -1) < 0) continue;
      const length = this.decode(ordinal);
      const mapped = this.decoded.subarray(0, length).map((id) => termIds[id] ?? -1);
      if (mapped.includes(-1)) throw new Error('A word of a kept item lost its id');
      renumbered.append(mapped);
    }
    return renumbered;
  }

  saved(): SavedSequences {
    const baseBytes = this.base.words.length;
    const words = new Uint8Array(baseBytes + this.used);
    words.set(this.base.words);
    this.blocks.forEach((block, at) => {
      const start = this.blockStarts[at] ?? 0;
      const end = this.blockStarts[at + 1] ?? this.used;
      words.set(block.subarray(0, end - start), baseBytes + start);
    });
    const ends = new Uint32Array(this.size);
    ends.set(this.base.ends);
    for (let at = 0; at < this.count; at++) ends[this.baseCount + at] = baseBytes + (this.ends[at] ?? 0);
    return { ends, words };
  }

  /** Where item `ordinal`'s bytes are: the array, the start and the end. */
  private span(ordinal: number): [Uint8Array, number, number] {
    if (ordinal < this.baseCount) {
      const { ends, words } = this.base;
      return [words, ordinal === 0 ? 0 : (ends[ordinal - 1] ?? 0), ends[ordinal] ?? 0];
    }
    const added = ordinal - this.baseCount;
    const start = added === 0 ? 0 : (this.ends[added - 1] ?? 0);
    const end = this.ends[added] ?? 0;
    if (end === start) return [EMPTY_BYTES, 0, 0];
    // The item's block: the last to start at or before it (a later one started after its end).
    const at = this.blockAt(start);
    const blockStart = this.blockStarts[at] ?? 0;
    return [this.blocks[at] ?? EMPTY_BYTES, start - blockStart, end - blockStart];
  }

  /** The last block starting at or before `offset` (of the added items' bytes). */
  private blockAt(offset: number): number {
    let low = 0;
    let high = this.blockStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if ((this.blockStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** Decodes item `ordinal` into `decoded`; answers how many words it has. */
  private decode(ordinal: number): number {
    const [bytes, start, end] = this.span(ordinal);
    let at = start;
    if (this.decoded.length < end - at) this.decoded = new Int32Array((end - at) * 2);
    const decoded = this.decoded;
    let length = 0;
    while (at < end) {
      let byte = bytes[at++] ?? 0;
      let id = byte & LOW_BITS;
      for (let shift = 7; byte >= CONTINUES; shift += 7) {
        byte = bytes[at++] ?? 0;
        id |= (byte & LOW_BITS) << shift;
      }
      decoded[length++] = id;
    }
    return length;
  }

  /** Makes room for `bytes` more in the current block, or starts a new one (as large as what is there, up to blockBytes). */
  private reserve(bytes: number): void {
    if (this.blockUsed + bytes <= this.block.length) return;
    const size = Math.max(bytes, Math.min(this.blockBytes, Math.max(FIRST_BLOCK_BYTES, this.used)));
    this.block = new Uint8Array(size);
    this.blockUsed = 0;
    this.blocks.push(this.block);
    this.blockStarts.push(this.used);
  }
}
