/** Keyboard reading: which reader action a key press means. Pure, so it is unit-tested. */

export type ReaderKeyAction =
  | { kind: 'scroll'; by: 'page' | 'line'; direction: 1 | -1 }
  | { kind: 'edge'; to: 'start' | 'end' }
  | { kind: 'font'; step: 1 | -1 }
  | { kind: 'escape' }
  /** Back to the library (Alt+← or Cmd+[): Esc never leaves the book. */
  | { kind: 'back' };

export interface KeyPress {
  key: string;
  /** The physical key, for layouts where '=' or '-' need another modifier. */
  code?: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/**
 * The action for a key press, or null to let the browser have it. `inControl` is true when
 * focus is in a button, link, input or other control: then only Escape and the font shortcuts
 * act, so Space still presses buttons and arrows still move sliders; `inTextField` (focus where
 * text is typed) keeps Alt+← for moving by word, elsewhere it goes back like Cmd+[.
 */
export function readerKeyAction(
  press: KeyPress,
  inControl: boolean,
  inTextField = inControl,
): ReaderKeyAction | null {
  const command = press.ctrlKey || press.metaKey;
  // Alt+← moves by word in a text field (Option+← on a Mac): there it stays the field's.
  if (isBackToLibrary(press) && (press.metaKey || !inTextField)) return { kind: 'back' };
  if (command && !press.altKey) {
    if (press.key === '=' || press.key === '+' || press.code === 'Equal' || press.code === 'NumpadAdd')
      return { kind: 'font', step: 1 };
    if (press.key === '-' || press.key === '_' || press.code === 'Minus' || press.code === 'NumpadSubtract')
      return { kind: 'font', step: -1 };
    return null;
  }
  if (press.key === 'Escape') return { kind: 'escape' };
  if (inControl || press.altKey || command) return null;
  // Shift+arrows extend a text selection (to highlight it): never scroll over them.
  if (press.shiftKey && press.key.startsWith('Arrow')) return null;
  switch (press.key) {
    case ' ':
    case 'Spacebar':
      return { kind: 'scroll', by: 'page', direction: press.shiftKey ? -1 : 1 };
    case 'PageDown':
      return { kind: 'scroll', by: 'page', direction: 1 };
    case 'PageUp':
      return { kind: 'scroll', by: 'page', direction: -1 };
    case 'ArrowDown':
      return { kind: 'scroll', by: 'line', direction: 1 };
    case 'ArrowUp':
      return { kind: 'scroll', by: 'line', direction: -1 };
    case 'Home':
      return { kind: 'edge', to: 'start' };
    case 'End':
      return { kind: 'edge', to: 'end' };
    default:
      return null;
  }
}

/** Alt+← (Windows, Linux) or Cmd+[ (macOS), as in a browser's Back: the reader's way out by keyboard. */
export function isBackToLibrary(press: KeyPress): boolean {
  const onlyAlt = press.altKey && !press.ctrlKey && !press.metaKey && !press.shiftKey;
  const onlyMeta = press.metaKey && !press.ctrlKey && !press.altKey && !press.shiftKey;
  return (
    (onlyAlt && press.key === 'ArrowLeft') ||
    (onlyMeta && (press.key === '[' || press.code === 'BracketLeft'))
  );
}

/** Pixels a scroll action moves: 90% of the viewport for a page, three lines for a line. */
export function scrollDistance(by: 'page' | 'line', viewportHeight: number, linePx: number): number {
  return by === 'page' ? Math.round(viewportHeight * 0.9) : Math.round(linePx * 3);
}

/** Scrolls the reading area for a scroll or edge key (other actions leave it alone). */
export function scrollForKey(scroller: HTMLElement, action: ReaderKeyAction, linePx: number): void {
  if (action.kind === 'edge') scroller.scrollTop = action.to === 'start' ? 0 : scroller.scrollHeight;
  else if (action.kind === 'scroll')
    scroller.scrollTop += action.direction * scrollDistance(action.by, scroller.clientHeight, linePx);
}
