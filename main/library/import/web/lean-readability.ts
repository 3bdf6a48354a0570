/**
 * Readability with cheaper, equivalent versions of three checks it runs on every element of the
 * page (over linkedom each built the subtree's whole text, or a style object, to decide little).
 */
import { Readability } from '@mozilla/readability';
import type { DomElement, DomNode } from './dom';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** The sibling and child links the walks below follow (linkedom nodes have them). */
interface LinkedNode extends DomNode {
  readonly firstChild: LinkedNode | null;
  readonly nextSibling: LinkedNode | null;
  readonly parentNode: LinkedNode | null;
  readonly data?: string;
}

/** The Readability members the overrides use (not in its published types). */
interface ReadabilityInternals {
  REGEXPS: { byline: RegExp };
}

/**
 * Readability 0.6 with `_isValidByline`, `_isElementWithoutContent` and `_isProbablyVisible`
 * answering as the originals do (a unit test compares them) at a fraction of the cost: the
 * byline's text is read only when its attributes or classes make it a candidate, an element's
 * emptiness is decided at its first non-blank text, and the style is read only when the
 * element has a `style` attribute (linkedom builds a style object per element otherwise).
 */
export class LeanReadability<T = string> extends Readability<T> {
  /** As the original: a rel/itemprop/class-named byline with 1–99 characters of text. */
  _isValidByline(node: DomElement, matchString: string): boolean {
    const rel = node.getAttribute('rel');
    const itemprop = node.getAttribute('itemprop');
    const named =
      rel === 'author' ||
      (itemprop !== null && itemprop.includes('author')) ||
      (this as unknown as ReadabilityInternals).REGEXPS.byline.test(matchString);
    if (!named) return false;
    const length = (node.textContent ?? '').trim().length;
    return length > 0 && length < 100;
  }

  /** As the original: an element with no text but blanks and no children but `br`/`hr`. */
  _isElementWithoutContent(node: DomElement): boolean {
    if (node.nodeType !== ELEMENT_NODE || hasNonBlankText(node as unknown as LinkedNode)) return false;
    const children = node.children.length;
    const breaks = node.getElementsByTagName('br').length + node.getElementsByTagName('hr').length;
    return children === 0 || children === breaks;
  }

  /** As the original: not `display:none`, `visibility:hidden`, `hidden` or `aria-hidden`. */
  _isProbablyVisible(node: DomElement): boolean {
    if (node.getAttribute('style') !== null) {
      const style = (node as unknown as { style?: { display?: string; visibility?: string } }).style;
      if (style !== undefined && (style.display === 'none' || style.visibility === 'hidden')) return false;
    }
    if (node.hasAttribute('hidden')) return false;
    if (node.getAttribute('aria-hidden') !== 'true') return true;
    const className = (node as unknown as { className?: unknown }).className;
    return typeof className === 'string' && className.includes('fallback-image');
  }
}

/**
 * Whether any text under `root` has a character other than whitespace: the original's
 * `!textContent.trim().length`, decided at the first such text instead of after joining all.
 */
function hasNonBlankText(root: LinkedNode): boolean {
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
