/**
 * Shows find matches on the page: marks those around the reading place (and again as the reader
 * scrolls, so 30,000 matches never mean 30,000 ranges at once), and brings the current one to
 * the middle of the reading area. Holds only what it has shown; the controller decides what.
 */
import type { TextMap } from '../highlighting/text-map';
import type { MatchList } from './find-matches';
import { FindMarks } from './find-marks';
import { centre, firstMatchBelow, isInView } from './find-place';

/** Matches marked beyond those on screen, either way. */
const MARGIN = 60;

export interface MatchViewParts {
  textMap(): TextMap | null;
  scroller(): HTMLElement | null;
}

export class MatchView {
  private marks: FindMarks | null = null;
  private shown: { matches: MatchList; current: number } | null = null;
  private marked: [number, number] = [0, 0];
  private scrollFrame = 0;
  private scroller: HTMLElement | null = null;

  constructor(private readonly parts: MatchViewParts) {}

  /**
   * Shows `matches` with `current` as the current one, scrolled to the middle when it is off
   * screen (or always, when stepping); `done` runs once the marks are made.
   */
  show(matches: MatchList, current: number, always: boolean, done?: () => void): void {
    this.marks ??= new FindMarks();
    this.listen();
    this.shown = { matches, current };
    const range = this.rangeAt(current);
    if (range) openDetailsAround(range.startContainer);
    const scroller = this.parts.scroller();
    const marked = (): void => {
      this.markAroundView();
      done?.();
    };
    if (range && scroller && (always || !isInView(scroller, range))) centre(scroller, range, marked);
    else marked();
  }

  /** The first match from the top of the reading area on (wrapping to the first), or -1 with none. */
  firstOnScreen(matches: MatchList): number {
    const map = this.parts.textMap();
    if (!map || matches.starts.length === 0) return -1;
    const top = this.parts.scroller()?.getBoundingClientRect().top ?? 0;
    const below = firstMatchBelow(map, matches, top);
    return below < matches.starts.length ? below : 0;
  }

  /** A live Range over a match (it follows the text when chunks render around it). */
  rangeOf(matches: MatchList, index: number): Range | null {
    const start = matches.starts[index];
    const end = matches.ends[index];
    if (start === undefined || end === undefined) return null;
    return this.parts.textMap()?.rangeOf({ start, end }) ?? null;
  }

  /** Unmarks everything and stops following the scroll. */
  dispose(): void {
    this.marks?.dispose();
    this.marks = null;
    this.shown = null;
    cancelAnimationFrame(this.scrollFrame);
    this.scrollFrame = 0;
    this.scroller?.removeEventListener('scroll', this.onScroll);
    this.scroller = null;
  }

  private rangeAt(index: number): Range | null {
    return this.shown && index >= 0 ? this.rangeOf(this.shown.matches, index) : null;
  }

  private listen(): void {
    const scroller = this.parts.scroller();
    if (scroller === this.scroller) return;
    this.scroller?.removeEventListener('scroll', this.onScroll);
    scroller?.addEventListener('scroll', this.onScroll, { passive: true });
    this.scroller = scroller;
  }

  /** Marks the matches on screen and a margin of them either side (and the current one). */
  private markAroundView(): void {
    const map = this.parts.textMap();
    const scroller = this.parts.scroller();
    if (!map || !scroller || !this.shown || !this.marks) return;
    const { matches, current } = this.shown;
    const area = scroller.getBoundingClientRect();
    const from = Math.max(0, firstMatchBelow(map, matches, area.top) - MARGIN);
    const to = Math.min(matches.starts.length, firstMatchBelow(map, matches, area.bottom) + MARGIN);
    this.marked = [from, to];
    this.marks.show(map, matches, from, to, current);
  }

  private readonly onScroll = (): void => {
    if (this.scrollFrame || !this.shown) return;
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = 0;
      const map = this.parts.textMap();
      const top = this.scroller?.getBoundingClientRect().top;
      if (!map || top === undefined || !this.shown) return;
      const first = firstMatchBelow(map, this.shown.matches, top);
      const [from, to] = this.marked;
      const total = this.shown.matches.starts.length;
      // Marked well past what is on screen: nothing to do yet.
      if ((from > 0 && first - from < MARGIN / 2) || (to < total && to - first < MARGIN))
        this.markAroundView();
    });
  };
}

/** Opens the closed <details> around a match (a Project Gutenberg header, a footnote), as browsers' find does. */
function openDetailsAround(node: Node): void {
  for (let element = node.parentElement; element; element = element.parentElement) {
    if (element instanceof HTMLDetailsElement && !element.open) element.open = true;
  }
}
