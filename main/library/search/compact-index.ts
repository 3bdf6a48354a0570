/**
 * A compact index of many items of one text field (passages of body text, documents' titles, highlights), scored like
 * MiniSearch (BM25+, its prefix and fuzzy weights) but with postings packed in typed arrays: MiniSearch
 * keeps a posting as an entry of a nested Map (~45 bytes); 50 MB of text is millions of them.
 */
import SearchableMap from 'minisearch/SearchableMap';
import {
  type BodyTerm,
  type Expansion,
  FREQUENCY_BITS,
  bm25,
  expandTerm,
  bestOf,
  inverseFrequency,
  postingsHold,
} from './compact-scoring';
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

export class CompactIndex<P extends CompactItem> {
  /** word → id, for prefixes and typos (a radix tree)... */
  private vocabulary = new SearchableMap<number>();
  /** ...and for whole words (a lookup per word of every item added: a hash is much faster). */
  private termIds = new Map<string, number>();
  private terms: string[] = [];
  private postings: Uint32Array[] = [];
  private postingCounts: number[] = [];
  private places: P[] = [];
  private lengths: number[] = [];
  private dead = new Uint8Array(1024);
  private deadCount = 0;
  private totalLength = 0;
  /** documentId → its items' ordinals. */
  private byDocument = new Map<string, number[]>();

  /** Live items. */
  get size(): number {
    return this.places.length - this.deadCount;
  }

  has(documentId: string): boolean {
    return this.byDocument.has(documentId);
  }

  documentIds(): string[] {
    return [...this.byDocument.keys()];
  }

  /** Adds an item found by the words of `text`. */
  add(place: P, text: string): void {
    const ordinal = this.places.length;
    const terms = tokenize(text);
    // Sorted word ids: each word's occurrences side by side, counted in one pass.
    const ids = Int32Array.from(terms, (term) => this.termId(term)).toSorted();
    const length = ids.length;
    for (let at = 0; at < ids.length;) {
      const id = ids[at] ?? 0;
      let end = at + 1;
      while (ids[end] === id) end++;
      this.push(id, ordinal, Math.min(end - at, FREQUENCY_BITS - 1));
      at = end;
    }
    this.places.push(place);
    this.lengths.push(length);
    this.totalLength += length;
    if (ordinal >= this.dead.length) {
      const grown = new Uint8Array(this.dead.length * 2);
      grown.set(this.dead);
      this.dead = grown;
    }
    const ordinals = this.byDocument.get(place.documentId ?? '') ?? [];
    ordinals.push(ordinal);
    this.byDocument.set(place.documentId ?? '', ordinals);
  }

  /** A document's live items. */
  itemsOf(documentId: string): P[] {
    return (this.byDocument.get(documentId) ?? []).map((ordinal) => this.places[ordinal] as P);
  }

  /** Removes every item of a document (its postings go at the next compaction). */
  remove(documentId: string): void {
    for (const ordinal of this.byDocument.get(documentId) ?? []) {
      this.dead[ordinal] = 1;
      this.deadCount++;
      this.totalLength -= this.lengths[ordinal] ?? 0;
    }
    this.byDocument.delete(documentId);
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
    const scores = new Float64Array(count);
    const matched = new Uint8Array(count);
    const expansions = terms.map((term) => expandTerm(term, this.termIds, this.vocabulary));
    for (const list of expansions) this.score(list, scores, matched);
    const refused = new Uint8Array(count);
    for (const word of excluded)
      this.forPostings(this.termIds.get(word), (ordinal) => (refused[ordinal] = 1));
    const found: number[] = [];
    for (let ordinal = 0; ordinal < count; ordinal++) {
      if (matched[ordinal] !== terms.length || this.dead[ordinal] === 1 || refused[ordinal] === 1) continue;
      if (accept(this.places[ordinal] as P)) found.push(ordinal);
    }
    return bestOf(found, scores, max).map((ordinal) => ({
      score: scores[ordinal] ?? 0,
      terms: expansions
        .flat()
        .filter((e) => this.holds(e.termId, ordinal))
        .map((e) => e.term),
      item: this.places[ordinal] as P,
    }));
  }

  /** The live items only, renumbered, as stored in the library folder. */
  snapshot(): CompactSnapshot<P> {
    this.compact();
    const total = this.postingCounts.reduce((sum, n) => sum + n, 0);
    const postings = new Uint32Array(total);
    let at = 0;
    this.postings.forEach((list, id) => {
      postings.set(list.subarray(0, this.postingCounts[id] ?? 0), at);
      at += this.postingCounts[id] ?? 0;
    });
    return {
      terms: [...this.terms],
      postingCounts: [...this.postingCounts],
      postings,
      items: [...this.places],
      lengths: [...this.lengths],
    };
  }

  /** The index from a snapshot (its postings are used in place until a word gets a new one). */
  static fromSnapshot<P extends CompactItem>(snapshot: CompactSnapshot<P>): CompactIndex<P> {
    const index = new CompactIndex<P>();
    index.load(snapshot);
    return index;
  }

  private load({ terms, postingCounts, postings, items, lengths }: CompactSnapshot<P>): void {
    let at = 0;
    this.terms = terms;
    this.postingCounts = postingCounts;
    this.postings = postingCounts.map((n) => postings.subarray(at, (at += n)));
    if (at !== postings.length || lengths.length !== items.length)
      throw new Error('The index does not add up');
    this.termIds = new Map(terms.map((term, id): [string, number] => [term, id]));
    this.vocabulary = SearchableMap.from(this.termIds);
    this.places = items;
    this.lengths = lengths;
    this.totalLength = lengths.reduce((sum, n) => sum + n, 0);
    this.dead = new Uint8Array(Math.max(1024, items.length * 2));
    this.deadCount = 0;
    this.byDocument = new Map();
    items.forEach((item, ordinal) => {
      const ordinals = this.byDocument.get(item.documentId ?? '') ?? [];
      ordinals.push(ordinal);
      this.byDocument.set(item.documentId ?? '', ordinals);
    });
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
    const terms: string[] = [];
    const counts: number[] = [];
    const kept: number[] = [];
    this.postings.forEach((list, id) => {
      let n = 0;
      for (let i = 0; i < (this.postingCounts[id] ?? 0); i++) {
        const posting = list[i] ?? 0;
        const ordinal = renumbered[Math.floor(posting / FREQUENCY_BITS)] ?? -1;
        if (ordinal < 0) continue;
        kept.push(ordinal * FREQUENCY_BITS + (posting % FREQUENCY_BITS));
        n++;
      }
      if (n === 0) return;
      terms.push(this.terms[id] ?? '');
      counts.push(n);
    });
    this.load({ terms, postingCounts: counts, postings: Uint32Array.from(kept), items, lengths });
  }

  private termId(term: string): number {
    const known = this.termIds.get(term);
    if (known !== undefined) return known;
    const id = this.terms.length;
    this.terms.push(term);
    this.postings.push(new Uint32Array(4));
    this.postingCounts.push(0);
    this.vocabulary.set(term, id);
    this.termIds.set(term, id);
    return id;
  }

  private push(termId: number, ordinal: number, frequency: number): void {
    const count = this.postingCounts[termId] ?? 0;
    let list = this.postings[termId] ?? new Uint32Array(4);
    if (count >= list.length) {
      const grown = new Uint32Array(Math.max(4, list.length * 2));
      grown.set(list.subarray(0, count));
      list = grown;
    }
    list[count] = ordinal * FREQUENCY_BITS + frequency;
    this.postings[termId] = list;
    this.postingCounts[termId] = count + 1;
  }

  /** Adds the BM25+ scores of one query word's expansions, counting each passage once per query word. */
  private score(expansions: Expansion[], scores: Float64Array, matched: Uint8Array): void {
    const live = Math.max(1, this.size);
    const averageLength = this.totalLength / live || 1;
    const seen = new Uint8Array(scores.length);
    for (const { termId, weight } of expansions) {
      const frequency = this.postingCounts[termId] ?? 0;
      const idf = inverseFrequency(live, frequency);
      this.forPostings(termId, (ordinal, termFrequency) => {
        const length = (this.lengths[ordinal] ?? 0) / averageLength;
        scores[ordinal] = (scores[ordinal] ?? 0) + weight * idf * bm25(termFrequency, length);
        if (seen[ordinal] === 1) return;
        seen[ordinal] = 1;
        matched[ordinal] = (matched[ordinal] ?? 0) + 1;
      });
    }
  }

  private forPostings(termId: number | undefined, visit: (ordinal: number, frequency: number) => void): void {
    if (termId === undefined) return;
    const list = this.postings[termId];
    const count = this.postingCounts[termId] ?? 0;
    if (list === undefined) return;
    for (let i = 0; i < count; i++) {
      const posting = list[i] ?? 0;
      visit(Math.floor(posting / FREQUENCY_BITS), posting % FREQUENCY_BITS);
    }
  }

  private holds(termId: number, ordinal: number): boolean {
    const list = this.postings[termId];
    return list !== undefined && postingsHold(list, this.postingCounts[termId] ?? 0, ordinal);
  }
}
