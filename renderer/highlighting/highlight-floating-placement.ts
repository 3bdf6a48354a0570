/**
 * Places a floating highlight control (toolbar, popover) after each render, as a reactive
 * controller: measures the control, asks placeFloating where it hides the least text, and
 * moves it there (relative to its positioned parent), before the frame is painted.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { placeFloating, type FloatingAnchor } from './floating-place';

export class FloatingPlacementController implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly anchor: () => FloatingAnchor | null,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const anchor = this.anchor();
    const parent = this.host.offsetParent;
    if (!anchor || !parent) return;
    const origin = parent.getBoundingClientRect();
    const size = { width: this.host.offsetWidth, height: this.host.offsetHeight };
    const { left, top } = placeFloating(anchor, size);
    this.host.style.left = `${Math.round(left - origin.left)}px`;
    this.host.style.top = `${Math.round(top - origin.top)}px`;
  }
}
