/** F6 / Shift+F6 between the view and the toasts, so an Undo is one key away, and back. */
import type { AppToasts } from '../components/app-toasts';
import { deepActiveElement } from '../reader/focus-return';

export class RegionCycle {
  /** Where focus was before F6 moved it to the toasts: F6 again goes back there. */
  private focusBeforeToasts: HTMLElement | null = null;

  cycle(event: KeyboardEvent, toasts: AppToasts | null): void {
    if (!toasts) return;
    event.preventDefault();
    if (event.composedPath().includes(toasts)) {
      this.focusBeforeToasts?.focus();
      this.focusBeforeToasts = null;
      return;
    }
    const before = deepActiveElement();
    if (toasts.focusNewest()) this.focusBeforeToasts = before instanceof HTMLElement ? before : null;
  }
}
