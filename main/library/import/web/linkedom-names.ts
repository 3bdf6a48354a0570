/**
 * linkedom answers every `nodeName` and `tagName` read with a fresh upper-case copy of the tag
 * name, and `getElementsByTagName('p')` makes one for every element it passes: Readability and
 * turndown read names all the time (a twentieth of a page's conversion, and its garbage). This
 * answers the same names from one copy per name, and skips the copies where none can match.
 */
import { DOMParser, Element as LinkedomElement, NodeList as LinkedomNodeList } from 'linkedom';
import { rememberedCase } from './tag-walk';

const ELEMENT_NODE = 1;

interface NamedNode {
  readonly nodeType: number;
  readonly localName: string;
  readonly ownerDocument: { readonly [mime: symbol]: { readonly ignoreCase: boolean } };
  readonly [link: symbol]: NamedNode;
}

type ElementsByTag = (this: NamedNode, tagName: string) => NamedNode[];

/** `name` upper-cased, one copy per name. */
const upperName = rememberedCase((name) => name.toUpperCase());

let installed: boolean | null = null;

/**
 * Idempotent; whether the names are now shared (false: linkedom is not built as this expects, and
 * is left as it is).
 */
export function installSharedTagNames(): boolean {
  if (installed !== null) return installed;
  // The document's symbols: its MIME type (whether names ignore case) and its chain of nodes.
  const probe = new DOMParser().parseFromString('<p>x</p>', 'text/html') as object;
  const symbols = Object.getOwnPropertySymbols(probe);
  const [mime, next, end] = ['mime', 'next', 'end'].map((name) =>
    symbols.find((symbol) => symbol.description === name),
  );
  const element = LinkedomElement.prototype as object;
  const parent = Object.getPrototypeOf(element) as { getElementsByTagName?: ElementsByTag };
  installed =
    mime !== undefined &&
    next !== undefined &&
    end !== undefined &&
    parent.getElementsByTagName !== undefined;
  if (installed) shareTagNames(element, parent, { mime, next, end } as Links);
  return installed;
}

interface Links {
  mime: symbol;
  next: symbol;
  end: symbol;
}

function shareTagNames(
  element: object,
  parent: { getElementsByTagName?: ElementsByTag },
  { mime, next, end }: Links,
): void {
  // As linkedom's own: upper-case in HTML documents, as written in XML ones.
  function caseOfName(this: NamedNode): string {
    const name = this.localName;
    return this.ownerDocument[mime]?.ignoreCase === true ? upperName(name) : name;
  }
  Object.defineProperties(element, {
    nodeName: { configurable: true, get: caseOfName },
    tagName: { configurable: true, get: caseOfName },
  });
  parent.getElementsByTagName = function (this: NamedNode, tagName: string) {
    // linkedom matches the local name or the name as nodeName gives it: a name with lower-case
    // letters is never an upper-cased one, so only the local name can match it (what Readability
    // asks for); turndown asks in capitals.
    const byLocalNameOnly = tagName !== tagName.toUpperCase();
    const elements = new LinkedomNodeList() as unknown as NamedNode[];
    const last = this[end];
    for (let node = this[next]; node !== last && node !== undefined; node = node[next]) {
      if (node.nodeType !== ELEMENT_NODE) continue;
      if (node.localName === tagName || (!byLocalNameOnly && caseOfName.call(node) === tagName))
        elements.push(node);
    }
    return elements;
  };
}
