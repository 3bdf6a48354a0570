import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PositionTracker } from './position-tracker';
import { SectionWindow } from './section-window';
import type { Section } from './sections';
import { layOutByHeights, testDocument as document } from './test-layout';

const COUNT = 400;
/** Chapters of War and Peace's shape: a heading-only part title every 40 sections, chapters between. */
const sections: Section[] = Array.from({ length: COUNT }, (_, index) => {
  const markdown =
    index % 40 === 1
      ? `# BOOK ${index}\n`
      : `## CHAPTER ${index}\n\n${'Prince Andrew. '.repeat(20 + (index % 13))}\n`;
  return { index, heading: index === 0 ? null : { level: 2, text: `CHAPTER ${index}` }, markdown, start: 0 };
});
sections.reduce((start, section) => ((section.start = start), start + section.markdown.length), 0);
const heights = sections.map((section) => 12 + (section.markdown.length % 50));
const total = heights.reduce((a, b) => a + b, 0);

/** A tracker over a window of the book whose reading line is at `line()` (y = 0: the book's top). */
function trackerOver(window: SectionWindow, line: () => number): PositionTracker {
  const scroller = {
    isConnected: true,
    clientHeight: 600,
    scrollTop: 0,
    scrollHeight: total * 10,
    getBoundingClientRect: () => ({ top: line() - 1.5 }),
  } as unknown as HTMLElement;
  return new PositionTracker({
    scroller,
    sections,
    sectionAt: (y) => window.indexAt(y),
    spanOf: (index) => window.spanOf(index),
    sectionElement: (index) => (index >= 0 && index < COUNT ? window.attach(index) : null),
    ensureRendered: () => undefined,
    save: async () => undefined,
  });
}

function windowOf(place: number): SectionWindow {
  const container = document.createElement('div') as unknown as HTMLElement;
  const window = new SectionWindow(
    container,
    heights,
    () => document.createElement('section') as unknown as HTMLElement,
  );
  window.mountAround(place);
  return window;
}

describe('PositionTracker on a partly attached book', () => {
  beforeAll(() => {
    vi.stubGlobal('document', document);
    layOutByHeights();
  });
  afterAll(() => vi.unstubAllGlobals());

  it('finds the current section and the progress as with every section attached', () => {
    const whole = windowOf(0);
    for (let index = 0; index < COUNT; index++) whole.attach(index);
    expect(whole.partial).toBe(false);
    fc.assert(
      fc.property(
        fc.nat({ max: COUNT - 1 }),
        fc.array(fc.nat({ max: COUNT - 1 })),
        fc.nat({ max: total - 1 }),
        (place, attach, y) => {
          const partial = windowOf(place);
          for (const index of attach) partial.attach(index);
          const [seen, truth] = [trackerOver(partial, () => y), trackerOver(whole, () => y)];
          expect(seen.currentSection()).toBe(truth.currentSection());
          expect(seen.progress()).toBeCloseTo(truth.progress(), 10);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('counts a heading-only part title as read once the line is past its middle, attached or not', () => {
    const partial = windowOf(300);
    const top = heights.slice(0, 41).reduce((a, b) => a + b, 0);
    const middle = top + (heights[41] ?? 0) / 2;
    expect(trackerOver(partial, () => middle - 1).currentSection()).toBe(41);
    expect(trackerOver(partial, () => middle + 1).currentSection()).toBe(42);
    expect(partial.spanOf(41).top).toBe(top);
  });
});
