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

const NUMBERS = 6;

/** A row of a page a patch changed: its id (also when the row could not be indexed) and what it shows. */
interface EditedRow {
  id: string;
  row: DocumentRow | undefined;
}

/** A page a patch changed, its rows as objects: a few such pages, the rest stay compact. */
class EditedPage {
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

/**
 * The index of one list (a sort, filter and tag at one version of the catalog), filled page by
 * page from its top; a change is patched in (patch) instead of fetching the list again.
 */
export class RowIndex {
  private readonly pages: (IndexPage | EditedPage)[] = [];
  /** Rows held: the list's first `rows`. */
  private rows = 0;

  constructor(
    /** Rows in the list. */
    private rowsInList: number,
    /** The catalog's version the pages answer (DocumentRowIndex.version). */
    private listVersion: number,
  ) {}

  get total(): number {
    return this.rowsInList;
  }

  get version(): number {
    return this.listVersion;
  }

  /** Rows held (from the top of the list): where the next page starts. */
  get loaded(): number {
    return this.rows;
  }

  /** Every row is indexed. */
  get complete(): boolean {
    return this.rows >= this.rowsInList;
  }

  /** Adds the next page; false (and nothing added) when it answers another version, length or place of the list. */
  add(page: DocumentRowIndex): boolean {
    if (page.version !== this.version || page.total !== this.total || page.offset !== this.rows) return false;
    const added = new IndexPage(page);
    this.pages.push(added);
    this.rows += added.count;
    return true;
  }

  /**
   * Patches in a change (queryRowIndex with `since` this version): the rows of the changed
   * documents leave their places, and those still in the list come in at theirs, among the rows
   * held (the pages after them come at the new version). False when it is not a patch of this
   * index (or does not add up): drop it.
   */
  patch(answer: DocumentRowIndex): boolean {
    const { changed, positions } = answer;
    if (changed === undefined || positions?.length !== answer.ids.length || answer.version < this.version)
      return false;
    const complete = this.complete;
    this.removeAll(new Set(changed));
    const incoming = new IndexPage(answer);
    // Positions come in list order, so each row before one is in place when it comes: past the rows
    // held (and not just after them), a row is left to the pages after them.
    positions.forEach((at, k) => {
      if (at <= this.rows) this.insert(at, { id: incoming.idAt(k), row: incoming.rowAt(k) });
    });
    this.rowsInList = answer.total;
    this.listVersion = answer.version;
    return complete ? this.rows === this.total : this.rows <= this.total;
  }

  /** What row `index` shows but its excerpt (''), or undefined when not indexed (yet). */
  rowAt(index: number): DocumentRow | undefined {
    let offset = 0;
    for (const page of this.pages) {
      if (index < offset + page.count) return index >= offset ? page.rowAt(index - offset) : undefined;
      offset += page.count;
    }
    return undefined;
  }

  /**
   * Takes the rows of `ids` out, in one pass over the rows held: a look-up per id through every
   * page was 1.6 M characters compared per id not held (each new document) at 100,000 rows.
   */
  private removeAll(ids: ReadonlySet<string>): void {
    let left = ids.size;
    for (let p = 0; p < this.pages.length && left > 0; p++) {
      const page = this.pages[p];
      if (page === undefined) continue;
      const found: number[] = [];
      for (let i = 0; i < page.count; i++) if (ids.has(page.idAt(i))) found.push(i);
      if (found.length === 0) continue;
      const edited = EditedPage.of(page);
      for (const at of found.toReversed()) edited.remove(at);
      this.pages[p] = edited;
      this.rows -= found.length;
      left -= found.length;
    }
  }

  private insert(index: number, row: EditedRow): void {
    let offset = 0;
    for (const [p, page] of this.pages.entries()) {
      const last = p === this.pages.length - 1;
      if (index <= offset + page.count && (index < offset + page.count || last)) {
        const edited = EditedPage.of(page);
        edited.insert(index - offset, row);
        this.pages[p] = edited;
        this.rows++;
        return;
      }
      offset += page.count;
    }
    this.pages.push(new EditedPage([row]));
    this.rows++;
  }
}
