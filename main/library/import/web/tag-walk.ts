/**
 * Elements by tag name in one walk of linkedom's node chain: what `querySelectorAll('a, b')` finds,
 * without compiling the selector on every call and matching each node through css-select.
 */
import type { DomDocument, DomElement } from './dom';

const ELEMENT_NODE = 1;
/** linkedom's node type of the marker that closes each element in the chain. */
const NODE_END = -1;

/** linkedom keeps every node linked to the next in document order, and each parent to its end. */
interface ChainLinks {
  readonly next: symbol;
  readonly end: symbol;
}

interface Chained {
  readonly nodeType: number;
  readonly localName: string;
  readonly [link: symbol]: Chained | null | undefined;
}

let links: ChainLinks | null | undefined;

/** The chain's symbols, read from a linkedom node once; null for a DOM without them. */
function chainLinks(root: object): ChainLinks | null {
  if (links !== undefined) return links;
  const symbols = Object.getOwnPropertySymbols(root);
  const next = symbols.find((symbol) => symbol.description === 'next');
  const end = symbols.find((symbol) => symbol.description === 'end');
  links = next !== undefined && end !== undefined ? { next, end } : null;
  return links;
}

/**
 * `convert` of a tag name, made once per name and remembered (tag names are few): what linkedom
 * does on every read of a name allocates a new string each time.
 */
export function rememberedCase(convert: (name: string) => string): (name: string) => string {
  const converted = new Map<string, string>();
  return (name) => {
    let result = converted.get(name);
    if (result === undefined) {
      result = convert(name);
      converted.set(name, result);
    }
    return result;
  };
}

/** Tag names come lower-case from the parser; Readability makes `DIV`s (remembered, not lowered each time). */
const lowerName = rememberedCase((name) => name.toLowerCase());

/**
 * The elements under `root` (not `root` itself) whose tag is one of `tags` (`*` for all), in
 * document order, as a static array: as `querySelectorAll` answers, including that it does not look
 * inside a `template` (unless `intoTemplates`: as `getElementsByTagName` answers). Falls back to
 * `querySelectorAll` on a DOM that is not linkedom's.
 */
export function elementsByTag(
  root: DomElement | DomDocument,
  tags: readonly string[],
  intoTemplates = false,
): DomElement[] {
  const chain = chainLinks(root);
  if (chain === null) return [...root.querySelectorAll(tags.join(','))];
  const wanted = new Set(tags.map((tag) => tag.toLowerCase()));
  const all = wanted.has('*');
  const found: DomElement[] = [];
  const start = root as unknown as Chained;
  const end = start[chain.end];
  let node = start[chain.next];
  while (node !== undefined && node !== null && node !== end) {
    if (node.nodeType === ELEMENT_NODE) {
      const name = lowerName(node.localName);
      if (all || wanted.has(name)) found.push(node as unknown as DomElement);
      if (name === 'template' && !intoTemplates) node = node[chain.end] as Chained;
    }
    node = node[chain.next];
  }
  return found;
}

/**
 * Those of `elements` (found by one walk for several tags) whose tag is `tag`; or, without them,
 * the `tag` elements under `root`.
 */
export function withTag(
  root: DomElement | DomDocument,
  tag: string,
  elements: readonly DomElement[] | undefined,
): DomElement[] {
  if (elements === undefined) return elementsByTag(root, [tag]);
  return elements.filter((element) => lowerName(element.nodeName) === tag);
}

/** Elements to collect on a walk made for something else: those of `tags`, as `elementsByTag` finds them. */
export interface Collect {
  readonly tags: ReadonlySet<string>;
  readonly into: DomElement[];
}

/**
 * How deeply elements nest under `root` (a top-level element is at 1), counted in one walk of
 * the chain (an element opens a level, its end marker closes it) and stopped once past `limit`;
 * null for a DOM that is not linkedom's. `collect`: elements gathered on the same walk (all of
 * them unless it stopped; template contents count for the depth, not for `collect`).
 */
export function nestingDepth(root: DomDocument, limit: number, collect?: Collect): number | null {
  const chain = chainLinks(root);
  if (chain === null) return null;
  const start = root as unknown as Chained;
  const end = start[chain.end];
  let depth = 0;
  let deepest = 0;
  let templateEnd: Chained | null = null;
  for (
    let node = start[chain.next];
    node !== undefined && node !== null && node !== end;
    node = node[chain.next]
  ) {
    if (node.nodeType === ELEMENT_NODE) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
      if (collect === undefined || templateEnd !== null) continue;
      const name = lowerName(node.localName);
      if (collect.tags.has(name)) collect.into.push(node as unknown as DomElement);
      if (name === 'template') templateEnd = node[chain.end] ?? null;
    } else if (node.nodeType === NODE_END) {
      depth--;
      if (node === templateEnd) templateEnd = null;
    }
  }
  return deepest;
}
