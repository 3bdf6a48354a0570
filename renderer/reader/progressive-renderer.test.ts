import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { splitIntoChunks } from './chunks';
import type { ParseClient, ParseRequest } from './parse-client';
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

  it('makes elements only around the reading place before the first paint, the rest in idle slices', async () => {
    vi.useFakeTimers();
    const sections = pendingBook(3600);
    const renderer = new ProgressiveRenderer(sections, TYPOGRAPHY, () => undefined, silentParser);
    const container = document.createElement('div') as unknown as HTMLElement;
    renderer.mount(container, 2000);
    const made = () => renderer.sectionElements.filter(Boolean);
    expect(made()).toHaveLength(220);
    expect(renderer.sectionElements).toHaveLength(3600);
    expect(renderer.sectionElements[2000]?.dataset.section).toBe('2000');
    expect(renderer.sectionElements[100]).toBeUndefined();
    const [before] = [...container.children] as unknown as HTMLElement[];
    const spacerHeight = pixels(before as HTMLElement);
    renderer.attachWhenIdle(2000);
    await vi.runAllTimersAsync();
    vi.useRealTimers();
    expect(made()).toHaveLength(3600);
    expect([...container.children].map((child) => (child as HTMLElement).dataset.section)).toEqual(
      sections.map((s) => String(s.index)),
    );
    // The spacer stood for exactly the placeholders that replaced it.
    const replaced = renderer.sectionElements
      .slice(0, 1980)
      .reduce((sum, element) => sum + pixels(element), 0);
    expect(spacerHeight).toBe(replaced);
  });

  it('makes a far section’s element when it is asked for before the rest is attached', () => {
    const sections = pendingBook(1000);
    const markdown = '## CHAPTER XX\n\nPrince Andrew looked at the sky.\n\nIt was lofty.\n';
    sections[900] = { index: 900, heading: { level: 2, text: 'CHAPTER XX' }, start: 0, markdown };
    const renderer = new ProgressiveRenderer(sections, TYPOGRAPHY, () => undefined, silentParser);
    renderer.mount(document.createElement('div') as unknown as HTMLElement, 0);
    expect(renderer.sectionElements[900]).toBeUndefined();
    renderer.renderSectionNow(900);
    expect(renderer.sectionElements[900]?.parentNode).toBeTruthy();
    expect(renderer.sectionElements[900]?.dataset.section).toBe('900');
    expect(renderer.sectionElements[900]?.querySelectorAll('.chunk').length).toBeGreaterThan(0);
  });

  it('tells once that every section is rendered, whatever order they were rendered in', () => {
    const paragraph = 'Prince Andrew looked at the sky, lofty and infinite, and at the clouds. ';
    const sections: Section[] = Array.from({ length: 400 }, (_, index) => ({
      index,
      heading: index === 0 ? null : { level: 2, text: `CHAPTER ${index}` },
      start: 0,
      markdown: `## CHAPTER ${index}\n\n${paragraph.repeat(1 + (index % 40))}\n\n${paragraph}\n`,
    }));
    // Answers at once, every chunk given up on (shown as plain text: no sanitizer needed here).
    const giveUp = {
      parse: ({ markdown, from, to, onChunk }: ParseRequest) => {
        const count = Math.min(to, splitIntoChunks(markdown).length);
        for (let i = from; i < count; i++) onChunk(i, { ok: false, code: 'parse-error', message: 'no' });
        return { promote() {}, cancel() {} };
      },
    } as unknown as ParseClient;
    let told = 0;
    const renderer = new ProgressiveRenderer(sections, TYPOGRAPHY, () => (told += 1), giveUp);
    renderer.mount(document.createElement('div') as unknown as HTMLElement, 250);
    renderer.renderSectionNow(250);
    expect(told).toBe(0);
    renderer.renderRest(250); // 250 onwards first, then 249 down to 0.
    expect(told).toBe(1);
    expect(sections.every((_, index) => renderer.isSectionRendered(index))).toBe(true);
    renderer.renderSectionNow(3);
    expect(told).toBe(1);
  });
});
