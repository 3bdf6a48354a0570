/**
 * A page of the renderer's row index (DocumentRowIndex): what rows show but their excerpts, as
 * columns, so 10,000 rows cross the process boundary as a few arrays instead of 10,000 objects.
 */
import type { DocumentId, DocumentRowIndex } from '../../../preload/api';
import { type DocumentRecord, storedTagsOf } from './records';

/** The page's place in the list: where it starts, how long the list is, and its version. */
export interface RowIndexPlace {
  offset: number;
  total: number;
  libraryTotal: number;
  version: number;
}

/** The columns of `records` (rows offset, offset + 1, …). */
export function rowIndexOf(
  records: readonly Readonly<DocumentRecord>[],
  place: RowIndexPlace,
): DocumentRowIndex {
  const page: DocumentRowIndex = {
    ...place,
    ids: [],
    titles: [],
    authors: [],
    sources: [],
    tagged: [],
    wordCounts: [],
    readingMinutes: [],
    progress: [],
    addedAt: [],
    openedAt: [],
    highlightCounts: [],
  };
  for (const [row, record] of records.entries()) {
    page.ids.push(record.id);
    page.titles.push(record.title);
    page.authors.push(record.author);
    page.sources.push(record.source);
    // With its tag ids: the handlers' presentTags swaps them for the tags' current names.
    if (record.tagIds !== undefined) page.tagged.push({ row, ...storedTagsOf(record) });
    page.wordCounts.push(record.wordCount);
    page.readingMinutes.push(record.readingMinutes);
    page.progress.push(record.progress);
    const openedAt = record.openedAt === null ? null : Date.parse(record.openedAt);
    // A date the renderer cannot rebuild: no added date (null in JSON) leaves the row to queryDocuments.
    page.addedAt.push(Number.isNaN(openedAt) ? Number.NaN : Date.parse(record.addedAt));
    page.openedAt.push(Number.isNaN(openedAt) ? null : openedAt);
    page.highlightCounts.push(record.highlightCount);
  }
  return page;
}

/** Changes a patch can be answered for; an index further behind is rebuilt. */
const CHANGES_KEPT = 5000;

/** Which document each recent version changed: what an index asks for to patch itself (`since`). */
export class ChangeLog {
  /** ids[i] is the document whose change made version start + i + 1. */
  private ids: DocumentId[] = [];
  private start = 0;

  /** `id` changed, making `version`. */
  add(id: DocumentId, version: number): void {
    if (version !== this.start + this.ids.length + 1) [this.ids, this.start] = [[], version - 1];
    this.ids.push(id);
    // Trimmed in chunks, not an array shift per change.
    if (this.ids.length >= 2 * CHANGES_KEPT) {
      const dropped = this.ids.length - CHANGES_KEPT;
      this.ids = this.ids.slice(dropped);
      this.start += dropped;
    }
  }

  /** Every document changed after `version` (each once), or null when those changes are no longer known. */
  since(version: number): DocumentId[] | null {
    const from = version - this.start;
    if (from < 0 || from > this.ids.length) return null;
    return [...new Set(this.ids.slice(from))];
  }
}

/** The rows of the `changed` documents that `list` holds, with their places in it, for a patch. */
export function changedRowsOf(
  list: readonly Readonly<DocumentRecord>[],
  changed: DocumentId[],
  place: Omit<RowIndexPlace, 'offset'>,
): DocumentRowIndex {
  const wanted = new Set(changed);
  const records: Readonly<DocumentRecord>[] = [];
  const positions: number[] = [];
  if (wanted.size > 0)
    list.forEach((record, position) => {
      if (!wanted.has(record.id)) return;
      records.push(record);
      positions.push(position);
    });
  return { ...rowIndexOf(records, { ...place, offset: 0 }), changed, positions };
}
