/**
 * The heading a container opens with. A book's `<section id="ch3">` is linked to as the chapter,
 * but its first line is the chapter's heading: an anchor placed at the container's start would sit
 * in the section before the heading once the text is split at headings.
 */
import { type DomElement, type DomNode, tagOf } from './dom';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** A printed page's number kept by the book (EPUB `epub:type="pagebreak"`, DPUB-ARIA `doc-pagebreak`). */
function isPageBreak(element: DomElement): boolean {
  const types = element.getAttribute('epub:type') ?? '';
  return /(^|\s)pagebreak(\s|$)/.test(types) || element.getAttribute('role') === 'doc-pagebreak';
}

/** Whether a node shows something a reader reads or sees: text outside page numbers, or a picture. */
function hasContent(node: DomNode): boolean {
  if (node.nodeType === TEXT_NODE) return (node.textContent ?? '').trim() !== '';
  if (node.nodeType !== ELEMENT_NODE) return false;
  const element = node as DomElement;
  if (isPageBreak(element)) return false;
  if (/^(IMG|SVG|VIDEO|AUDIO|TABLE|HR)$/.test(tagOf(element))) return true;
  for (const child of element.childNodes) if (hasContent(child)) return true;
  return false;
}

/** The first heading inside `element` with nothing a reader sees before it; null if there is none. */
export function openingHeading(element: DomElement): DomElement | null {
  for (const child of element.childNodes) {
    if (child.nodeType === ELEMENT_NODE && /^H[1-6]$/.test(tagOf(child))) return child as DomElement;
    if (!hasContent(child)) continue;
    return child.nodeType === ELEMENT_NODE ? openingHeading(child as DomElement) : null;
  }
  return null;
}
