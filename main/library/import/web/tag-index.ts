/**
 * Elements of a few tags in a page, found in one walk and then handed out by tag, for a stretch of
 * work that only removes elements or moves them keeping their order (Readability's preparation of
 * the page, which otherwise walks the whole page once per step). An element since taken out of the
 * page, or out of the root asked about, is passed over, so each answer is what a walk made then
 * would find, as long as the work adds no element of an indexed tag.
 */
import type { DomDocument, DomElement } from './dom';
import { elementsByTag } from './tag-walk';

interface Parented {
  readonly parentNode: Parented | null;
}

export class TagIndex {
  private readonly elements: readonly DomElement[];
  private readonly names: readonly string[];

  /** `intoTemplates`: with the elements inside templates, as `getElementsByTagName` finds them. */
  constructor(
    document: DomDocument,
    private readonly tags: ReadonlySet<string>,
    intoTemplates = false,
  ) {
    this.elements = elementsByTag(document, [...tags], intoTemplates);
    this.names = this.elements.map((element) => element.nodeName.toLowerCase());
  }

  /**
   * The indexed elements of `tags` under `root` (not `root` itself), in document order, as
   * `elementsByTag` finds them; null when one of the tags is not indexed.
   */
  under(root: DomElement | DomDocument, tags: readonly string[]): DomElement[] | null {
    const wanted = tags.map((tag) => tag.toLowerCase());
    if (!wanted.every((tag) => this.tags.has(tag))) return null;
    const found: DomElement[] = [];
    for (let at = 0; at < this.elements.length; at++) {
      const element = this.elements[at] as DomElement;
      if (wanted.includes(this.names[at] as string) && isUnder(element, root)) found.push(element);
    }
    return found;
  }
}

/**
 * Has `document.getElementsByTagName` answer from `index` (made `intoTemplates`) for the tags it
 * holds, asked for in lower case as the page's own names are; returns what puts linkedom's back.
 */
export function answerFromIndex(document: DomDocument, index: TagIndex): () => void {
  const walk = document.getElementsByTagName;
  Object.defineProperty(document, 'getElementsByTagName', {
    configurable: true,
    value: (name: string) =>
      (name === name.toLowerCase() ? index.under(document, [name]) : null) ?? walk.call(document, name),
  });
  return () => delete (document as { getElementsByTagName?: unknown }).getElementsByTagName;
}

function isUnder(element: DomElement, root: DomElement | DomDocument): boolean {
  for (let at = (element as unknown as Parented).parentNode; at !== null; at = at.parentNode) {
    if (at === (root as unknown as Parented)) return true;
  }
  return false;
}
