/** Walks and edits of linkedom nodes that the lean Readability does without the DOM's slower paths. */
import type { DomDocument, DomElement, DomNode } from './dom';

export const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** The sibling and child links the walks below follow (linkedom nodes have them). */
export interface LinkedNode extends DomNode {
  readonly firstChild: LinkedNode | null;
  readonly nextSibling: LinkedNode | null;
  readonly parentNode: LinkedNode | null;
  readonly data?: string;
}

/**
 * Whether any text under `root` has a character other than whitespace: the original's
 * `!textContent.trim().length`, decided at the first such text instead of after joining all.
 */
export function hasNonBlankText(root: LinkedNode): boolean {
  let node = root.firstChild;
  while (node !== null && node !== root) {
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      if (/\S/.test(node.textContent ?? '')) return true;
    }
    const child = node.nodeType === ELEMENT_NODE ? node.firstChild : null;
    if (child !== null) {
      node = child;
      continue;
    }
    while (node !== null && node !== root && node.nextSibling === null) node = node.parentNode;
    node = node === null || node === root ? null : node.nextSibling;
  }
  return false;
}

function innerHtmlDescriptor(element: DomElement): PropertyDescriptor {
  for (let at: object | null = element; at !== null; at = Object.getPrototypeOf(at)) {
    const descriptor = Object.getOwnPropertyDescriptor(at, 'innerHTML');
    if (descriptor !== undefined) return descriptor;
  }
  throw new Error('This DOM has no innerHTML.');
}

export const innerHtmlSetter = (element: DomElement) =>
  innerHtmlDescriptor(element).set as (html: string) => void;

/**
 * Gives a node and everything under it to `document`, as linkedom's innerHTML setter does, with
 * tag names lower-cased as that setter's parse would have made them (Readability's `_setNodeTag`
 * creates its elements as SPAN, DIV).
 */
export function adopt(node: DomNode, document: DomDocument): void {
  const adopted = node as { ownerDocument: DomDocument; localName?: string };
  adopted.ownerDocument = document;
  if (node.nodeType !== ELEMENT_NODE) return;
  adopted.localName = adopted.localName?.toLowerCase();
  for (const child of (node as DomElement).childNodes) adopt(child, document);
}
