/** Where the reader opens a document: its saved place, else where its text proper starts. */
import type { DocumentSummary, ReadingPosition } from '../../preload/api';
import { type Section, sectionLength } from './sections';

/**
 * The saved position; else, for a document whose source names where its text starts (a book's
 * bodymatter, past the cover and copyright pages), the top of that section; else null (the top).
 * A start that is not a section of this text (an edited file) is ignored.
 */
export function openingPosition(
  saved: ReadingPosition | null,
  summary: Pick<DocumentSummary, 'startSection'>,
  sections: readonly Section[],
): ReadingPosition | null {
  if (saved !== null) return saved;
  const index = summary.startSection;
  const section = index === undefined ? undefined : sections[index];
  if (index === undefined || index <= 0 || section === undefined) return null;
  const total = sections.reduce((sum, each) => sum + sectionLength(each), 0);
  return { section: index, offset: 0, quote: '', progress: total > 0 ? section.start / total : 0 };
}
