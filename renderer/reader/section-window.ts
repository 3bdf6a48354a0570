/**
 * Puts a long document's section placeholders on the page in two steps: the sections around the
 * reading place at once, with one spacer standing for those before and one for those after (so
 * the first frame styles and lays out a few hundred elements, not every chapter of a 30 MB book),
 * then all of them right after the first paint, in place of the spacers, at the same heights.
 */
import { countBlocks } from './chunks';
import type { Section } from './sections';

/** Sections attached before the first paint, before and from the reading place. */
const BEFORE = 20;
const FROM = 200;

/**
 * Attaches `elements[place - BEFORE, place + FROM)` to `container` between spacers as tall as
 * the sections they stand for (`heights`, whole px, so the sums match to the pixel). Answers the
 * step that attaches the rest; it does nothing once done, or when the container was refilled.
 */
export function mountAround(
  container: HTMLElement,
  elements: readonly HTMLElement[],
  heights: readonly number[],
  place: number,
): () => void {
  const around = Math.max(0, Math.min(place, elements.length - 1));
  const from = Math.max(0, around - BEFORE);
  const to = Math.min(elements.length, around + FROM);
  const before = from > 0 ? spacer(sum(heights.slice(0, from))) : null;
  const after = to < elements.length ? spacer(sum(heights.slice(to))) : null;
  const fragment = fragmentOf(elements.slice(from, to));
  if (before) fragment.prepend(before);
  if (after) fragment.append(after);
  container.replaceChildren(fragment);
  return () => {
    if (before?.parentNode === container) before.replaceWith(fragmentOf(elements.slice(0, from)));
    if (after?.parentNode === container) after.replaceWith(fragmentOf(elements.slice(to)));
  };
}

function spacer(height: number): HTMLElement {
  const element = document.createElement('div');
  element.className = 'sections-spacer';
  element.setAttribute('aria-hidden', 'true');
  element.style.height = `${height}px`;
  return element;
}

/** One by one: a spread of 100,000 elements would pass the engine's limit on arguments. */
function fragmentOf(elements: readonly HTMLElement[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const element of elements) fragment.append(element);
  return fragment;
}

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

/** A section's placeholder element (pending: sized by its estimated height until rendered). */
export function placeholderOf(section: Section): HTMLElement {
  const element = document.createElement('section');
  element.className = 'sec pending';
  element.dataset.section = String(section.index);
  element.tabIndex = -1;
  return element;
}

/** A pending section's blocks are guessed from its length (a paragraph of some 500 characters). */
export function blocksOf(section: Section): number {
  return section.pendingLength === undefined
    ? countBlocks(section.markdown)
    : Math.ceil(section.pendingLength / 500);
}
