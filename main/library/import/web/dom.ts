/**
 * The slice of the DOM the converters use, typed structurally: the main process has no DOM
 * types, and linkedom's own are mostly `any`. linkedom's nodes satisfy these interfaces.
 */
import { DOMParser } from 'linkedom';
import { installAttributeClassNames } from './linkedom-classes';
import { installLazyListenerMaps } from './linkedom-listeners';
import { installSharedTagNames } from './linkedom-names';

export interface DomNode {
  readonly nodeName: string;
  readonly nodeType: number;
  textContent: string | null;
  readonly parentElement: DomElement | null;
  readonly ownerDocument: DomDocument;
  readonly isConnected: boolean;
  remove(): void;
}

export interface DomList<T> extends Iterable<T> {
  readonly length: number;
}

export interface DomElement extends DomNode {
  readonly children: DomList<DomElement>;
  readonly firstElementChild: DomElement | null;
  readonly nextElementSibling: DomElement | null;
  readonly childNodes: DomList<DomNode>;
  closest(selectors: string): DomElement | null;
  append(...nodes: DomNode[]): void;
  normalize(): void;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  hasAttribute(name: string): boolean;
  getAttributeNames(): string[];
  querySelector(selectors: string): DomElement | null;
  /** A static list, as in browsers: the tree may change while it is walked. */
  querySelectorAll(selectors: string): DomList<DomElement>;
  getElementsByTagName(name: string): DomList<DomElement>;
  before(...nodes: DomNode[]): void;
  after(...nodes: DomNode[]): void;
  prepend(...nodes: DomNode[]): void;
  replaceWith(...nodes: DomNode[]): void;
}

export interface DomDocument {
  readonly documentElement: DomElement | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): DomList<DomElement>;
  getElementsByTagName(name: string): DomList<DomElement>;
  createElement(tagName: string): DomElement;
  createTextNode(text: string): DomNode;
}

/** linkedom with the cheaper, equivalent paths the converters rely on (each installed once). */
function prepareLinkedom(): void {
  installLazyListenerMaps();
  installSharedTagNames();
  installAttributeClassNames();
}

/** Parses HTML (forgivingly, as browsers do) with linkedom. */
export function parseHtml(html: string): DomDocument {
  prepareLinkedom();
  return new DOMParser().parseFromString(html, 'text/html') as unknown as DomDocument;
}

/** Parses well-formed XHTML (EPUB chapters) with linkedom's XML mode. */
export function parseXhtml(xhtml: string): DomDocument {
  prepareLinkedom();
  return new DOMParser().parseFromString(xhtml, 'text/html') as unknown as DomDocument;
}

/** The upper-case tag name (linkedom keeps XHTML names lower-case). */
export const tagOf = (node: DomNode): string => node.nodeName.toUpperCase();
