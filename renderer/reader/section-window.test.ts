import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mountAround } from './section-window';

const { document } = parseHTML('<!doctype html><html><body></body></html>');

/** `count` section elements, section i `10 + (i % 7)` px tall. */
function sections(count: number) {
  const elements = Array.from({ length: count }, (_, i) => {
    const element = document.createElement('section');
    element.dataset.section = String(i);
    return element as unknown as HTMLElement;
  });
  return { elements, heights: elements.map((_, i) => 10 + (i % 7)) };
}

const shown = (container: HTMLElement): string[] =>
  [...container.children].map((child) =>
    child.className === 'sections-spacer'
      ? `spacer ${(child as HTMLElement).style.height}`
      : ((child as HTMLElement).dataset.section ?? '?'),
  );

const heightOf = (heights: number[], from: number, to: number): string =>
  `${heights.slice(from, to).reduce((a, b) => a + b, 0)}px`;

describe('mounting sections around the reading place', () => {
  beforeAll(() => vi.stubGlobal('document', document));
  afterAll(() => vi.unstubAllGlobals());

  it('attaches the sections around the place between spacers as tall as the rest, then all of them', () => {
    const { elements, heights } = sections(3650);
    const container = document.createElement('div') as unknown as HTMLElement;
    const attachRest = mountAround(container, elements, heights, 1800);
    const first = shown(container);
    expect(first).toHaveLength(222);
    expect(first[0]).toBe(`spacer ${heightOf(heights, 0, 1780)}`);
    expect(first[1]).toBe('1780');
    expect(first.at(-2)).toBe('1999');
    expect(first.at(-1)).toBe(`spacer ${heightOf(heights, 2000, 3650)}`);
    attachRest();
    expect(shown(container)).toEqual(elements.map((_, i) => String(i)));
    attachRest(); // A second time changes nothing.
    expect(container.children).toHaveLength(3650);
  });

  it('needs no spacer at either end of a short document, and clamps a place past the end', () => {
    const { elements, heights } = sections(30);
    const container = document.createElement('div') as unknown as HTMLElement;
    mountAround(container, elements, heights, 3);
    expect(shown(container)).toEqual(elements.map((_, i) => String(i)));
    const late = sections(500);
    mountAround(container, late.elements, late.heights, 9999);
    expect(shown(container)).toEqual([
      `spacer ${heightOf(late.heights, 0, 479)}`,
      ...late.elements.slice(479).map((_, i) => String(479 + i)),
    ]);
  });

  it('leaves a container refilled meanwhile (another document opened) alone', () => {
    const { elements, heights } = sections(1000);
    const container = document.createElement('div') as unknown as HTMLElement;
    const attachRest = mountAround(container, elements, heights, 500);
    container.replaceChildren(document.createElement('p') as unknown as HTMLElement);
    attachRest();
    expect(container.children).toHaveLength(1);
  });
});
