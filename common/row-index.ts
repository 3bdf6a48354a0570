/**
 * The renderer's index of what every row of the current list shows but its excerpt, in pages of
 * compact columns (one joined string and its offsets per text column, typed arrays for numbers):
 * about 100 bytes a row, so a jump anywhere in 100,000 documents paints real rows without a round trip.
 */
import type { DocumentRow, DocumentRowIndex } from '../preload/api';
import { EditedPage, type EditedRow, IndexPage } from './row-index-pages';

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
