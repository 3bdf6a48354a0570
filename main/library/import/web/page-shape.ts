/**
 * Bounds on the work a page may cost, checked before Readability sees it: the number of
 * start tags (counted on the source, before parsing) and the depth of nesting (walked
 * without recursion, so a hostile page cannot overflow the stack).
 */
import type { DomDocument, DomElement } from './dom';
import { type Collect, elementsByTag, nestingDepth } from './tag-walk';

/** Readability gives up past this many elements too: real articles have a few thousand. */
export const MAX_PAGE_ELEMENTS = 60_000;
/** Deeper nesting than this is not a page a person wrote; it would only cost time. */
export const MAX_PAGE_DEPTH = 512;

/** Start tags in the source: an upper bound on its elements. */
export function countStartTags(html: string): number {
  let count = 0;
  for (let at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at + 1)) {
    const next = html.charCodeAt(at + 1) | 0x20;
    if (next >= 0x61 && next <= 0x7a) count++;
  }
  return count;
}

/** Why the source is too big to parse, or null. */
export function tooManyElements(fileName: string, html: string): string | null {
  const tags = countStartTags(html);
  return tags > MAX_PAGE_ELEMENTS
    ? `“${fileName}” has ${tags} elements; Lectern reads pages of up to ${MAX_PAGE_ELEMENTS}.`
    : null;
}

/**
 * Why the parsed page nests too deep to read, or null. `collect`: elements gathered on the way
 * (the walk of every node costs as much as the check), all of them when the page is not too deep.
 */
export function tooDeep(fileName: string, document: DomDocument, collect?: Collect): string | null {
  let depth = nestingDepth(document, MAX_PAGE_DEPTH, collect);
  if (depth === null) {
    depth = depthOf(document.documentElement);
    collect?.into.push(...elementsByTag(document, [...collect.tags]));
  }
  return depth > MAX_PAGE_DEPTH
    ? `“${fileName}” nests its elements more than ${MAX_PAGE_DEPTH} deep; it is not a readable page.`
    : null;
}

/**
 * The deepest nesting from `first` and every top-level element after it (a page without `<html>`
 * can have several), walked by first-child and next-sibling links: linkedom builds a new array on
 * every `children` access, which on a large page cost more than the walk itself.
 */
function depthOf(first: DomElement | null): number {
  let deepest = 0;
  let depth = 1;
  let element = first;
  while (element !== null) {
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_PAGE_DEPTH) return deepest;
    const child = element.firstElementChild;
    if (child !== null) {
      element = child;
      depth++;
      continue;
    }
    element = nextInWalk(element, () => depth--);
  }
  return deepest;
}

/** The next element after `element`'s subtree, climbing (and calling `up`) as needed; null at the end. */
function nextInWalk(element: DomElement, up: () => void): DomElement | null {
  for (let at: DomElement | null = element; at !== null; at = at.parentElement) {
    const sibling = at.nextElementSibling;
    if (sibling !== null) return sibling;
    up();
  }
  return null;
}
