/** A block layout for the reader's unit tests, over linkedom (which has none). */
import { parseHTML } from 'linkedom';

const parsed = parseHTML('<!doctype html><html><body></body></html>');

/** The linkedom document the tests build sections in. */
export const testDocument = parsed.document;

/**
 * Gives linkedom's elements a box: a child's starts where its previous siblings' heights
 * (style.height, px) end, from y = 0 at the container's top.
 */
export function layOutByHeights(): void {
  Object.defineProperty(parsed.HTMLElement.prototype, 'getBoundingClientRect', {
    configurable: true,
    value(this: HTMLElement) {
      let top = 0;
      for (let node = this.previousElementSibling; node; node = node.previousElementSibling)
        top += Number.parseFloat((node as HTMLElement).style.height) || 0;
      const height = Number.parseFloat(this.style.height) || 0;
      return { top, bottom: top + height, height };
    },
  });
}
