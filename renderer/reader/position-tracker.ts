/**
 * Follows the reader's place in an open document: captures the text position at the top of
 * the viewport, restores one, and saves it (throttled, and at once when the reader leaves).
 */
import type { ReadingPosition } from '../../preload/api';
import { QUOTE_LENGTH, quoteAt, resolveOffset, textProgress } from './position';
import { firstVisibleOffset, scrollOffsetToTop } from './position-dom';
import { sectionLength, type Section } from './sections';

/**
 * Restored and jumped-to text is placed this far below the top edge of the scroller: at the
 * edge, so the text at the top is the text the reader saw there (an inset would show the end
 * of the previous paragraph above it, and that would then be "the top").
 */
export const TOP_INSET = 0;
/**
 * The reading line sits just below where text is placed, so the line put there is the line
 * read back (capture and restore round-trip) while the line above it, ending at the edge, is not.
 */
const READING_LINE_SLOP = 1.5;
const SAVE_INTERVAL_MS = 500;

export interface TrackedDocument {
  scroller: HTMLElement;
  /**
   * The section at `y` and where a section is (viewport coordinates), whether its element is on
   * the page yet or not: a long book's sections are attached a part at a time after the first paint.
   */
  sectionAt(y: number): number;
  spanOf(index: number): { top: number; bottom: number };
  /** Section `index`'s element, attached now if it was not yet (null: no such section). */
  sectionElement(index: number): HTMLElement | null;
  sections: readonly Section[];
  /** Renders a section completely (offsets count its whole text). */
  ensureRendered: (index: number) => void;
  /** Called with a position that differs from the last one saved; settles when it is stored. */
  save: (position: ReadingPosition) => Promise<unknown>;
}

export class PositionTracker {
  private lastSaved = '';
  /** The last position captured or restored: what to put back after a resize. */
  last: ReadingPosition | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastSaveAt = 0;
  private readonly totalLength: number;

  constructor(private readonly doc: TrackedDocument) {
    this.totalLength = doc.sections.reduce((sum, section) => sum + sectionLength(section), 0);
  }

  /** The y (viewport coordinates) of the reading line. */
  private readingLine(): number {
    return this.doc.scroller.getBoundingClientRect().top + TOP_INSET + READING_LINE_SLOP;
  }

  /**
   * The section the reader is in: the one containing the reading line, except that a section
   * holding only its heading (BOOK TWO before its CHAPTER I) counts as read once it is mostly
   * above the line, so the chapter right below it is current.
   */
  currentSection(): number {
    const line = this.readingLine();
    const index = this.doc.sectionAt(line);
    const section = this.doc.sections[index];
    if (!section || index + 1 >= this.doc.sections.length || !isHeadingOnly(section)) return index;
    const box = this.doc.spanOf(index);
    return line - box.top > box.bottom - line ? index + 1 : index;
  }

  /** False while the scroller is detached or hidden: its geometry would read as "the end". */
  private canMeasure(): boolean {
    const { scroller } = this.doc;
    return scroller.isConnected && scroller.clientHeight > 0;
  }

  /** Cheap progress (no text search), for the progress bar while scrolling. */
  progress(): number {
    const { scroller } = this.doc;
    if (!this.canMeasure()) return 0;
    if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2) return 1;
    const index = this.currentSection();
    const section = this.doc.sections[index];
    if (!section) return 0;
    const box = this.doc.spanOf(index);
    const height = box.bottom - box.top;
    const fraction = height > 0 ? (this.readingLine() - box.top) / height : 0;
    return textProgress({ start: section.start, length: sectionLength(section) }, fraction, this.totalLength);
  }

  /** The position of the first line the reader can see; null when it cannot be measured. */
  capture(): ReadingPosition | null {
    if (!this.canMeasure()) return null;
    let index = this.doc.sectionAt(this.readingLine());
    let element = this.doc.sectionElement(index);
    if (!element) return null;
    this.doc.ensureRendered(index);
    let text = element.textContent ?? '';
    let offset = Math.min(firstVisibleOffset(element, this.readingLine()), text.length);
    const next = offset >= text.length ? this.doc.sectionElement(index + 1) : null;
    if (next) {
      // The line is in the gap after the section's last line: the reader is at the next one.
      index += 1;
      element = next;
      this.doc.ensureRendered(index);
      text = element.textContent ?? '';
      offset = 0;
    }
    // The very end of the document: keep a quote to find it by.
    if (offset >= text.length) offset = Math.max(0, text.length - QUOTE_LENGTH);
    const section = this.doc.sections[index];
    if (!section) return null;
    const atEnd = this.progress() === 1;
    const fraction = text.length > 0 ? offset / text.length : 0;
    const progress = atEnd
      ? 1
      : textProgress({ start: section.start, length: sectionLength(section) }, fraction, this.totalLength);
    this.last = { section: index, offset, quote: quoteAt(text, offset, QUOTE_LENGTH), progress };
    return this.last;
  }

  /** Scrolls so the saved text is at the reading line. The section must be rendered. */
  restore(position: ReadingPosition): void {
    const index = Math.max(0, Math.min(position.section, this.doc.sections.length - 1));
    const element = this.doc.sectionElement(index);
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
    this.timer = setTimeout(() => void this.flush(), wait);
  }

  /** Saves the current position now if it changed (leaving, hiding, closing); settles when stored. */
  async flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const position = this.capture();
    if (!position) return;
    const key = JSON.stringify(position);
    if (key === this.lastSaved) return;
    this.lastSaved = key;
    this.lastSaveAt = performance.now();
    await this.doc.save(position);
  }

  /** Stops saving: a disposed tracker's document is going away. */
  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

/** True when a section's markdown is its heading line and nothing else. */
function isHeadingOnly(section: Section): boolean {
  if (!section.heading) return false;
  if (section.pendingLength !== undefined) return false;
  const newline = section.markdown.indexOf('\n');
  return newline === -1 || section.markdown.slice(newline + 1).trim() === '';
}
