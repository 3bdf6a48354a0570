/**
 * The library's document list laid out in a window: rows of one fixed height (ROW_HEIGHT) placed by
 * arithmetic (row-window.ts) as the page scrolls, so the scrollbar maps to the rows exactly.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { ROW_HEIGHT } from './library-row';
import { type RowWindow, rowWindow } from './row-window';

/**
 * Rows rendered beyond each edge of the viewport, so a short scroll finds them there, and Tab or
 * Shift+Tab held down (a keystroke every ~30 ms, faster than a window's round trip) always has a
 * rendered row to move to: with two, a fast Shift+Tab left the list for the toolbar.
 */
const OVERSCAN = 4;

export interface RowListOptions {
  /** The list box (the element the rows are placed in), once rendered. */
  box(): HTMLElement | null;
  /** The rows [first, last] are rendered: the place to load them. */
  shown(first: number, last: number): void;
  /** Rows of another height than the library's (the highlights workspace). */
  rowHeight?: number;
}

/** Follows the page's scroll and size, and says which rows the list renders. */
export class RowListController implements ReactiveController {
  private scrollTop = 0;
  private viewportHeight = globalThis.innerHeight ?? 800;
  private frame = 0;
  /** While the rows of a jump are shown without overscan: the frames until it is added back. */
  private afterJump = 0;
  private rendered: RowWindow | null = null;
  private reported = '';
  /** The row count of the last render (null before it): a scroll can work out the new window itself. */
  private total: number | null = null;
  /**
   * Scroll events come once a frame, before its animation callbacks: measured right here, the rows
   * of a jump are asked for before the list re-renders its placeholders, not after.
   */
  private readonly onScroll = (): void => {
    if (!this.measure() || this.total === null) return;
    this.report(this.windowFor(this.total));
  };
  private readonly onResize = (): void => {
    if (this.frame === 0) this.frame = requestAnimationFrame(() => ((this.frame = 0), this.measure()));
  };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: RowListOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('scroll', this.onScroll, { passive: true });
    addEventListener('resize', this.onResize, { passive: true });
  }

  hostDisconnected(): void {
    removeEventListener('scroll', this.onScroll);
    removeEventListener('resize', this.onResize);
    cancelAnimationFrame(this.frame);
    cancelAnimationFrame(this.afterJump);
    this.frame = 0;
    this.afterJump = 0;
  }

  /** After each render: the box may have moved (a header above it), and the rows shown may be new. */
  hostUpdated(): void {
    this.measure();
    if (this.rendered) this.report(this.rendered);
  }

  /** Tells the host which rows to load, once per range. */
  private report(shown: RowWindow): void {
    if (shown.last < shown.first) return;
    const range = `${shown.first}:${shown.last}`;
    if (range === this.reported) return;
    this.reported = range;
    this.options.shown(shown.first, shown.last);
  }

  /**
   * The window for `total` rows at the scroll position last measured. After a jump (no row in
   * common with the rows rendered before) only the rows in view, for the frame after it: that
   * frame builds, styles and lays out 5 rows instead of 13; the overscan follows a frame later.
   */
  windowFor(total: number): RowWindow {
    const { scrollTop, viewportHeight } = this;
    const rowHeight = this.options.rowHeight ?? ROW_HEIGHT;
    this.total = total;
    const request = { total, rowHeight, scrollTop, viewportHeight, overscan: OVERSCAN };
    const full = rowWindow(request);
    const before = this.rendered;
    if (this.afterJump === 0 && before !== null && (full.first > before.last || full.last < before.first))
      this.widenAfterNextFrame();
    this.rendered = this.afterJump === 0 ? full : rowWindow({ ...request, overscan: 0 });
    return this.rendered;
  }

  /**
   * Renders the overscan again once the next frame has been painted: a scroll event runs before
   * its frame's animation callbacks, so the first callback is still in the jump's frame.
   */
  private widenAfterNextFrame(): void {
    this.afterJump = requestAnimationFrame(() => {
      this.afterJump = requestAnimationFrame(() => {
        this.afterJump = 0;
        this.host.requestUpdate();
      });
    });
  }

  /** The first rendered row index that `matches`, or null (rows not rendered are not looked at). */
  find(matches: (index: number) => boolean): number | null {
    const { first = 0, last = -1 } = this.rendered ?? {};
    for (let i = first; i <= last; i++) if (matches(i)) return i;
    return null;
  }

  /** Reads where the list box is; true (and a re-render asked for) when it moved or the viewport changed. */
  private measure(): boolean {
    const box = this.options.box();
    const scrollTop = box ? -box.getBoundingClientRect().top : 0;
    const viewportHeight = innerHeight;
    if (scrollTop === this.scrollTop && viewportHeight === this.viewportHeight) return false;
    this.scrollTop = scrollTop;
    this.viewportHeight = viewportHeight;
    this.host.requestUpdate();
    return true;
  }
}

/** The rows of `shown`, each in a slot placed at its row's position (keys keep focus on a row). */
export function renderRowSlots(
  shown: RowWindow,
  key: (index: number) => string,
  renderRow: (index: number) => TemplateResult,
  rowHeight = ROW_HEIGHT,
) {
  const indexes: number[] = [];
  for (let i = shown.first; i <= shown.last; i++) indexes.push(i);
  return repeat(indexes, key, (index) => {
    const place = { transform: `translateY(${shown.topOf(index)}px)`, height: `${rowHeight}px` };
    return html`<div class="slot" style=${styleMap(place)}>${renderRow(index)}</div>`;
  });
}
