import { describe, expect, it } from 'vitest';
import { type DomElement, parseHtml } from './dom';
import { classTokens, installAttributeClassNames } from './linkedom-classes';

type Classed = DomElement & {
  className: string;
  classList: {
    add(...tokens: string[]): void;
    remove(...tokens: string[]): void;
    contains(token: string): boolean;
  };
};

const first = (html: string, selector = 'p') => parseHtml(html).querySelector(selector) as Classed;

describe('class names read from the attribute', () => {
  it('are in place (a linkedom built otherwise fails here)', () => {
    parseHtml('<p>x</p>');
    expect(installAttributeClassNames()).toBe(true);
  });

  it('give a class as linkedom’s token list does: each token once, one space between', () => {
    expect(classTokens('')).toBe('');
    expect(classTokens('one')).toBe('one');
    expect(classTokens(' a\tb\n a  c\u00a0d ')).toBe('a b c d');
    const p = first('<p class=" lead  lead\tnote ">x</p>');
    expect(p.className).toBe('lead note');
    expect(p.getAttribute('class')).toBe('lead note');
    expect(first('<p>x</p>').className).toBe('');
    expect(first('<p>x</p>').hasAttribute('class')).toBe(false);
  });

  it('follow every change: className, setAttribute, classList and removeAttribute', () => {
    const p = first('<p class="a b">x</p>');
    p.className = 'c  c d';
    expect([p.className, p.getAttribute('class')]).toEqual(['c d', 'c d']);
    p.setAttribute('class', 'e');
    expect(p.className).toBe('e');
    expect(p.classList.contains('e')).toBe(true);
    p.classList.add('f');
    expect([p.className, p.getAttribute('class')]).toEqual(['e f', 'e f']);
    p.className = 'g';
    expect([p.className, p.classList.contains('e'), p.classList.contains('g')]).toEqual(['g', false, true]);
    p.removeAttribute('class');
    expect([p.className, p.hasAttribute('class')]).toEqual(['', false]);
    const plain = first('<p>x</p>');
    plain.className = 'new  one';
    expect([plain.className, plain.getAttribute('class')]).toEqual(['new one', 'new one']);
  });

  it('build no token list while a page is parsed or its classes read', () => {
    const p = first('<p class="a b">x</p>');
    const list = () => {
      const key = Object.getOwnPropertySymbols(p).find((symbol) => symbol.description === 'classList');
      return key === undefined ? undefined : (p as unknown as Record<symbol, unknown>)[key];
    };
    expect(p.className).toBe('a b');
    expect(list()).toBeNull();
    expect(p.classList.contains('b')).toBe(true);
    expect(list()).not.toBeNull();
  });

  it('serialise as before', () => {
    const p = first('<div><p class="a  a b">x</p></div>', 'div');
    expect((p as unknown as { innerHTML: string }).innerHTML).toBe('<p class="a b">x</p>');
  });
});
