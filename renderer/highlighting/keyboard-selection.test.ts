import { describe, expect, it } from 'vitest';
import type { KeyPress } from '../reader/keys';
import { selectionStep } from './keyboard-selection';

const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({
  key,
  shiftKey: true,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...modifiers,
});

describe('selectionStep', () => {
  it('extends by characters, lines and to the line ends with Shift', () => {
    expect(selectionStep(press('ArrowRight'))).toEqual({ direction: 'forward', granularity: 'character' });
    expect(selectionStep(press('ArrowLeft'))).toEqual({ direction: 'backward', granularity: 'character' });
    expect(selectionStep(press('ArrowDown'))).toEqual({ direction: 'forward', granularity: 'line' });
    expect(selectionStep(press('ArrowUp'))).toEqual({ direction: 'backward', granularity: 'line' });
    expect(selectionStep(press('End'))).toEqual({ direction: 'forward', granularity: 'lineboundary' });
    expect(selectionStep(press('Home'))).toEqual({ direction: 'backward', granularity: 'lineboundary' });
  });

  it('moves by words with Ctrl or Alt', () => {
    expect(selectionStep(press('ArrowRight', { ctrlKey: true }))).toEqual({
      direction: 'forward',
      granularity: 'word',
    });
    expect(selectionStep(press('ArrowLeft', { altKey: true }))).toEqual({
      direction: 'backward',
      granularity: 'word',
    });
  });

  it('leaves every other key alone', () => {
    expect(selectionStep(press('ArrowRight', { shiftKey: false }))).toBeNull();
    expect(selectionStep(press('ArrowRight', { metaKey: true }))).toBeNull();
    expect(selectionStep(press('End', { ctrlKey: true }))).toBeNull();
    expect(selectionStep(press(' '))).toBeNull();
    expect(selectionStep(press('h'))).toBeNull();
  });
});
