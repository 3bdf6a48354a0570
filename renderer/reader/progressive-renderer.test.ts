import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ParseClient } from './parse-client';
import { ProgressiveRenderer } from './progressive-renderer';
import type { Section } from './sections';

const { document } = parseHTML('<!doctype html><html><body></body></html>');
const TYPOGRAPHY = { fontSize: 18, lineWidth: 66, lineHeight: 1.6 };

/** A long book's outline before its text has come: chapter i pending, `3000 + (i % 11) * 400` characters. */
function pendingBook(count: number): Section[] {
  let start = 0;
  return Array.from({ length: count }, (_, index) => {
    const pendingLength = 3000 + (index % 11) * 400;
    const section: Section = {
      index,
      heading: { level: 2, text: `Copy 1, chapter ${index} (CHAPTER ${index})` },
      start,
      markdown: '',
      pendingLength,
    };
    start += pendingLength;
    return section;
  });
}

/** A parser that answers nothing: these tests look at placeholders only. */
const silentParser = {
  parse: () => ({ promote() {}, cancel() {} }),
} as unknown as ParseClient;

const pixels = (element: { style: { height: string } }): number => Number.parseFloat(element.style.height);

describe('mounting a long book', () => {
  beforeAll(() => vi.stubGlobal('document', document));
  afterAll(() => vi.unstubAllGlobals());

  it('makes elements only around the reading place before the first paint, the rest when attached', () => {
    const sections = pendingBook(3600);
    const renderer = new ProgressiveRenderer(sections, TYPOGRAPHY, () => undefined, silentParser);
    const container = document.createElement('div') as unknown as HTMLElement;
    renderer.mount(container, 2000);
    const made = () => renderer.sectionElements.filter(Boolean);
    expect(made()).toHaveLength(220);
    expect(renderer.sectionElements).toHaveLength(3600);
    expect(renderer.sectionElements[2000]?.dataset.section).toBe('2000');
    expect(renderer.sectionElements[100]).toBeUndefined();
    expect(renderer.partlyMounted).toBe(true);
    const [before] = [...container.children] as unknown as HTMLElement[];
    renderer.attachAll();
    expect(renderer.partlyMounted).toBe(false);
    expect(made()).toHaveLength(3600);
    expect([...container.children].map((child) => (child as HTMLElement).dataset.section)).toEqual(
      sections.map((s) => String(s.index)),
    );
    // The spacer stood for exactly the placeholders that replaced it.
    const replaced = renderer.sectionElements
      .slice(0, 1980)
      .reduce((sum, element) => sum + pixels(element), 0);
    expect(pixels(before as HTMLElement)).toBe(replaced);
  });

  it('makes a far section’s element when it is asked for before the rest is attached', () => {
    const sections = pendingBook(1000);
    const markdown = '## CHAPTER XX\n\nPrince Andrew looked at the sky.\n\nIt was lofty.\n';
    sections[900] = { index: 900, heading: { level: 2, text: 'CHAPTER XX' }, start: 0, markdown };
    const renderer = new ProgressiveRenderer(sections, TYPOGRAPHY, () => undefined, silentParser);
    renderer.mount(document.createElement('div') as unknown as HTMLElement, 0);
    expect(renderer.sectionElements[900]).toBeUndefined();
    renderer.renderSectionNow(900);
    expect(renderer.sectionElements[900]?.dataset.section).toBe('900');
    expect(renderer.sectionElements[900]?.querySelectorAll('.chunk').length).toBeGreaterThan(0);
  });
});
