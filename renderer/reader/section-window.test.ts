import * as fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SectionWindow } from './section-window';
import { layOutByHeights, testDocument as document } from './test-layout';

/** `count` sections, section i `10 + (i % 7)` px tall, whose elements are made when asked (and counted). */
function book(count: number) {
  const heights = Array.from({ length: count }, (_, i) => 10 + (i % 7));
  const made = new Map<number, HTMLElement>();
  const make = (i: number): HTMLElement => {
    if (made.has(i)) throw new Error(`section ${i} made twice`);
    const element = document.createElement('section') as unknown as HTMLElement;
    element.dataset.section = String(i);
    // Its estimate changed since mounting (its text arrived): the window sizes it as its spacer said.
    element.style.height = '999px';
    made.set(i, element);
    return element;
  };
  const container = document.createElement('div') as unknown as HTMLElement;
  return { heights, made, container, window: new SectionWindow(container, heights, make) };
}

const shown = (container: HTMLElement): string[] =>
  [...container.children].map((child) =>
    child.className === 'sections-spacer'
      ? `spacer ${(child as HTMLElement).style.height}`
      : ((child as HTMLElement).dataset.section ?? '?'),
  );

const heightOf = (heights: number[], from: number, to: number): string =>
  `${heights.slice(from, to).reduce((a, b) => a + b, 0)}px`;

/** Where every section is when all are attached: the truth a partial window must agree with. */
const tops = (heights: number[]): number[] =>
  heights.map((_, i) => heights.slice(0, i).reduce((a, b) => a + b, 0));

describe('SectionWindow', () => {
  beforeAll(() => {
    vi.stubGlobal('document', document);
    layOutByHeights();
  });
  afterAll(() => vi.unstubAllGlobals());
  afterEach(() => vi.useRealTimers());

  it('attaches only the sections around the place, between spacers as tall as the rest', () => {
    const { heights, made, container, window } = book(3650);
    window.mountAround(1800);
    expect(made.size).toBe(220);
    const first = shown(container);
    expect(first).toHaveLength(222);
    expect(first[0]).toBe(`spacer ${heightOf(heights, 0, 1780)}`);
    expect(first[1]).toBe('1780');
    expect(first.at(-2)).toBe('1999');
    expect(first.at(-1)).toBe(`spacer ${heightOf(heights, 2000, 3650)}`);
    expect(window.partial).toBe(true);
  });

  it('needs no spacer in a short document, and clamps a place past the end', () => {
    const short = book(30);
    short.window.mountAround(3);
    expect(shown(short.container)).toEqual(short.heights.map((_, i) => String(i)));
    expect(short.window.partial).toBe(false);
    const late = book(500);
    late.window.mountAround(9999);
    expect(shown(late.container)[0]).toBe(`spacer ${heightOf(late.heights, 0, 479)}`);
  });

  it('attaches a far section at once, splitting its spacer without moving anything', () => {
    const { heights, container, window } = book(1000);
    window.mountAround(0);
    const element = window.attach(600);
    expect(shown(container).slice(-3)).toEqual([
      `spacer ${heightOf(heights, 200, 600)}`,
      '600',
      `spacer ${heightOf(heights, 601, 1000)}`,
    ]);
    expect(element.getBoundingClientRect().top).toBe(tops(heights)[600]);
    expect(window.attach(600)).toBe(element);
    for (const index of [200, 599, 601, 999]) window.attach(index);
    expect(shown(container).slice(-7)).toEqual([
      '200',
      `spacer ${heightOf(heights, 201, 599)}`,
      '599',
      '600',
      '601',
      `spacer ${heightOf(heights, 602, 999)}`,
      '999',
    ]);
  });

  it('finds the section at any height, attached or not, as the whole list would', () => {
    const { heights, window } = book(700);
    const truth = tops(heights);
    const total = heights.reduce((a, b) => a + b, 0);
    window.mountAround(350);
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 699 }), { maxLength: 6 }),
        fc.nat({ max: total - 1 }),
        (attach, y) => {
          for (const index of attach) window.attach(index);
          const index = window.indexAt(y);
          expect(truth[index]).toBeLessThanOrEqual(y);
          expect((truth[index] ?? 0) + (heights[index] ?? 0)).toBeGreaterThan(y);
          expect(window.spanOf(index).top).toBe(truth[index]);
        },
      ),
    );
  });

  it('attaches the rest in idle slices, the sections after the place first, each once', async () => {
    vi.useFakeTimers();
    const { heights, made, container, window } = book(900);
    window.mountAround(100);
    const order: number[] = [];
    const make = made.set.bind(made);
    made.set = (index, element) => (order.push(index), make(index, element));
    window.attachWhenIdle(100);
    expect(made.size).toBe(220);
    await vi.advanceTimersToNextTimerAsync();
    expect(order.every((index) => index >= 300)).toBe(true);
    await vi.runAllTimersAsync();
    expect(shown(container)).toEqual(heights.map((_, i) => String(i)));
    expect(order.slice(-80)).toEqual(Array.from({ length: 80 }, (_, i) => 79 - i));
    expect(window.partial).toBe(false);
  });

  it('resizes the spacers with new heights, and stops attaching once disposed', async () => {
    vi.useFakeTimers();
    const { container, window, made } = book(1000);
    window.mountAround(500);
    window.setHeights(Array.from({ length: 1000 }, () => 20));
    expect(shown(container)[0]).toBe('spacer 9600px');
    window.attachWhenIdle(500);
    window.dispose();
    await vi.runAllTimersAsync();
    expect(made.size).toBe(220);
  });
});
