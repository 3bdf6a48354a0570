/**
 * Reading keys go back to the text after a button is used with the pointer: otherwise Space and
 * the arrows would press the Contents or Highlights button again instead of reading on.
 */

/** The focused element, looking into shadow roots. */
export function deepActiveElement(root: Document | ShadowRoot = document): Element | null {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * After a pointer click on a button inside `host` that keeps focus (it opened nothing that took
 * focus), focus moves to `text()`. Keyboard presses (click detail 0) leave focus where the user put it.
 */
export function returnFocusAfterClicks(
  host: HTMLElement & { updateComplete: Promise<boolean> },
  text: () => HTMLElement | null | undefined,
): void {
  host.addEventListener('click', (event) => {
    if (event.detail === 0) return;
    const button = event.composedPath().find((target) => target instanceof HTMLButtonElement);
    if (!button) return;
    void host.updateComplete.then(() =>
      requestAnimationFrame(() => {
        if (deepActiveElement() === button) text()?.focus({ preventScroll: true });
      }),
    );
  });
}
