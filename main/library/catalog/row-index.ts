/**
 * A page of the renderer's row index (DocumentRowIndex): what rows show but their excerpts, as
 * columns, so 10,000 rows cross the process boundary as a few arrays instead of 10,000 objects.
 */
import type { DocumentRowIndex } from '../../../preload/api';
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
