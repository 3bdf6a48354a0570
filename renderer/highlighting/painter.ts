/**
 * Paints highlights with the CSS Custom Highlight API: one registered `Highlight` per colour
 * (`lectern-yellow`, ...) and per colour for highlights to check (`lectern-check-yellow`, dashed),
 * plus `lectern-selected` and `lectern-flash`. The DOM is never touched, so overlapping
 * highlights keep their own ranges and identity.
 */
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../preload/api';

/** The name a colour is registered under in CSS.highlights (and styled with ::highlight()). */
export const highlightName = (color: HighlightColor): string => `lectern-${color}`;
/** The name a colour's highlights to check ("check this", not certain) are registered under. */
export const checkHighlightName = (color: HighlightColor): string => `lectern-check-${color}`;
export const SELECTED_NAME = 'lectern-selected';
export const FLASH_NAME = 'lectern-flash';

/** How long a passage stays flashed after a jump to it. */
const FLASH_MS = 1000;

export interface PaintedHighlight {
  id: string;
  color: HighlightColor;
  range: Range;
  /** Placed but not certain: painted dashed until the reader confirms it. */
  check?: boolean;
}

export class HighlightPainter {
  private readonly byColor = new Map<HighlightColor, Highlight>();
  private readonly toCheckByColor = new Map<HighlightColor, Highlight>();
  private readonly selected = new Highlight();
  private readonly flash = new Highlight();
  private readonly painted = new Map<string, PaintedHighlight>();
  private flashTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    for (const color of HIGHLIGHT_COLORS) {
      // Later colours paint over earlier ones where passages overlap.
      const priority = HIGHLIGHT_COLORS.indexOf(color);
      this.byColor.set(color, registered(highlightName(color), priority));
      this.toCheckByColor.set(color, registered(checkHighlightName(color), priority));
    }
    this.selected.priority = 10;
    this.flash.priority = 20;
    CSS.highlights.set(SELECTED_NAME, this.selected);
    CSS.highlights.set(FLASH_NAME, this.flash);
  }

  /** Replaces everything painted with `items`. */
  paintAll(items: Iterable<PaintedHighlight>): void {
    for (const highlight of [...this.byColor.values(), ...this.toCheckByColor.values()]) highlight.clear();
    this.painted.clear();
    for (const item of items) this.add(item);
  }

  add(item: PaintedHighlight): void {
    this.remove(item.id);
    this.painted.set(item.id, item);
    this.layerOf(item).get(item.color)?.add(item.range);
  }

  private layerOf(item: PaintedHighlight): Map<HighlightColor, Highlight> {
    return item.check ? this.toCheckByColor : this.byColor;
  }

  /**
   * Keeps `id`'s painted range under `highlight`'s id (a provisional highlight stored), painting
   * nothing again; false when it is not painted or would look different (then paint it anew).
   */
  rename(id: string, highlight: { id: string; color: HighlightColor; needsCheck: boolean }): boolean {
    const item = this.painted.get(id);
    if (!item || item.color !== highlight.color || (item.check ?? false) !== highlight.needsCheck)
      return false;
    this.painted.delete(id);
    this.painted.set(highlight.id, { ...item, id: highlight.id });
    return true;
  }

  remove(id: string): void {
    const item = this.painted.get(id);
    if (!item) return;
    this.layerOf(item).get(item.color)?.delete(item.range);
    this.selected.delete(item.range);
    this.painted.delete(id);
  }

  rangeOf(id: string): Range | null {
    return this.painted.get(id)?.range ?? null;
  }

  /** Marks one highlight as selected (or none). */
  select(id: string | null): void {
    this.selected.clear();
    const range = id === null ? null : this.rangeOf(id);
    if (range) this.selected.add(range);
  }

  /** Flashes a passage for about a second. */
  flashRange(range: Range): void {
    clearTimeout(this.flashTimer);
    this.flash.clear();
    this.flash.add(range);
    this.flashTimer = setTimeout(() => this.flash.clear(), FLASH_MS);
  }

  /** Unregisters everything (the reader closed). */
  dispose(): void {
    clearTimeout(this.flashTimer);
    for (const color of HIGHLIGHT_COLORS) {
      unregister(highlightName(color), this.byColor.get(color));
      unregister(checkHighlightName(color), this.toCheckByColor.get(color));
    }
    if (CSS.highlights.get(SELECTED_NAME) === this.selected) CSS.highlights.delete(SELECTED_NAME);
    if (CSS.highlights.get(FLASH_NAME) === this.flash) CSS.highlights.delete(FLASH_NAME);
    this.painted.clear();
  }
}

function registered(name: string, priority: number): Highlight {
  const highlight = new Highlight();
  highlight.priority = priority;
  CSS.highlights.set(name, highlight);
  return highlight;
}

/** Unregisters `name` if it is still ours (a newer reader may have registered its own). */
function unregister(name: string, highlight: Highlight | undefined): void {
  if (highlight && CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
}
