/** Reads a highlight's citation from the open document and the rendered text (the heading above it). */
import type { ReaderDocument } from '../reader/reader-document';
import type { Citation } from './citation';

/** The last h1–h3 in `root` that comes before `range`'s start, or null. */
function headingBefore(root: HTMLElement, range: Range): string | null {
  let found: string | null = null;
  for (const heading of root.querySelectorAll('h1, h2, h3')) {
    if (range.comparePoint(heading, 0) >= 0) break;
    found = heading.textContent?.replace(/\s+/g, ' ').trim() || found;
  }
  return found;
}

/** Title and author from the document, chapter from the heading the highlight sits under. */
export function citationOf(
  doc: ReaderDocument | null,
  range: Range | null,
  root: HTMLElement | null,
): Citation {
  const chapter = range && root ? headingBefore(root, range) : null;
  const title = doc?.summary.title ?? '';
  // A document whose only heading is its title: the title is not a chapter.
  return { title, author: doc?.summary.author ?? null, chapter: chapter === title ? null : chapter };
}
