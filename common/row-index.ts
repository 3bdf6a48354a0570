/**
 * The renderer's index of what every row of the current list shows but its excerpt, in pages of
 * compact columns (one joined string and its offsets per text column, typed arrays for numbers):
 * about 100 bytes a row, so a jump anywhere in 100,000 documents paints real rows without a round trip.
 */
import type { DocumentRow, DocumentRowIndex } from '../preload/api';

/** Separates one row's tags in its cell; a tag holding it leaves the row to queryDocuments. */
const TAG_SEPARATOR = '\u0000';

/** Strings joined into one, each found by its end offset. */
class StringColumn {
  private readonly text: string;
  private readonly ends: Uint32Array;

  /** Rows whose value is null (no author, no source): a bit each. */
  private readonly nulls: Uint8Array;

  constructor(values: readonly (string | null)[]) {
    this.text = values.join('');
    this.ends = new Uint32Array(values.length);
    this.nulls = new Uint8Array(Math.ceil(values.length / 8));
    let end = 0;
    values.forEach((value, i) => {
      this.ends[i] = end += value?.length ?? 0;
      if (value === null) this.nulls[i >> 3] = (this.nulls[i >> 3] ?? 0) | (1 << (i & 7));
    });
  }

  at(i: number): string {
    return this.text.slice(i === 0 ? 0 : this.ends[i - 1], this.ends[i]);
  }

  /** The value of row i, null included. */
  orNull(i: number): string | null {
    return ((this.nulls[i >> 3] ?? 0) >> (i & 7)) & 1 ? null : this.at(i);
  }
}

/** One page of the index: rows [offset, offset + count). */
class IndexPage {
  readonly count: number;
  private readonly ids: StringColumn;
  private readonly titles: StringColumn;
  private readonly authors: StringColumn;
  private readonly sources: StringColumn;
  private readonly tags: StringColumn;
  private readonly numbers: Float64Array;

  constructor(page: DocumentRowIndex) {
    this.count = page.ids.length;
    this.ids = new StringColumn(page.ids);
    this.titles = new StringColumn(page.titles);
    this.authors = new StringColumn(page.authors);
    this.sources = new StringColumn(page.sources);
    const tagsOf: string[][] = Array.from({ length: this.count }, () => []);
    for (const { row, tags } of page.tagged) if (row >= 0 && row < this.count) tagsOf[row] = tags;
    this.tags = new StringColumn(tagsOf.map((tags) => tags.join(TAG_SEPARATOR)));
    // Per row: words, minutes, progress, added, opened (NaN: never), highlights; NaN added: not indexed.
    this.numbers = new Float64Array(this.count * NUMBERS);
    for (let i = 0; i < this.count; i++) {
      const unreadable = tagsOf[i]?.some((tag) => tag === '' || tag.includes(TAG_SEPARATOR)) ?? true;
      const row = [
        page.wordCounts[i],
        page.readingMinutes[i],
        page.progress[i],
        unreadable ? null : page.addedAt[i],
        page.openedAt[i],
        page.highlightCounts[i],
      ];
      row.forEach((value, k) => (this.numbers[i * NUMBERS + k] = value ?? Number.NaN));
    }
  }

  /** Row i of the page, its excerpt empty; undefined when the page could not hold it. */
  rowAt(i: number): DocumentRow | undefined {
    const n = (k: number): number => this.numbers[i * NUMBERS + k] ?? Number.NaN;
    const added = n(3);
    if (!Number.isFinite(added)) return undefined;
    const opened = n(4);
    const tags = this.tags.at(i);
    return {
      id: this.ids.at(i),
      title: this.titles.at(i),
      author: this.authors.orNull(i),
      source: this.sources.orNull(i),
      excerpt: '',
      wordCount: n(0),
      readingMinutes: n(1),
      progress: n(2),
      addedAt: new Date(added).toISOString(),
      openedAt: Number.isNaN(opened) ? null : new Date(opened).toISOString(),
      highlightCount: n(5),
      tags: tags === '' ? [] : tags.split(TAG_SEPARATOR),
    };
  }
}

const NUMBERS = 6;

/** The index of one list (a sort, filter and tag at one version of the catalog), filled page by page. */
export class RowIndex {
  private readonly pages = new Map<number, IndexPage>();
  private rows = 0;

  constructor(
    /** Rows in the list. */
    readonly total: number,
    /** The catalog's version the pages answer (DocumentRowIndex.version). */
    readonly version: number,
  ) {}

  /** Every row is indexed. */
  get complete(): boolean {
    return this.rows >= this.total;
  }

  /** Adds a page; false (and nothing added) when it answers another version or length of the list. */
  add(page: DocumentRowIndex): boolean {
    if (page.version !== this.version || page.total !== this.total) return false;
    if (!this.pages.has(page.offset)) this.rows += page.ids.length;
    this.pages.set(page.offset, new IndexPage(page));
    return true;
  }

  /** What row `index` shows but its excerpt (''), or undefined when not indexed (yet). */
  rowAt(index: number): DocumentRow | undefined {
    for (const [offset, page] of this.pages)
      if (index >= offset && index < offset + page.count) return page.rowAt(index - offset);
    return undefined;
  }
}
