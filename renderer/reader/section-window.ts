/**
 * Puts a long document's section placeholders on the page a part at a time: the sections around the
 * reading place at once, with spacers standing for the runs of sections not on the page yet (so the
 * first frame creates, styles and lays out a few hundred elements, not one for every chapter of a
 * 30 MB book), the rest in idle slices after the first paint, nearest first, and any section the
 * moment something needs it. Where a section lies is known whether it is on the page or not.
 */
import { countBlocks } from './chunks';
import { IdleQueue } from './idle-queue';
import type { Section } from './sections';

/** Sections attached before the first paint, before and from the reading place. */
const BEFORE = 20;
const FROM = 200;
/** Sections attached per idle slice: the next frame lays out no more new elements than this. */
const PER_SLICE = 150;

/** Sections [from, to), not on the page yet: one spacer as tall as they are stands for them. */
interface Gap {
  from: number;
  to: number;
  spacer: HTMLElement;
}

/** A box's top and bottom, in viewport coordinates. */
export interface Span {
  top: number;
  bottom: number;
}

export class SectionWindow {
  /** Each section's element once attached (holes before). */
  readonly elements: HTMLElement[] = [];
  /** Runs of sections not attached yet, in document order. */
  private gaps: Gap[] = [];
  /** prefix[i]: the heights of sections [0, i) summed (whole px, so sums match spacers to the pixel). */
  private prefix: number[] = [0];
  private readonly idle = new IdleQueue<number>((index) => this.attach(index), PER_SLICE);

  /**
   * `heights`: each section's placeholder height (whole px); `make` makes section i's placeholder
   * (asked once), which the window sizes.
   */
  constructor(
    private readonly container: HTMLElement,
    heights: readonly number[],
    private readonly make: (index: number) => HTMLElement,
  ) {
    this.elements.length = heights.length;
    this.setHeights(heights);
  }

  get count(): number {
    return this.elements.length;
  }

  /** Some sections are not on the page yet. */
  get partial(): boolean {
    return this.gaps.length > 0;
  }

  /** Attaches sections [place - BEFORE, place + FROM) between spacers standing for the others. */
  mountAround(place: number): void {
    const around = Math.max(0, Math.min(place, this.count - 1));
    const from = Math.max(0, around - BEFORE);
    const to = Math.min(this.count, around + FROM);
    const fragment = document.createDocumentFragment();
    for (let index = from; index < to; index++) fragment.append(this.made(index));
    this.gaps = [];
    if (from > 0) this.gaps.push(this.gapOver(0, from));
    if (to < this.count) this.gaps.push(this.gapOver(to, this.count));
    fragment.prepend(...(from > 0 ? [this.gaps[0]?.spacer as HTMLElement] : []));
    if (to < this.count) fragment.append((this.gaps.at(-1) as Gap).spacer);
    this.container.replaceChildren(fragment);
  }

  /** Attaches the rest in idle slices: the sections after `place` first (reading goes forward). */
  attachWhenIdle(place: number): void {
    const after = this.gaps.filter((gap) => gap.from > place).flatMap((gap) => range(gap.from, gap.to));
    const before = this.gaps.filter((gap) => gap.to <= place).flatMap((gap) => range(gap.from, gap.to));
    for (const index of [...after, ...before.toReversed()]) this.idle.push(index);
  }

  /** Section `index`'s element, attached now if it was not (the spacer around it split in two). */
  attach(index: number): HTMLElement {
    const known = this.elements[index];
    if (known) return known;
    const at = this.gapIndexOf(index);
    const gap = this.gaps[at];
    if (!gap) throw new RangeError(`No section ${index}`);
    const element = this.made(index);
    if (index === gap.from) gap.spacer.before(element);
    else if (index === gap.to - 1) gap.spacer.after(element);
    else {
      const rest = this.gapOver(index + 1, gap.to);
      gap.spacer.after(element, rest.spacer);
      this.gaps.splice(at + 1, 0, rest);
    }
    if (index === gap.from) gap.from += 1;
    else gap.to = index;
    if (gap.from === gap.to) {
      gap.spacer.remove();
      this.gaps.splice(at, 1);
    } else gap.spacer.style.height = `${this.heightOf(gap.from, gap.to)}px`;
    return element;
  }

  /** Where section `index` is, on the page or not. */
  spanOf(index: number): Span {
    const element = this.elements[index];
    if (element) return element.getBoundingClientRect();
    const gap = this.gaps[this.gapIndexOf(index)];
    if (!gap) return { top: 0, bottom: 0 };
    const top = gap.spacer.getBoundingClientRect().top + this.heightOf(gap.from, index);
    return { top, bottom: top + this.heightOf(index, index + 1) };
  }

  /** The section whose box holds `y` (viewport coordinates): the first whose bottom is below it. */
  indexAt(y: number): number {
    let [lo, hi] = [0, this.count];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spanOf(mid).bottom > y) hi = mid;
      else lo = mid + 1;
    }
    return Math.min(lo, this.count - 1);
  }

  /** New placeholder heights (typography changed): the spacers follow. */
  setHeights(heights: readonly number[]): void {
    this.prefix = [0];
    for (const height of heights) this.prefix.push((this.prefix.at(-1) ?? 0) + height);
    for (const gap of this.gaps) gap.spacer.style.height = `${this.heightOf(gap.from, gap.to)}px`;
  }

  /** Stops attaching in idle time (the document is going away). */
  dispose(): void {
    this.idle.stop();
  }

  /** Made, and as tall as its spacer said (its estimate may have changed since: its text arrived). */
  private made(index: number): HTMLElement {
    const element = this.make(index);
    element.style.height = `${this.heightOf(index, index + 1)}px`;
    this.elements[index] = element;
    return element;
  }

  private heightOf(from: number, to: number): number {
    return (this.prefix[to] ?? 0) - (this.prefix[from] ?? 0);
  }

  private gapOver(from: number, to: number): Gap {
    const spacer = document.createElement('div');
    spacer.className = 'sections-spacer';
    spacer.setAttribute('aria-hidden', 'true');
    spacer.style.height = `${this.heightOf(from, to)}px`;
    return { from, to, spacer };
  }

  /** The index in `gaps` of the gap holding section `index` (binary search), or -1. */
  private gapIndexOf(index: number): number {
    let [lo, hi] = [0, this.gaps.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.gaps[mid]?.to ?? 0) > index) hi = mid;
      else lo = mid + 1;
    }
    const gap = this.gaps[lo];
    return gap && gap.from <= index ? lo : -1;
  }
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);

/** A section's placeholder element (pending: sized by its estimated height until rendered). */
export function placeholderOf(section: Section): HTMLElement {
  const element = document.createElement('section');
  element.className = 'sec pending';
  element.dataset.section = String(section.index);
  element.tabIndex = -1;
  return element;
}

/** A pending section's blocks are guessed from its length (a paragraph of some 500 characters). */
export function blocksOf(section: Section): number {
  return section.pendingLength === undefined
    ? countBlocks(section.markdown)
    : Math.ceil(section.pendingLength / 500);
}
