/**
 * Keyboard reading for <reader-view>, as a reactive controller: reading keys act while focus is
 * in the reader; the font-size shortcuts (Ctrl/Cmd with =, + or -) act from anywhere in the
 * window, in the browser and in Electron alike, since the app menu has no text-size items.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readerKeyAction, type ReaderKeyAction } from './keys';

const TEXT_FIELD_SELECTOR =
  'input:not([type=range]):not([type=radio]):not([type=checkbox]), textarea, [contenteditable=""], [contenteditable="true"]';
const CONTROL_SELECTOR =
  'input, textarea, select, button, a[href], summary, [contenteditable=""], [contenteditable="true"]';

export class ReaderKeyboardController implements ReactiveController {
  /** `perform` returns true when it acted on the key (its default is then prevented). */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly perform: (action: ReaderKeyAction) => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('keydown', this.onKeyDown);
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.onKeyDown);
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented) return;
    const path = event.composedPath();
    const origin = path[0];
    const inControl = origin instanceof Element && origin.matches(CONTROL_SELECTOR);
    const inTextField = origin instanceof Element && origin.matches(TEXT_FIELD_SELECTOR);
    const action = readerKeyAction(event, inControl, inTextField);
    if (!action) return;
    if (action.kind !== 'font' && !path.includes(this.host)) return;
    if (this.perform(action)) event.preventDefault();
  };
}
