import { describe, expect, it } from 'vitest';
import { closeInnermost } from './escape-chain';
import { readerEscapeChain } from './reader-escape';

/** A reader with everything open; `focused` is the element holding focus. */
function reader(focused: string | undefined) {
  const open = { settings: true, overlay: true, highlights: true, toc: true };
  const closed: string[] = [];
  const chain = readerEscapeChain({
    settingsOpen: () => open.settings,
    closeSettings: () => void ((open.settings = false), closed.push('settings')),
    highlightOverlay: () => open.overlay,
    dismissHighlightOverlay: () => void ((open.overlay = false), closed.push('overlay')),
    highlightsPanelOpen: () => open.highlights,
    closeHighlightsPanel: () => void ((open.highlights = false), closed.push('highlights')),
    tocOpen: () => open.toc,
    closeToc: () => void ((open.toc = false), closed.push('toc')),
    focused: () => focused,
  });
  return { chain, closed };
}

describe('the reader’s Esc order', () => {
  it('closes settings, the highlight controls, the Highlights panel, then Contents', () => {
    const { chain, closed } = reader('highlight-popover');
    while (closeInnermost(chain) !== null);
    expect(closed).toEqual(['settings', 'overlay', 'highlights', 'toc']);
  });

  it('closes the panel holding focus before the other one', () => {
    const { chain, closed } = reader('reader-toc');
    expect([closeInnermost(chain), closeInnermost(chain), closeInnermost(chain)]).toEqual([
      'reading settings',
      'highlight controls',
      'panel with focus',
    ]);
    expect(closed).toEqual(['settings', 'overlay', 'toc']);
  });

  it('closes the find bar after the highlight controls and before the panels', () => {
    let findOpen = true;
    const findBar = { name: 'find bar', isOpen: () => findOpen, close: () => void (findOpen = false) };
    const chain = readerEscapeChain({
      settingsOpen: () => false,
      closeSettings: () => {},
      highlightOverlay: () => false,
      dismissHighlightOverlay: () => {},
      highlightsPanelOpen: () => true,
      closeHighlightsPanel: () => {},
      tocOpen: () => false,
      closeToc: () => {},
      focused: () => 'highlight-panel',
      findBar,
    });
    expect(closeInnermost(chain)).toBe('find bar');
    expect(findOpen).toBe(false);
    expect(closeInnermost(chain)).toBe('panel with focus');
  });
});
