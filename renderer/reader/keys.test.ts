import { describe, expect, it } from 'vitest';
import { readerKeyAction, scrollDistance, type KeyPress } from './keys';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...extra,
});

describe('readerKeyAction', () => {
  it('pages with Space and Shift+Space, PageDown and PageUp', () => {
    expect(readerKeyAction(press(' '), false)).toEqual({ kind: 'scroll', by: 'page', direction: 1 });
    expect(readerKeyAction(press(' ', { shiftKey: true }), false)).toEqual({
      kind: 'scroll',
      by: 'page',
      direction: -1,
    });
    // Shift+arrows extend the selection (to highlight it).
    expect(readerKeyAction(press('ArrowDown', { shiftKey: true }), false)).toBeNull();
    expect(readerKeyAction(press('PageUp'), false)).toEqual({ kind: 'scroll', by: 'page', direction: -1 });
  });

  it('moves by lines and to the edges', () => {
    expect(readerKeyAction(press('ArrowDown'), false)).toEqual({ kind: 'scroll', by: 'line', direction: 1 });
    expect(readerKeyAction(press('End'), false)).toEqual({ kind: 'edge', to: 'end' });
  });

  it('leaves keys to controls, except Escape and font shortcuts', () => {
    expect(readerKeyAction(press(' '), true)).toBeNull();
    expect(readerKeyAction(press('ArrowUp'), true)).toBeNull();
    expect(readerKeyAction(press('Escape'), true)).toEqual({ kind: 'escape' });
    expect(readerKeyAction(press('=', { ctrlKey: true }), true)).toEqual({ kind: 'font', step: 1 });
    expect(readerKeyAction(press('-', { metaKey: true }), false)).toEqual({ kind: 'font', step: -1 });
  });

  it('changes the font size with Ctrl/Cmd and =, + or -, whatever the layout calls them', () => {
    expect(readerKeyAction(press('+', { ctrlKey: true, shiftKey: true }), false)).toEqual({
      kind: 'font',
      step: 1,
    });
    expect(readerKeyAction(press('ß', { ctrlKey: true, code: 'Minus' }), false)).toEqual({
      kind: 'font',
      step: -1,
    });
    expect(readerKeyAction(press('+', { metaKey: true, code: 'NumpadAdd' }), false)).toEqual({
      kind: 'font',
      step: 1,
    });
  });

  it('goes back to the library with Alt+← or Cmd+[, never with Esc', () => {
    expect(readerKeyAction(press('ArrowLeft', { altKey: true }), false)).toEqual({ kind: 'back' });
    expect(readerKeyAction(press('[', { metaKey: true }), true)).toEqual({ kind: 'back' });
    // A layout where [ needs another key still has the physical key.
    expect(readerKeyAction(press('ü', { metaKey: true, code: 'BracketLeft' }), false)).toEqual({
      kind: 'back',
    });
    expect(readerKeyAction(press('Escape'), false)).toEqual({ kind: 'escape' });
    // In a field Alt+← moves by word; Shift or Ctrl added make another chord.
    expect(readerKeyAction(press('ArrowLeft', { altKey: true }), true)).toBeNull();
    // From a toolbar button (a control, not a text field) it still goes back.
    expect(readerKeyAction(press('ArrowLeft', { altKey: true }), true, false)).toEqual({ kind: 'back' });
    expect(readerKeyAction(press('ArrowLeft', { altKey: true, shiftKey: true }), false)).toBeNull();
    expect(readerKeyAction(press('[', { ctrlKey: true }), false)).toBeNull();
  });

  it('ignores other chords', () => {
    expect(readerKeyAction(press('c', { ctrlKey: true }), false)).toBeNull();
    expect(readerKeyAction(press('ArrowDown', { altKey: true }), false)).toBeNull();
    expect(readerKeyAction(press('a'), false)).toBeNull();
  });
});

describe('scrollDistance', () => {
  it('is 90% of the viewport for a page and three lines for a line', () => {
    expect(scrollDistance('page', 1000, 30)).toBe(900);
    expect(scrollDistance('line', 1000, 30)).toBe(90);
  });
});
