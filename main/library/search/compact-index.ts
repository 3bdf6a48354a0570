/**
 * A compact index of many items of one text field (passages of body text, documents' titles, highlights), scored like
 * MiniSearch (BM25+, its prefix and fuzzy weights) but with postings packed in typed arrays: MiniSearch
 * keeps a posting as an entry of a nested Map (~45 bytes); 50 MB of text is millions of them.
 */
import {
  type BodyTerm,
  type Expansion,
  FREQUENCY_BITS,
  bm25,
  bestOf,
  inverseFrequency,
} from './compact-scoring';
import { PostingLists } from './compact-postings';
import { tokenize } from './text';

export type { PassagePlace } from './entries';
export type { BodyTerm } from './compact-scoring';

/** What every item carries: the document it belongs to (the unit of removal). */
export interface CompactItem {
  documentId: string | null;
}

export interface CompactHit<P> {
  score: number;
  /** The indexed words that matched (the snippet marks these). */
  terms: string[];
  item: P;
}

/** The index as stored: words, postings (per word, `ordinal * 256 + frequency`), items and their lengths. */
export interface CompactSnapshot<P> {
  terms: string[];
  postingCounts: number[];
  postings: Uint32Array;
  items: P[];
  lengths: number[];
}

/** Removed items' postings are dropped (and ordinals renumbered) once this many pile up... */
const COMPACT_DEAD = 5000;
/** ...and they are a quarter of the items. */
const COMPACT_FRACTION = 0.25;

/** Per-query counters, kept between queries (tens of thousands of items: no garbage per keystroke). */
class Scratch {
  scores = new Float64Array(0);
  matched = new Uint8Array(0);
  seen = new Uint8Array(0);
  refused = new Uint8Array(0);

  /** Every counter zeroed for `count` items. */
  reset(count: number): this {
    if (this.scores.length < count) {
      this.scores = new Float64Array(count);
      this.matched = new Uint8Array(count);
      this.seen = new Uint8Array(count);
      this.refused = new Uint8Array(count);
      return this;
    }
    for (const counters of [this.scores, this.matched, this.refused]) counters.fill(0, 0, count);
    return this;
  }
}

export class CompactIndex<P extends CompactItem> {
  private words = PostingLists.empty();
  private places: P[] = [];
  private lengths: number[] = [];
  private dead = new Uint8Array(1024);
  private deadCount = 0;
  private totalLength = 0;
  /** documentId → its live items' ordinals; built when first asked (a load need not pay for it). */
  private documents: Map<string, number[]> | null = null;
  private readonly scratch = new Scratch();

  /** Live items. */
  get size(): number {
    return this.places.length - this.deadCount;
  }

  has(documentId: string): boolean {
    return this.byDocument().has(documentId);
  }

  documentIds(): string[] {
    return [...this.byDocument().keys()];
  }

  /** Builds now what the first query would otherwise build (idle time after a load). */
  warm(): void {
    this.words.warm();
    this.byDocument();
  }

  /** The word most items hold among those of at least `minLength` letters (null: none). */
  commonWord(minLength: number): string | null {
    return this.words.commonWord(minLength);
  }

  /** Adds an item found by the words of `text`. */
  add(place: P, text: string): void {
    const ordinal = this.places.length;
    // Sorted word ids: each word's occurrences side by side, counted in one pass.
    const ids = Int32Array.from(tokenize(text), (term) => this.words.idOf(term)).toSorted();
    for (let at = 0; at < ids.length;) {
      const id = ids[at] ?? 0;
      let end = at + 1;
      while (ids[end] === id) end++;
      this.words.push(id, ordinal, Math.min(end - at, FREQUENCY_BITS - 1));
      at = end;
    }
    this.places.push(place);
    this.lengths.push(ids.length);
    this.totalLength += ids.length;
    if (ordinal >= this.dead.length) {
      const grown = new Uint8Array(this.dead.length * 2);
      grown.set(this.dead);
      this.dead = grown;
    }
    if (this.documents !== null) this.ordinalsOf(this.documents, place.documentId).push(ordinal);
  }

  /** A document's live items. */
  itemsOf(documentId: string): P[] {
    return (this.byDocument().get(documentId) ?? []).map((ordinal) => this.places[ordinal] as P);
  }

  /** Removes every item of a document (its postings go at the next compaction). */
  remove(documentId: string): void {
    const documents = this.byDocument();
    for (const ordinal of documents.get(documentId) ?? []) {
      this.dead[ordinal] = 1;
      this.deadCount++;
      this.totalLength -= this.lengths[ordinal] ?? 0;
    }
    documents.delete(documentId);
    if (this.deadCount >= COMPACT_DEAD && this.deadCount >= this.places.length * COMPACT_FRACTION)
      this.compact();
  }

  /**
   * Items holding every term (any of its expansions) and none of `excluded` that `accept` takes,
   * best first, at most `max`. No terms: every accepted item, in order.
   */
  search(
    terms: readonly BodyTerm[],
    excluded: readonly string[],
    accept: (item: P) => boolean,
    max: number,
  ): CompactHit<P>[] {
    const count = this.places.length;
    const { scores, matched, refused } = this.scratch.reset(count);
    const expansions = terms.map((term) => this.words.expand(term));
    for (const list of expansions) this.score(list, count);
    for (const word of excluded)
      this.words.forEach(this.words.find(word), (ordinal) => (refused[ordinal] = 1));
    const found: number[] = [];
    for (let ordinal = 0; ordinal < count; ordinal++) {
      if (matched[ordinal] !== terms.length || this.dead[ordinal] === 1 || refused[ordinal] === 1) continue;
      if (accept(this.places[ordinal] as P)) found.push(ordinal);
    }
    return bestOf(found, scores, max).map((ordinal) => ({
      score: scores[ordinal] ?? 0,
      terms: expansions
        .flat()
        .filter((e) => this.words.holds(e.termId, ordinal))
        .map((e) => e.term),
      item: this.places[ordinal] as P,
    }));
  }

  /** The live items only, renumbered, as stored in the library folder. */
  snapshot(): CompactSnapshot<P> {
    this.compact();
    return { ...this.words.saved(), items: [...this.places], lengths: [...this.lengths] };
  }

  /** The index from a snapshot (its postings are used in place until a word gets a new one). */
  static fromSnapshot<P extends CompactItem>(snapshot: CompactSnapshot<P>): CompactIndex<P> {
    const index = new CompactIndex<P>();
    index.load(PostingLists.from(snapshot), snapshot.items, snapshot.lengths);
    return index;
  }

  private load(words: PostingLists, items: P[], lengths: number[]): void {
    if (lengths.length !== items.length) throw new Error('The index does not add up');
    this.words = words;
    this.places = items;
    this.lengths = lengths;
    this.totalLength = lengths.reduce((sum, n) => sum + n, 0);
    this.dead = new Uint8Array(Math.max(1024, items.length * 2));
    this.deadCount = 0;
    this.documents = null;
  }

  private byDocument(): Map<string, number[]> {
    if (this.documents !== null) return this.documents;
    const documents = new Map<string, number[]>();
    this.places.forEach((place, ordinal) => {
      if (this.dead[ordinal] !== 1) this.ordinalsOf(documents, place.documentId).push(ordinal);
    });
    this.documents = documents;
    return documents;
  }

  private ordinalsOf(documents: Map<string, number[]>, documentId: string | null): number[] {
    const known = documents.get(documentId ?? '');
    if (known !== undefined) return known;
    const ordinals: number[] = [];
    documents.set(documentId ?? '', ordinals);
    return ordinals;
  }

  /** Drops removed items' postings and the words left with none, renumbering items. */
  private compact(): void {
    if (this.deadCount === 0) return;
    const renumbered = new Int32Array(this.places.length).fill(-1);
    const items: P[] = [];
    const lengths: number[] = [];
    this.places.forEach((place, ordinal) => {
      if (this.dead[ordinal] === 1) return;
      renumbered[ordinal] = items.length;
      items.push(place);
      lengths.push(this.lengths[ordinal] ?? 0);
    });
    this.load(this.words.renumber(renumbered), items, lengths);
  }

  /** Adds the BM25+ scores of one query word's expansions, counting each item once per query word. */
  private score(expansions: Expansion[], count: number): void {
    const { scores, matched, seen } = this.scratch;
    const live = Math.max(1, this.size);
    const averageLength = this.totalLength / live || 1;
    seen.fill(0, 0, count);
    for (const { termId, weight } of expansions) {
      const idf = inverseFrequency(live, this.words.frequency(termId));
      this.words.forEach(termId, (ordinal, termFrequency) => {
        const length = (this.lengths[ordinal] ?? 0) / averageLength;
        scores[ordinal] = (scores[ordinal] ?? 0) + weight * idf * bm25(termFrequency, length);
        if (seen[ordinal] === 1) return;
        seen[ordinal] = 1;
        matched[ordinal] = (matched[ordinal] ?? 0) + 1;
      });
    }
  }
}
