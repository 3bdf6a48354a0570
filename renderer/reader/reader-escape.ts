/**
 * What Esc closes in the reader, innermost first: reading settings, the highlight toolbar or
 * popover, the find bar, the side panel holding focus, the Highlights panel, then Contents. One
 * press closes one thing; never the book (Alt+←, Cmd+[ do).
 */
import type { EscapeLayer } from './escape-chain';

/** The reader's layers as Esc sees them. */
export interface ReaderLayers {
  settingsOpen(): boolean;
  closeSettings(): void;
  /** The highlight toolbar or popover is showing. */
  highlightOverlay(): boolean;
  dismissHighlightOverlay(): void;
  highlightsPanelOpen(): boolean;
  closeHighlightsPanel(): void;
  tocOpen(): boolean;
  /** Closes Contents; focus goes back to its button. */
  closeToc(): void;
  /** The tag name of the element holding focus in the reader's shadow root. */
  focused(): string | undefined;
  /** The find bar (Ctrl/Cmd+F), when the reader has one. */
  findBar?: EscapeLayer;
}

export function readerEscapeChain(layers: ReaderLayers): EscapeLayer[] {
  /** The side panel holding keyboard focus, if any: Esc closes it before the other one. */
  const panelWithFocus = (): 'toc' | 'highlights' | null => {
    const focused = layers.focused();
    if (focused === 'reader-toc' && layers.tocOpen()) return 'toc';
    return focused === 'highlight-panel' && layers.highlightsPanelOpen() ? 'highlights' : null;
  };
  return [
    { name: 'reading settings', isOpen: layers.settingsOpen, close: layers.closeSettings },
    { name: 'highlight controls', isOpen: layers.highlightOverlay, close: layers.dismissHighlightOverlay },
    ...(layers.findBar ? [layers.findBar] : []),
    {
      name: 'panel with focus',
      isOpen: () => panelWithFocus() !== null,
      close: () => (panelWithFocus() === 'highlights' ? layers.closeHighlightsPanel() : layers.closeToc()),
    },
    { name: 'highlights panel', isOpen: layers.highlightsPanelOpen, close: layers.closeHighlightsPanel },
    { name: 'contents', isOpen: layers.tocOpen, close: layers.closeToc },
  ];
}
