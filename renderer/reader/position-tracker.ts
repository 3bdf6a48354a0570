/**
 * Follows the reader's place in an open document: captures the text position at the top of
 * the viewport, restores one, and saves it (throttled, and at once when the reader leaves).
 */
import type { ReadingPosition } from '../../preload/api';
import { QUOTE_LENGTH, quoteAt, resolveOffset, textProgress } from './position';
import { firstVisibleOffset, scrollOffsetToTop, sectionIndexAt } from './position-dom';
import type { Section } from './sections';

/** Reading text is placed this far below the top edge of the scroller. */
export const TOP_INSET = 28;
const SAVE_INTERVAL_MS = 500;

export interface TrackedDocument {
  scroller: HTMLElement;
  sectionElements: readonly HTMLElement[];
  sections: readonly Section[];
  /** Renders a section completely (offsets count its whole text). */
  ensureRendered: (index: number) => void;
  /** Called with a position that differs from the last one saved. */
  save: (position: ReadingPosition) => void;
}

export class PositionTracker {
  private lastSaved = '';
  /** The last position captured or restored: what to put back after a resize. */
  last: ReadingPosition | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastSaveAt = 0;
  private readonly totalLength: number;

  constructor(private readonly doc: TrackedDocument) {
    this.totalLength = doc.sections.reduce((sum, section) => sum + section.markdown.length, 0);
  }

  /** The y (viewport coordinates) of the reading line. */
  private readingLine(): number {
    return this.doc.scroller.getBoundingClientRect().top + TOP_INSET;
  }

  /** The section containing the reading line. */
  currentSection(): number {
    return sectionIndexAt(this.doc.sectionElements, this.readingLine());
  }

  /** Cheap progress (no text search), for the progress bar while scrolling. */
  progress(): number {
    const { scroller } = this.doc;
    if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2) return 1;
    const index = this.currentSection();
    const element = this.doc.sectionElements[index];
    const section = this.doc.sections[index];
    if (!element || !section) return 0;
    const box = element.getBoundingClientRect();
    const fraction = box.height > 0 ? (this.readingLine() - box.top) / box.height : 0;
    return textProgress({ start: section.start, length: section.markdown.length }, fraction, this.totalLength);
  }

  /** The position of the first line the reader can see. */
  capture(): ReadingPosition | null {
    const index = this.currentSection();
    const element = this.doc.sectionElements[index];
    const section = this.doc.sections[index];
    if (!element || !section) return null;
    this.doc.ensureRendered(index);
    const text = element.textContent ?? '';
    const offset = Math.min(firstVisibleOffset(element, this.readingLine()), text.length);
    const atEnd = this.progress() === 1;
    const fraction = text.length > 0 ? offset / text.length : 0;
    const progress = atEnd
      ? 1
      : textProgress({ start: section.start, length: section.markdown.length }, fraction, this.totalLength);
    this.last = { section: index, offset, quote: quoteAt(text, offset, QUOTE_LENGTH), progress };
    return this.last;
  }

  /** Scrolls so the saved text is at the reading line. The section must be rendered. */
  restore(position: ReadingPosition): void {
    const index = Math.max(0, Math.min(position.section, this.doc.sections.length - 1));
    const element = this.doc.sectionElements[index];
    if (!element) return;
    const offset = resolveOffset(element.textContent ?? '', position.offset, position.quote);
    scrollOffsetToTop(this.doc.scroller, element, offset, TOP_INSET);
    this.last = { ...position, section: index, offset };
    // What we restored counts as saved: opening a book is not moving in it.
    this.lastSaved = JSON.stringify({ ...position, offset });
  }

  /** The reader scrolled: save soon, at most every SAVE_INTERVAL_MS. */
  scrolled(): void {
    if (this.timer !== null) return;
    const wait = Math.max(0, this.lastSaveAt + SAVE_INTERVAL_MS - performance.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Saves the current position now if it changed (leaving, hiding, closing). */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const position = this.capture();
    if (!position) return;
    const key = JSON.stringify(position);
    if (key === this.lastSaved) return;
    this.lastSaved = key;
    this.lastSaveAt = performance.now();
    this.doc.save(position);
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
