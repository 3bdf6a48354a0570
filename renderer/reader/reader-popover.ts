/**
 * A popover of <reader-view> opened from a toolbar button (Reading settings), as a reactive
 * controller: toggles it, moves focus into it, closes it on a press outside, and gives focus
 * back to its button when it closes from the keyboard.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export class ReaderPopoverController implements ReactiveController {
  open = false;

  /** Selectors in the host's shadow root: the popover, its button, and what takes focus when it opens. */
  constructor(
    private readonly host: Host,
    private readonly selectors: { popover: string; button: string; focus: string },
  ) {
    host.addController(this);
  }

  /** A reader taken off the page comes back with the popover closed. */
  hostDisconnected(): void {
    this.open = false;
  }

  toggle(): void {
    this.open = !this.open;
    this.host.requestUpdate();
    if (this.open) void this.focusAfterUpdate(this.selectors.focus);
  }

  /** Closes it (Esc): focus goes back to its button. */
  close(): void {
    this.open = false;
    this.host.requestUpdate();
    void this.focusAfterUpdate(this.selectors.button);
  }

  /** A pointer press outside the popover and its button closes it. */
  readonly onPointerDown = (event: PointerEvent): void => {
    if (!this.open) return;
    const { popover, button } = this.selectors;
    const inside = event
      .composedPath()
      .some((node) => node instanceof HTMLElement && (node.matches(popover) || node.matches(button)));
    if (inside) return;
    this.open = false;
    this.host.requestUpdate();
  };

  private async focusAfterUpdate(selector: string): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
