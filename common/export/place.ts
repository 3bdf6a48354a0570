/**
 * Which of a document's heading sections each highlight lies in, without a DOM. Highlight
 * positions are offsets into the RENDERED text, which keeps the source's line breaks inside
 * paragraphs, so a quote without inline markup appears verbatim in the markdown: each is looked
 * for near where the one before it was found (offsets drift, but only locally). A quote not found
 * (markup inside it) goes by its predicted place.
 */
import { isBlank } from '../anchoring/normalize';
import { type Section, splitSections } from '../sections';

/** How far (in characters) from its predicted place a highlight's quote is looked for. */
const SEARCH_RADIUS = 1500;

/** Groups the given highlights by section: a map from section index to the highlights in it. */
export function placeInSections<H extends { quote: { exact: string }; position: { start: number } }>(
  markdown: string,
  highlights: readonly H[],
): { sections: Section[]; bySection: Map<number, H[]> } {
  const sections = splitSections(markdown);
  const bySection = new Map<number, H[]>();
  let anchorMarkdown = 0;
  let anchorRendered = 0;
  // Both callers pass highlights in document order already: sorting them again is skipped.
  const ordered = isByStart(highlights)
    ? highlights
    : highlights.toSorted((a, b) => a.position.start - b.position.start);
  let list: H[] = [];
  let listIndex = -1;
  for (const highlight of ordered) {
    const predicted = anchorMarkdown + (highlight.position.start - anchorRendered);
    const found = locate(markdown, highlight.quote.exact, predicted);
    if (found >= 0) {
      anchorMarkdown = found;
      anchorRendered = highlight.position.start;
    }
    const index = sectionAt(sections, found >= 0 ? found : predicted);
    // Highlights in order mostly stay in the section of the one before: no map lookup for them.
    if (index !== listIndex) {
      list = bySection.get(index) ?? [];
      bySection.set(index, list);
      listIndex = index;
    }
    list.push(highlight);
  }
  return { sections, bySection };
}

/** Whether the highlights are in order of their starts. */
function isByStart(highlights: readonly { position: { start: number } }[]): boolean {
  for (let i = 1; i < highlights.length; i++)
    if ((highlights[i - 1]?.position.start ?? 0) > (highlights[i]?.position.start ?? 0)) return false;
  return true;
}

/**
 * Where the quote is found nearest its predicted place, or -1. Offsets drift only at markup the
 * rendered text lacks, so the quote is usually exactly where predicted: that check costs the
 * quote's length; only a miss searches the window around it.
 */
function locate(markdown: string, quote: string, predicted: number): number {
  if (isBlank(quote)) return -1;
  // Comparing a substring is several times faster than `startsWith(quote, at)` in V8.
  if (predicted >= 0 && markdown.substring(predicted, predicted + quote.length) === quote) return predicted;
  const from = Math.max(0, predicted - SEARCH_RADIUS);
  const found = markdown.slice(from, predicted + SEARCH_RADIUS + quote.length).indexOf(quote);
  return found < 0 ? -1 : from + found;
}

/** The index of the last section starting at or before markdown offset `at` (binary search). */
function sectionAt(sections: readonly Section[], at: number): number {
  let low = 0;
  let high = sections.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((sections[middle]?.start ?? 0) <= at) low = middle;
    else high = middle - 1;
  }
  return sections[low]?.index ?? 0;
}
