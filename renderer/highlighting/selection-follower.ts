/**
 * Keeps the floating highlight controls with their text, for HighlightController, as a
 * reactive controller: follows the selection (the toolbar shows for a selection inside the
 * document's text) and re-anchors the toolbar and the popover as the reader scrolls.
 */
import type { ReactiveController } from 'lit';
import type { FloatingAnchor } from './floating-place';
import type { HighlightController } from './highlight-controller';
import { selectedRange } from './selection';
import { trimSpan } from './text-map';

export class SelectionFollower implements ReactiveController {
  private frame = 0;

  constructor(private readonly controller: HighlightController) {
    controller.host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('selectionchange', this.onSelectionChange);
    this.controller.host.addEventListener('scroll', this.onScroll, true);
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
    document.removeEventListener('selectionchange', this.onSelectionChange);
    this.controller.host.removeEventListener('scroll', this.onScroll, true);
  }

  /** A floating control's anchor: these line boxes, inside the reading area. */
  anchorOf(lines: Iterable<DOMRect>): FloatingAnchor {
    const area =
      this.controller.parts.readingArea()?.getBoundingClientRect() ??
      new DOMRect(0, 0, window.innerWidth, window.innerHeight);
    return { lines: [...lines], area };
  }

  /** Reads the selection again: the toolbar shows for a selection inside the document's text. */
  update(): void {
    const { controller } = this;
    const range = selectedRange(controller.shadowRoot);
    const root = controller.parts.sectionsRoot();
    const set = controller.set;
    const before = controller.selection;
    if (!range || !root || !range.intersectsNode(root) || !set) controller.selection = null;
    else {
      const span = set.placed ? trimSpan(set.textMap.text, set.textMap.spanOf(range)) : null;
      controller.selection =
        set.placed && !span ? null : { span, anchor: this.anchorOf(range.getClientRects()) };
      if (controller.selection) controller.popover = null;
    }
    if (before !== controller.selection) controller.host.requestUpdate();
  }

  private readonly onSelectionChange = (): void => {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.update());
  };

  private readonly onScroll = (): void => {
    const { controller } = this;
    if (!controller.selection && !controller.popover) return;
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      this.update();
      const popover = controller.popover;
      const range = popover?.selectedId ? controller.set?.painter.rangeOf(popover.selectedId) : null;
      if (popover && range) popover.anchor = this.anchorOf(range.getClientRects());
      controller.host.requestUpdate();
    });
  };
}
