/** Where keyboard focus goes when the highlight popover closes: back to the panel item it came from, else the text. */
import '../components/highlight-panel';

/**
 * Focuses the Highlights panel's item of `panelItem` (scrolled into the panel's view), or the
 * reading area when the popover was not opened from the panel or the item is gone (deleted).
 */
export function returnFocus(root: ShadowRoot, panelItem: string | null): void {
  const toText = (): void => root.querySelector<HTMLElement>('.scroller')?.focus({ preventScroll: true });
  const panel = panelItem === null ? null : root.querySelector('highlight-panel');
  if (!panel || panelItem === null) return toText();
  void panel.focusItem(panelItem).then((focused) => {
    if (!focused) toText();
  });
}

/** True when the Highlights panel sent `event` (the reader sees it retargeted to itself). */
export function fromPanel(event: Event): boolean {
  return event.composedPath().some((node) => node instanceof Element && node.localName === 'highlight-panel');
}
