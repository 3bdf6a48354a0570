import { describe, expect, it } from 'vitest';
import { closeInnermost, type EscapeLayer } from './escape-chain';

function layers(open: Record<string, boolean>, closed: string[]): EscapeLayer[] {
  return Object.keys(open).map((name) => ({
    name,
    isOpen: () => open[name] === true,
    close: () => {
      open[name] = false;
      closed.push(name);
    },
  }));
}

describe('closeInnermost', () => {
  it('closes one layer per press, innermost first', () => {
    const open = { settings: true, highlight: true, panel: true };
    const closed: string[] = [];
    const chain = layers(open, closed);
    expect(closeInnermost(chain)).toBe('settings');
    expect(closeInnermost(chain)).toBe('highlight');
    expect(closeInnermost(chain)).toBe('panel');
    // Nothing is left: Esc does nothing more (it never leaves the book).
    expect(closeInnermost(chain)).toBeNull();
    expect(closed).toEqual(['settings', 'highlight', 'panel']);
  });

  it('skips closed layers and reports when nothing is open', () => {
    const closed: string[] = [];
    expect(closeInnermost(layers({ settings: false, panel: true }, closed))).toBe('panel');
    expect(closeInnermost(layers({ settings: false }, closed))).toBeNull();
  });
});
