/**
 * The popover of the selected highlight (or of several to choose from, or its tag input): which
 * it is, where it sits, and the painted selection that goes with it. The controller holds one.
 */
import type { FloatingAnchor } from './floating-place';
import type { HighlightPainter } from './painter';
import { anchorIn } from './selection-follower';

/** `tagging`: the tag input is open (T). */
export type Popover = {
  selectedId: string | null;
  choices: string[];
  anchor: FloatingAnchor;
  tagging?: boolean;
};

export interface PopoverParts {
  /** The open document's painter (null while none is open). */
  painter(): HighlightPainter | null;
  readingArea(): HTMLElement | null;
  /** The popover changed: the reader renders again. */
  changed(): void;
  /** Moves keyboard focus into the popover once it is rendered. */
  focusPopover(): void;
}

export class PopoverState {
  private popover: Popover | null = null;

  constructor(private readonly parts: PopoverParts) {}

  get shown(): Popover | null {
    return this.popover;
  }

  /** Selects a highlight and opens its popover; `focus` moves keyboard focus into it. */
  openOn(id: string, focus: boolean): void {
    const painter = this.parts.painter();
    const range = painter?.rangeOf(id);
    if (!painter || !range) return;
    painter.select(id);
    this.popover = {
      selectedId: id,
      choices: [],
      anchor: anchorIn(this.parts.readingArea(), range.getClientRects()),
    };
    this.parts.changed();
    if (focus) this.parts.focusPopover();
  }

  /** Several highlights under a click: the popover offers them, by the clicked line. */
  choose(ids: string[], line: DOMRect): void {
    this.popover = { selectedId: null, choices: ids, anchor: anchorIn(this.parts.readingArea(), [line]) };
    this.parts.changed();
    this.parts.focusPopover();
  }

  /** Opens the selected highlight's tag input (T); false when no highlight is selected. */
  startTagging(): boolean {
    if (!this.popover?.selectedId) return false;
    this.popover = { ...this.popover, tagging: true };
    this.parts.changed();
    this.parts.focusPopover();
    return true;
  }

  /** Closes the popover and unmarks the selected highlight. */
  close(): void {
    this.popover = null;
    this.parts.painter()?.select(null);
    this.parts.changed();
  }

  /** Forgets the popover without painting (its document's set closed, or a text selection began). */
  forget(): void {
    this.popover = null;
  }

  /** A pointer went down: outside the popover, it closes. */
  pointerDown(event: PointerEvent): void {
    if (!this.popover) return;
    const path = event.composedPath();
    if (path.some((node) => node instanceof HTMLElement && node.localName === 'highlight-popover')) return;
    this.close();
  }

  /** The text scrolled: the popover follows its highlight. */
  scrolled(): void {
    const id = this.popover?.selectedId;
    const range = id ? this.parts.painter()?.rangeOf(id) : null;
    if (this.popover && range)
      this.popover.anchor = anchorIn(this.parts.readingArea(), range.getClientRects());
  }

  /** A highlight was stored again (recoloured, retagged): keep it marked when it is the selected one. */
  stored(id: string): void {
    if (this.popover?.selectedId === id) this.parts.painter()?.select(id);
  }
}
