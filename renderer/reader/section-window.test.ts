import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mountAround } from './section-window';

const { document } = parseHTML('<!doctype html><html><body></body></html>');

/** `count` sections, section i `10 + (i % 7)` px tall, whose elements are made when asked for (and counted). */
function sections(count: number) {
  const made = new Map<number, HTMLElement>();
  const elementOf = (i: number): HTMLElement => {
    const known = made.get(i);
    if (known) return known;
    const element = document.createElement('section') as unknown as HTMLElement;
    element.dataset.section = String(i);
    made.set(i, element);
    return element;
  };
  const heights = Array.from({ length: count }, (_, i) => 10 + (i % 7));
  return { elementOf, made, heights, all: heights.map((_, i) => String(i)) };
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

  it('makes and attaches only the sections around the place between spacers as tall as the rest, then all of them', () => {
    const { elementOf, made, heights, all } = sections(3650);
    const container = document.createElement('div') as unknown as HTMLElement;
    const attachRest = mountAround(container, heights, 1800, elementOf);
    expect(made.size).toBe(220);
    const first = shown(container);
    expect(first).toHaveLength(222);
    expect(first[0]).toBe(`spacer ${heightOf(heights, 0, 1780)}`);
    expect(first[1]).toBe('1780');
    expect(first.at(-2)).toBe('1999');
    expect(first.at(-1)).toBe(`spacer ${heightOf(heights, 2000, 3650)}`);
    attachRest();
    expect(shown(container)).toEqual(all);
    expect(made.size).toBe(3650);
    attachRest(); // A second time changes nothing.
    expect(container.children).toHaveLength(3650);
  });

  it('needs no spacer at either end of a short document, and clamps a place past the end', () => {
    const { elementOf, heights, all } = sections(30);
    const container = document.createElement('div') as unknown as HTMLElement;
    mountAround(container, heights, 3, elementOf);
    expect(shown(container)).toEqual(all);
    const late = sections(500);
    mountAround(container, late.heights, 9999, late.elementOf);
    expect(shown(container)).toEqual([`spacer ${heightOf(late.heights, 0, 479)}`, ...late.all.slice(479)]);
  });

  it('leaves a container refilled meanwhile (another document opened) alone', () => {
    const { elementOf, heights } = sections(1000);
    const container = document.createElement('div') as unknown as HTMLElement;
    const attachRest = mountAround(container, heights, 500, elementOf);
    container.replaceChildren(document.createElement('p') as unknown as HTMLElement);
    attachRest();
    expect(container.children).toHaveLength(1);
  });
});
