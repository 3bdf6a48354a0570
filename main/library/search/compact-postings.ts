/**
 * A compact index's words and postings: per word, the ordinals of the items holding it packed in a
 * typed array (`ordinal * FREQUENCY_BITS + frequency`), and the radix tree prefixes and typos are found
 * in, built when first needed (or warmed in idle time) rather than while the index loads.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { type BodyTerm, type Expansion, FREQUENCY_BITS, expandTerm, postingsHold } from './compact-scoring';

/** The postings as stored: words, how many postings each has, and all of them end to end. */
export interface SavedPostings {
  terms: string[];
  postingCounts: number[];
  postings: Uint32Array;
}

const EMPTY = new Uint32Array(0);
/** Query words whose expansions are kept. */
const KEPT_EXPANSIONS = 64;

export class PostingLists {
  /** word → id, for whole words (a hash: a lookup per word of every item added); null until needed. */
  private termIdMap: Map<string, number> | null = null;
  /** word → id for prefixes and typos; null until a query or `warm` needs it. */
  private vocabulary: SearchableMap<number> | null = null;
  /** Recent query words' expansions, oldest first. */
  private readonly expansions = new Map<string, Expansion[]>();

  /** Each word's postings; a loaded word's are a view of `loaded`, made when first asked. */
  private readonly lists: (Uint32Array | undefined)[] = [];

  private constructor(
    private readonly terms: string[],
    private readonly counts: number[],
    /** The postings as loaded, and where each loaded word's start (tens of thousands of views are not made at load). */
    private readonly loaded: { postings: Uint32Array; starts: Uint32Array } | null,
  ) {}

  static empty(): PostingLists {
    return new PostingLists([], [], null);
  }

  /** Postings from their stored form (used in place until a word gets a new one); throws if they do not add up. */
  static from({ terms, postingCounts, postings }: SavedPostings): PostingLists {
    const starts = new Uint32Array(postingCounts.length);
    let at = 0;
    postingCounts.forEach((n, id) => {
      starts[id] = at;
      at += n;
    });
    if (at !== postings.length || terms.length !== postingCounts.length)
      throw new Error('The index does not add up');
    return new PostingLists(terms, postingCounts, { postings, starts });
  }

  /** The word's postings (its first `frequency` ones are live); undefined for a word of no item. */
  private listOf(termId: number): Uint32Array | undefined {
    const list = this.lists[termId];
    if (list !== undefined || this.loaded === null || termId >= this.loaded.starts.length) return list;
    const start = this.loaded.starts[termId] ?? 0;
    const view = this.loaded.postings.subarray(start, start + (this.counts[termId] ?? 0));
    this.lists[termId] = view;
    return view;
  }

  /** Builds what the first query would otherwise wait for. */
  warm(): void {
    this.tree();
  }

  /** The id of `term`, a new one if it has none yet. */
  idOf(term: string): number {
    const known = this.termIds().get(term);
    if (known !== undefined) return known;
    const id = this.terms.length;
    this.terms.push(term);
    this.lists[id] = new Uint32Array(4);
    this.counts.push(0);
    this.termIds().set(term, id);
    this.vocabulary?.set(term, id);
    if (this.expansions.size > 0) this.expansions.clear();
    return id;
  }

  /** The id of a word already indexed. */
  find(term: string): number | undefined {
    return this.termIds().get(term);
  }

  /** The word held by most items among those of at least `minLength` letters (null: none). */
  commonWord(minLength: number): string | null {
    let best = -1;
    this.terms.forEach((term, id) => {
      if (term.length >= minLength && (this.counts[id] ?? 0) > (this.counts[best] ?? 0)) best = id;
    });
    return this.terms[best] ?? null;
  }

  /** How many items hold the word. */
  frequency(termId: number): number {
    return this.counts[termId] ?? 0;
  }

  /**
   * The words a query word stands for (see expandTerm). Kept for the next keystrokes, which ask for
   * the words already typed again (a typo search in the word tree costs milliseconds); a new word
   * indexed may be one of them, so it clears what is kept.
   */
  expand(term: BodyTerm): Expansion[] {
    const key = `${term.prefix ? 'p' : 'w'}${term.maxEdits}:${term.term}`;
    const known = this.expansions.get(key);
    if (known !== undefined) return known;
    const needsTree = term.prefix || term.maxEdits > 0;
    const found = expandTerm(term, this.termIds(), needsTree ? this.tree() : null);
    if (this.expansions.size >= KEPT_EXPANSIONS)
      this.expansions.delete(this.expansions.keys().next().value ?? '');
    this.expansions.set(key, found);
    return found;
  }

  /** Records that item `ordinal` (higher than any before) holds the word `frequency` times. */
  push(termId: number, ordinal: number, frequency: number): void {
    const count = this.counts[termId] ?? 0;
    let list = this.listOf(termId) ?? new Uint32Array(4);
    if (count >= list.length) {
      const grown = new Uint32Array(Math.max(4, list.length * 2));
      grown.set(list.subarray(0, count));
      list = grown;
    }
    list[count] = ordinal * FREQUENCY_BITS + frequency;
    this.lists[termId] = list;
    this.counts[termId] = count + 1;
  }

  /** Visits every item holding the word, in ordinal order. */
  forEach(termId: number | undefined, visit: (ordinal: number, frequency: number) => void): void {
    if (termId === undefined) return;
    const list = this.listOf(termId);
    const count = this.counts[termId] ?? 0;
    if (list === undefined) return;
    for (let i = 0; i < count; i++) {
      const posting = list[i] ?? 0;
      visit(Math.floor(posting / FREQUENCY_BITS), posting % FREQUENCY_BITS);
    }
  }

  /** The word's postings (its first `frequency` ones are live), for loops too hot for a callback. */
  list(termId: number): Uint32Array {
    return this.listOf(termId) ?? EMPTY;
  }

  holds(termId: number, ordinal: number): boolean {
    const list = this.listOf(termId);
    return list !== undefined && postingsHold(list, this.counts[termId] ?? 0, ordinal);
  }

  /**
   * The postings renumbered by `renumbered` (-1: the item is gone), words left with none dropped;
   * `termIds[old]` is each word's new id (-1: dropped).
   */
  renumber(renumbered: Int32Array): { words: PostingLists; termIds: Int32Array } {
    const terms: string[] = [];
    const counts: number[] = [];
    const kept: number[] = [];
    const termIds = new Int32Array(this.terms.length).fill(-1);
    this.terms.forEach((_, id) => {
      const list = this.listOf(id) ?? EMPTY;
      let n = 0;
      for (let i = 0; i < (this.counts[id] ?? 0); i++) {
        const posting = list[i] ?? 0;
        const ordinal = renumbered[Math.floor(posting / FREQUENCY_BITS)] ?? -1;
        if (ordinal < 0) continue;
        kept.push(ordinal * FREQUENCY_BITS + (posting % FREQUENCY_BITS));
        n++;
      }
      if (n === 0) return;
      termIds[id] = terms.length;
      terms.push(this.terms[id] ?? '');
      counts.push(n);
    });
    const words = PostingLists.from({ terms, postingCounts: counts, postings: Uint32Array.from(kept) });
    return { words, termIds };
  }

  saved(): SavedPostings {
    const total = this.counts.reduce((sum, n) => sum + n, 0);
    const postings = new Uint32Array(total);
    let at = 0;
    this.terms.forEach((_, id) => {
      postings.set((this.listOf(id) ?? EMPTY).subarray(0, this.counts[id] ?? 0), at);
      at += this.counts[id] ?? 0;
    });
    return { terms: [...this.terms], postingCounts: [...this.counts], postings };
  }

  private tree(): SearchableMap<number> {
    this.vocabulary ??= SearchableMap.from(this.termIds());
    return this.vocabulary;
  }

  private termIds(): Map<string, number> {
    this.termIdMap ??= new Map(this.terms.map((term, id): [string, number] => [term, id]));
    return this.termIdMap;
  }
}
