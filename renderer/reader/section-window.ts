/**
 * Puts a long document's section placeholders on the page in two steps: the sections around the
 * reading place at once, with one spacer standing for those before and one for those after (so
 * the first frame creates, styles and lays out a few hundred elements, not one for every chapter
 * of a 30 MB book), then all of them right after the first paint, created then, in place of the
 * spacers, at the same heights.
 */
import { countBlocks } from './chunks';
import type { Section } from './sections';

/** Sections attached before the first paint, before and from the reading place. */
const BEFORE = 20;
const FROM = 200;

/**
 * Attaches the elements of sections [place - BEFORE, place + FROM) (made by `elementOf`, asked
 * for no others yet) to `container` between spacers as tall as the sections they stand for
 * (`heights`, whole px, so the sums match to the pixel). Answers the step that makes and attaches
 * the rest; it does nothing once done, or when the container was refilled.
 */
export function mountAround(
  container: HTMLElement,
  heights: readonly number[],
  place: number,
  elementOf: (index: number) => HTMLElement,
): () => void {
  const count = heights.length;
  const around = Math.max(0, Math.min(place, count - 1));
  const from = Math.max(0, around - BEFORE);
  const to = Math.min(count, around + FROM);
  const before = from > 0 ? spacer(sum(heights, 0, from)) : null;
  const after = to < count ? spacer(sum(heights, to, count)) : null;
  const fragment = fragmentOf(from, to, elementOf);
  if (before) fragment.prepend(before);
  if (after) fragment.append(after);
  container.replaceChildren(fragment);
  return () => {
    if (before?.parentNode === container) before.replaceWith(fragmentOf(0, from, elementOf));
    if (after?.parentNode === container) after.replaceWith(fragmentOf(to, count, elementOf));
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
function fragmentOf(from: number, to: number, elementOf: (index: number) => HTMLElement): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (let index = from; index < to; index++) fragment.append(elementOf(index));
  return fragment;
}

function sum(values: readonly number[], from: number, to: number): number {
  let total = 0;
  for (let i = from; i < to; i++) total += values[i] ?? 0;
  return total;
}

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
