/**
 * linkedom builds a token list (a Set) for every element with a class as it parses it, splitting
 * the value twice and joining it back into the attribute, and answers every `className` and
 * `getAttribute('class')` by joining that Set again: Readability reads the class of every element
 * it passes, several times. Here the attribute gets the same value (its tokens, each once, joined
 * by one space) and is read as it is; the token list is built only for `classList`.
 */
import { DOMParser, Element as LinkedomElement } from 'linkedom';

interface ClassedElement {
  getAttributeNode(name: string): { value: string } | null;
  [list: symbol]: { readonly value: string } | null | undefined;
}

/** A class value as linkedom's token list gives it back: split at whitespace, each token once, joined by a space. */
export function classTokens(value: string): string {
  if (!/\s/.test(value)) return value;
  const tokens: string[] = [];
  for (const token of value.split(/\s+/)) if (token !== '' && !tokens.includes(token)) tokens.push(token);
  return tokens.join(' ');
}

let installed: boolean | null = null;

/**
 * Idempotent; whether classes are now read from the attribute (false: linkedom is not built as
 * this expects, and is left as it is).
 */
export function installAttributeClassNames(): boolean {
  if (installed !== null) return installed;
  const probe = new DOMParser().parseFromString('<p class="a">x</p>', 'text/html').querySelector('p');
  const listKey = Object.getOwnPropertySymbols(probe ?? {}).find(
    (symbol) => symbol.description === 'classList',
  );
  const prototype = LinkedomElement.prototype as object;
  const original = Object.getOwnPropertyDescriptor(prototype, 'className');
  const listValue = original?.get;
  const setThroughList = original?.set;
  installed = listKey !== undefined && listValue !== undefined && setThroughList !== undefined;
  if (listKey === undefined || listValue === undefined || setThroughList === undefined) return false;
  Object.defineProperty(prototype, 'className', {
    configurable: true,
    get(this: ClassedElement): string {
      // A list once built is kept in step by linkedom (add, remove, toggle): it is the value.
      if (this[listKey]) return String(listValue.call(this));
      return classTokens(this.getAttributeNode('class')?.value ?? '');
    },
    set(this: ClassedElement, value: unknown) {
      const attribute = this.getAttributeNode('class');
      // The parser adds the attribute and then sets the class through here: that case is made lazy.
      if (this[listKey] || attribute === null) {
        setThroughList.call(this, value);
        return;
      }
      this[listKey] = null;
      // Most classes are written in that form already: then the attribute is left as it is (linkedom
      // wrote it again, which only mutation observers could tell, and a converter's page has none).
      const tokens = classTokens(String(value));
      if (attribute.value !== tokens) attribute.value = tokens;
    },
  });
  return installed;
}
