/**
 * Where a document's sections are and what stands for them: each section's estimated height, its
 * element (a placeholder of that height, attached by the section window around the reading place
 * first, the rest in idle time or when needed), and its chunks once it is first needed.
 */
import { createChunk, type Chunk } from './chunk-element';
import { estimateHeight, splitIntoChunks } from './chunks';
import type { ParseHandle } from './parse-client';
import { blocksOf, placeholderOf, SectionWindow, type Span } from './section-window';
import { sectionLength, type Section } from './sections';

export interface Typography {
  fontSize: number;
  lineWidth: number;
  lineHeight: number;
}

export interface SectionState {
  /** Null until the section is first attached or needed (then a sized placeholder). */
  element: HTMLElement | null;
  blocks: number;
  /** Null until the section is first needed (then cut into chunks). */
  chunks: Chunk[] | null;
  /** Requests to the parse client for this section's chunks. */
  requests: ParseHandle[];
  /** Chunks [from, to) already asked for urgently (the first screen), or null. */
  urgentRange: [number, number] | null;
  /** Every chunk has been asked for. */
  allRequested: boolean;
}

export class SectionLayout {
  private window: SectionWindow | null = null;
  protected readonly states: SectionState[] = [];

  constructor(
    protected readonly sections: readonly Section[],
    protected typography: Typography,
  ) {}

  /** Each section's element once attached: those around the reading place at first (holes elsewhere). */
  get sectionElements(): readonly HTMLElement[] {
    return this.window?.elements ?? [];
  }

  /**
   * Sizes every section; those around section `around` get their element and go into `container`
   * now, the rest with attachWhenIdle() (after the first paint: see section-window.ts).
   */
  mount(container: HTMLElement, around = 0): void {
    for (const section of this.sections) {
      const blocks = blocksOf(section);
      this.states.push({
        element: null,
        blocks,
        chunks: null,
        requests: [],
        urgentRange: null,
        allRequested: false,
      });
    }
    this.window = new SectionWindow(container, this.placeholderHeights(), (index) => this.placeholder(index));
    this.window.mountAround(around);
  }

  /** Attaches the sections mount() left out in idle slices, those after `around` first. */
  attachWhenIdle(around: number): void {
    this.window?.attachWhenIdle(around);
  }

  /** Section `index`'s element, attached now if it was not yet (null: no such section). */
  sectionElement(index: number): HTMLElement | null {
    return index >= 0 && index < this.states.length ? this.elementOf(index) : null;
  }

  /** The section whose box holds `y` (viewport coordinates), attached or not. */
  sectionAt(y: number): number {
    return this.window?.indexAt(y) ?? 0;
  }

  /** Where section `index` is (viewport coordinates), attached or not. */
  spanOf(index: number): Span {
    return this.window?.spanOf(index) ?? { top: 0, bottom: 0 };
  }

  /** New typography: re-estimate the size of everything not yet laid out. */
  setTypography(typography: Typography): void {
    this.typography = typography;
    this.states.forEach((state, index) => {
      const section = this.sections[index];
      if (section && state.element && !state.chunks)
        state.element.style.height = `${this.placeholderHeight(state, section)}px`;
      for (const chunk of state.chunks ?? []) this.sizeChunk(chunk);
    });
    this.window?.setHeights(this.placeholderHeights());
  }

  /** Stops attaching sections in idle time. */
  protected disposeLayout(): void {
    this.window?.dispose();
  }

  protected estimate(chars: number, blocks: number): number {
    return estimateHeight(chars, blocks, this.typography);
  }

  /** Whole px: spacers standing for many placeholders then sum to exactly their height. */
  private placeholderHeight(state: SectionState, section: Section): number {
    return Math.round(this.estimate(sectionLength(section), state.blocks));
  }

  private placeholderHeights(): number[] {
    return this.states.map((state, index) => this.placeholderHeight(state, this.sections[index] as Section));
  }

  /** A section's element: its placeholder (of its estimated height), attached when first asked for. */
  private elementOf(index: number): HTMLElement {
    const state = this.states[index];
    if (!state || !this.window) throw new RangeError(`No section ${index}`);
    return state.element ?? this.window.attach(index);
  }

  /** Makes section `index`'s placeholder (the window asks once, as it attaches it). */
  private placeholder(index: number): HTMLElement {
    const [state, section] = [this.states[index] as SectionState, this.sections[index] as Section];
    const element = placeholderOf(section);
    state.element = element;
    return element;
  }

  protected sizeChunk(chunk: Chunk): void {
    const height = this.estimate(chunk.markdown.length, chunk.blocks);
    // `auto` keeps the real size once a chunk has been laid out; the number covers the rest.
    chunk.element.style.containIntrinsicSize = `auto ${height}px`;
    if (!chunk.rendered) chunk.element.style.height = `${height}px`;
  }

  /** Cuts a section into chunk elements (pending, sized) the first time it is needed. */
  protected materialize(index: number): Chunk[] {
    const state = this.states[index];
    if (!state) return [];
    if (state.chunks) return state.chunks;
    if (this.sections[index]?.pendingLength !== undefined) return [];
    const chunks = splitIntoChunks(this.sections[index]?.markdown ?? '').map((markdown) => {
      const chunk = createChunk(markdown);
      this.sizeChunk(chunk);
      return chunk;
    });
    state.chunks = chunks;
    const element = this.elementOf(index);
    element.replaceChildren(...chunks.map((chunk) => chunk.element));
    element.classList.remove('pending');
    element.style.removeProperty('height');
    return chunks;
  }
}
