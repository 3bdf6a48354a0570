/**
 * The row index's pages: a page as the core sent it, in compact columns (one joined string and its
 * offsets per text column, typed arrays for numbers, about 100 bytes a row), and a page a patch
 * changed, its rows as objects.
 */
import type { DocumentRow, DocumentRowIndex } from '../preload/api';

/** Separates one row's tags in its cell; a tag holding it leaves the row to queryDocuments. */
const TAG_SEPARATOR = '\u0000';

/** Numbers per row: words, minutes, progress, added, opened, highlights. */
const NUMBERS = 6;

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
export class IndexPage {
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

  idAt(i: number): string {
    return this.ids.at(i);
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

/** A row of a page a patch changed: its id (also when the row could not be indexed) and what it shows. */
export interface EditedRow {
  id: string;
  row: DocumentRow | undefined;
}

/** A page a patch changed, its rows as objects: a few such pages, the rest stay compact. */
export class EditedPage {
  constructor(private readonly rows: EditedRow[]) {}

  static of(page: IndexPage | EditedPage): EditedPage {
    if (page instanceof EditedPage) return page;
    return new EditedPage(
      Array.from({ length: page.count }, (_, i) => ({ id: page.idAt(i), row: page.rowAt(i) })),
    );
  }

  get count(): number {
    return this.rows.length;
  }

  idAt(i: number): string {
    return this.rows[i]?.id ?? '';
  }

  rowAt(i: number): DocumentRow | undefined {
    return this.rows[i]?.row;
  }

  remove(i: number): void {
    this.rows.splice(i, 1);
  }

  insert(i: number, row: EditedRow): void {
    this.rows.splice(i, 0, row);
  }
}
