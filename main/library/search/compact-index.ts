/**
 * A compact index of many items of one text field (passages of body text, documents' titles, highlights), scored like
 * MiniSearch (BM25+, its prefix and fuzzy weights) but with postings packed in typed arrays: MiniSearch
 * keeps a posting as an entry of a nested Map (~45 bytes); 50 MB of text is millions of them.
 */
import { type BodyTerm, FREQUENCY_BITS, Scratch, addScores, bestHolding, bestOf } from './compact-scoring';
import { PostingLists } from './compact-postings';
import { expandWithTags, tagTerm } from './compact-tags';
import { type SavedSequences, WordSequences } from './compact-sequences';
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
  /** Each item's words in order (indexes that confirm phrases: see WordSequences). */
  sequences?: SavedSequences;
}

/** Removed items' postings are dropped (and ordinals renumbered) once this many pile up... */
const COMPACT_DEAD = 5000;
/** ...and they are a quarter of the items. */
const COMPACT_FRACTION = 0.25;

export interface CompactOptions {
  /** Keep each item's words in order, so search confirms phrases without reading the text. */
  phrases?: boolean;
  /** Items have tags, whose words' matches count this much of a text word's (see compact-tags.ts). */
  tagWeight?: number;
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
  /** Items' words in order, when this index confirms phrases itself (null: it does not). */
  private sequences: WordSequences | null;
  /** How much a tag word's match counts against the text's (null: items have no tags). */
  private readonly tagWeight: number | null;

  constructor(options: CompactOptions = {}) {
    this.sequences = options.phrases === true ? WordSequences.empty() : null;
    this.tagWeight = options.tagWeight ?? null;
  }

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

  /** Adds an item found by the words of `text` and (an index with a tag weight) of its `tags`. */
  add(place: P, text: string, tags = ''): void {
    const ordinal = this.places.length;
    const inOrder = Int32Array.from(tokenize(text), (term) => this.words.idOf(term));
    this.sequences?.append(inOrder);
    const tagIds =
      this.tagWeight === null ? [] : tokenize(tags).map((word) => this.words.idOf(tagTerm(word)));
    // Sorted word ids: each word's occurrences side by side, counted in one pass.
    const ids = Int32Array.from([...inOrder, ...tagIds]).toSorted();
    for (let at = 0; at < ids.length;) {
      const id = ids[at] ?? 0;
      let end = at + 1;
      while (ids[end] === id) end++;
      this.words.push(id, ordinal, Math.min(end - at, FREQUENCY_BITS - 1));
      at = end;
    }
    this.places.push(place);
    // A text's length (tags are scored as of average length: a list of a few words).
    this.lengths.push(inOrder.length);
    this.totalLength += inOrder.length;
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
   * Items holding every term (any of its expansions), none of `excluded` and every phrase (folded
   * words, confirmed from the words in order: only for an index built with `phrases`) that `accept`
   * takes (null: every item), best first, at most `max`. No terms: every accepted item, in order.
   */
  search(
    terms: readonly BodyTerm[],
    excluded: readonly string[],
    accept: ((item: P) => boolean) | null,
    max: number,
    phrases: readonly (readonly string[])[] = [],
  ): CompactHit<P>[] {
    const count = this.places.length;
    const phraseIds = this.phraseIds(phrases);
    if (phraseIds === null) return [];
    const { scores, matched, refused, found: ordinals } = this.scratch.reset(count);
    const expansions = terms.map((term) => expandWithTags(this.words, term, this.tagWeight));
    const live = Math.max(1, this.size);
    const averageLength = this.totalLength / live || 1;
    for (const list of expansions)
      addScores(this.scratch, count, list, { words: this.words, lengths: this.lengths, live, averageLength });
    for (const word of excluded.flatMap((w) => (this.tagWeight === null ? [w] : [w, tagTerm(w)])))
      this.words.forEach(this.words.find(word), (ordinal) => (refused[ordinal] = 1));
    let foundCount = 0;
    const wanted = terms.length;
    for (let ordinal = 0; ordinal < count; ordinal++)
      if (matched[ordinal] === wanted && this.dead[ordinal] !== 1 && refused[ordinal] !== 1)
        ordinals[foundCount++] = ordinal;
    const found = ordinals.subarray(0, foundCount);
    // Filters and phrases are checked on the best candidates first (bestHolding): most queries show a few.
    const takes = (ordinal: number) =>
      (accept === null || accept(this.places[ordinal] as P)) &&
      phraseIds.every((phrase) => this.sequences?.holds(ordinal, phrase) === true);
    const best =
      accept === null && phraseIds.length === 0
        ? bestOf(found, scores, max)
        : bestHolding(found, scores, max, takes);
    const all = expansions.flat();
    return best.map((ordinal) => ({
      score: scores[ordinal] ?? 0,
      terms: [...new Set(all.filter((e) => this.words.holds(e.termId, ordinal)).map((e) => e.term))],
      item: this.places[ordinal] as P,
    }));
  }

  /** The live items only, renumbered, as stored in the library folder. */
  snapshot(): CompactSnapshot<P> {
    this.compact();
    const sequences = this.sequences?.saved();
    const saved = { ...this.words.saved(), items: [...this.places], lengths: [...this.lengths] };
    return sequences === undefined ? saved : { ...saved, sequences };
  }

  /**
   * The index from a snapshot (its postings are used in place until a word gets a new one); with
   * `phrases`, the snapshot must hold the items' words in order (throws otherwise).
   */
  static fromSnapshot<P extends CompactItem>(
    snapshot: CompactSnapshot<P>,
    options: CompactOptions = {},
  ): CompactIndex<P> {
    const index = new CompactIndex<P>(options);
    let sequences: WordSequences | null = null;
    if (options.phrases === true) {
      if (snapshot.sequences === undefined) throw new Error('The index holds no words in order');
      sequences = WordSequences.from(snapshot.sequences);
    }
    index.load(PostingLists.from(snapshot), snapshot.items, snapshot.lengths, sequences);
    return index;
  }

  private load(words: PostingLists, items: P[], lengths: number[], sequences: WordSequences | null): void {
    if (lengths.length !== items.length || (sequences !== null && sequences.size !== items.length))
      throw new Error('The index does not add up');
    this.words = words;
    this.places = items;
    this.lengths = lengths;
    this.sequences = sequences;
    this.totalLength = lengths.reduce((sum, n) => sum + n, 0);
    this.dead = new Uint8Array(Math.max(1024, items.length * 2));
    this.deadCount = 0;
    this.documents = null;
  }

  /** Each phrase's word ids, encoded as stored; null when a word is in no item (no item holds that phrase). */
  private phraseIds(phrases: readonly (readonly string[])[]): Uint8Array[] | null {
    if (phrases.length > 0 && this.sequences === null) throw new Error('This index cannot confirm phrases');
    const ids: Uint8Array[] = [];
    for (const phrase of phrases) {
      const found = phrase.map((word) => this.words.find(word) ?? -1);
      if (found.includes(-1)) return null;
      if (found.length > 0) ids.push(WordSequences.encode(found));
    }
    return ids;
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
    const { words, termIds } = this.words.renumber(renumbered);
    this.load(words, items, lengths, this.sequences?.renumber(renumbered, termIds) ?? null);
  }
}
