import { describe, expect, it } from 'vitest';
import { highlightMoveKey, isTagKey, selectionKeyAction, type HighlightKeyContext } from './keys';

const press = (
  key: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {},
) => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});
const selecting: HighlightKeyContext = { hasSelection: true, canUndo: false, inControl: false };
const idle: HighlightKeyContext = { hasSelection: false, canUndo: false, inControl: false };

describe('selectionKeyAction', () => {
  it('H highlights with the last colour, 1–6 with a colour, only while text is selected', () => {
    expect(selectionKeyAction(press('h'), selecting)).toEqual({ kind: 'create' });
    expect(selectionKeyAction(press('H', { shiftKey: true }), selecting)).toEqual({ kind: 'create' });
    expect(selectionKeyAction(press('1'), selecting)).toEqual({ kind: 'create', color: 'yellow' });
    expect(selectionKeyAction(press('6'), selecting)).toEqual({ kind: 'create', color: 'orange' });
    expect(selectionKeyAction(press('7'), selecting)).toBeNull();
    expect(selectionKeyAction(press('h'), idle)).toBeNull();
  });

  it('leaves modified keys and arrows to the browser', () => {
    expect(selectionKeyAction(press('h', { ctrlKey: true }), selecting)).toBeNull();
    expect(selectionKeyAction(press('ArrowRight', { shiftKey: true }), selecting)).toBeNull();
  });

  it('Ctrl/Cmd+Z restores a deleted highlight when there is one', () => {
    expect(selectionKeyAction(press('z', { ctrlKey: true }), { ...idle, canUndo: true })).toEqual({
      kind: 'undo',
    });
    expect(selectionKeyAction(press('z', { metaKey: true }), { ...idle, canUndo: true })).toEqual({
      kind: 'undo',
    });
    expect(selectionKeyAction(press('z', { ctrlKey: true }), idle)).toBeNull();
  });

  it('leaves Escape to the reader (its Esc chain closes the innermost thing open)', () => {
    expect(selectionKeyAction(press('Escape'), selecting)).toBeNull();
    expect(selectionKeyAction(press('Escape'), idle)).toBeNull();
  });
});

describe('isTagKey', () => {
  it('T tags the selected highlight, plain only, and not while typing in a control', () => {
    const selected = { hasSelectedHighlight: true, inControl: false };
    expect(isTagKey(press('t'), selected)).toBe(true);
    expect(isTagKey(press('T', { shiftKey: true }), selected)).toBe(true);
    expect(isTagKey(press('t', { ctrlKey: true }), selected)).toBe(false);
    expect(isTagKey(press('t'), { hasSelectedHighlight: true, inControl: true })).toBe(false);
    expect(isTagKey(press('t'), { hasSelectedHighlight: false, inControl: false })).toBe(false);
  });
});

describe('highlightMoveKey', () => {
  const free = { inControl: false };
  it('] and [ step between highlights; Q copies with the source, Shift+Q the quote alone', () => {
    expect(highlightMoveKey(press(']'), free)).toEqual({ kind: 'step', direction: 1 });
    expect(highlightMoveKey(press('['), free)).toEqual({ kind: 'step', direction: -1 });
    expect(highlightMoveKey(press('q'), free)).toEqual({ kind: 'copy', plain: false });
    expect(highlightMoveKey(press('Q', { shiftKey: true }), free)).toEqual({ kind: 'copy', plain: true });
  });

  it('leaves Cmd+[ (back), typing in a field and other keys alone', () => {
    expect(highlightMoveKey(press('[', { metaKey: true }), free)).toBeNull();
    expect(highlightMoveKey(press(']', { ctrlKey: true }), free)).toBeNull();
    expect(highlightMoveKey(press('q', { altKey: true }), free)).toBeNull();
    expect(highlightMoveKey(press(']'), { inControl: true })).toBeNull();
    expect(highlightMoveKey(press('w'), free)).toBeNull();
  });
});
