/**
 * Which of a document's heading sections each highlight lies in, without a DOM: highlight
 * positions are offsets into the RENDERED text, so each section's text is estimated by stripping
 * its markdown, and the highlight's quote is looked for near its estimated place.
 */
import { type Section, splitSections, stripInlineMarkdown } from '../sections';

/** How far (in characters of estimated text) from its position a highlight's quote is looked for. */
const SEARCH_RADIUS = 4000;

interface SectionText {
  section: Section;
  /** Estimated offset of the section in the rendered text. */
  start: number;
}

const BLOCK_MARKERS = /^\s{0,3}(?:#{1,6}\s+|>\s?|[-+*]\s+|\d{1,9}[.)]\s+)*/;

/** A section's markdown as roughly the text a reader sees: block markers and inline syntax gone. */
function estimatedText(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => stripInlineMarkdown(line.replace(BLOCK_MARKERS, '')))
    .filter((line) => line !== '')
    .join(' ');
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Groups the given highlights by section: a map from section index to the highlights in it. */
export function placeInSections<H extends { quote: { exact: string }; position: { start: number } }>(
  markdown: string,
  highlights: readonly H[],
): { sections: Section[]; bySection: Map<number, H[]> } {
  const sections = splitSections(markdown);
  const texts: SectionText[] = [];
  const pieces: string[] = [];
  let offset = 0;
  for (const section of sections) {
    const text = estimatedText(section.markdown);
    texts.push({ section, start: offset });
    pieces.push(text);
    offset += text.length + 1;
  }
  const whole = pieces.join(' ');
  const bySection = new Map<number, H[]>();
  for (const highlight of highlights) {
    const at = locate(whole, collapse(highlight.quote.exact), highlight.position.start);
    const index = sectionAt(texts, at);
    const list = bySection.get(index) ?? [];
    list.push(highlight);
    bySection.set(index, list);
  }
  return { sections, bySection };
}

/** Where the quote is found nearest its estimate (first match in a window around it), else the estimate. */
function locate(whole: string, quote: string, estimate: number): number {
  if (quote === '') return estimate;
  const from = Math.max(0, estimate - SEARCH_RADIUS);
  const found = whole.slice(from, estimate + SEARCH_RADIUS + quote.length).indexOf(quote);
  return found < 0 ? estimate : from + found;
}

/** The index of the last section starting at or before `at` (binary search). */
function sectionAt(texts: readonly SectionText[], at: number): number {
  let low = 0;
  let high = texts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((texts[middle]?.start ?? 0) <= at) low = middle;
    else high = middle - 1;
  }
  return texts[low]?.section.index ?? 0;
}
