import { describe, expect, it } from 'vitest';
import { panelToClose } from './panels';

describe('panelToClose', () => {
  it('keeps the panel opened last when the window is narrow', () => {
    const both = { tocOpen: true, highlightsOpen: true, windowWidth: 900 };
    expect(panelToClose({ ...both, tocJustToggled: true })).toBe('highlights');
    expect(panelToClose({ ...both, tocJustToggled: false })).toBe('toc');
    expect(panelToClose({ ...both, windowWidth: 1099, tocJustToggled: false })).toBe('toc');
  });

  it('lets both stay on a wide window, and does nothing with one panel', () => {
    expect(
      panelToClose({ tocOpen: true, highlightsOpen: true, windowWidth: 1100, tocJustToggled: true }),
    ).toBeNull();
    expect(
      panelToClose({ tocOpen: true, highlightsOpen: false, windowWidth: 700, tocJustToggled: true }),
    ).toBeNull();
  });
});
