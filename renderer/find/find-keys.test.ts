import { describe, expect, it } from 'vitest';
import type { KeyPress } from '../reader/keys';
import { findBarKeyOf, findKeyOf } from './find-keys';
import { findStatusText } from './find-status';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...extra,
});

describe('find keys in the reader', () => {
  it('opens with Ctrl/Cmd+F, on any layout, and steps with F3 and Ctrl/Cmd+G', () => {
    expect(findKeyOf(press('f', { ctrlKey: true }))).toBe('open');
    expect(findKeyOf(press('F', { metaKey: true }))).toBe('open');
    // AZERTY-like layouts where the F key prints something else: the physical key counts.
    expect(findKeyOf(press('а', { ctrlKey: true, code: 'KeyF' }))).toBe('open');
    expect(findKeyOf(press('F3'))).toBe('next');
    expect(findKeyOf(press('F3', { shiftKey: true }))).toBe('previous');
    expect(findKeyOf(press('g', { ctrlKey: true }))).toBe('next');
    expect(findKeyOf(press('G', { metaKey: true, shiftKey: true }))).toBe('previous');
  });

  it('leaves other chords and plain letters alone', () => {
    expect(findKeyOf(press('f'))).toBeNull();
    expect(findKeyOf(press('f', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(findKeyOf(press('F', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(findKeyOf(press('F3', { ctrlKey: true }))).toBeNull();
    expect(findKeyOf(press('k', { ctrlKey: true }))).toBeNull();
  });
});

describe('find keys in the bar', () => {
  it('steps with Enter and Shift+Enter, highlights with Alt+Enter, closes with Esc', () => {
    expect(findBarKeyOf(press('Enter'))).toBe('next');
    expect(findBarKeyOf(press('Enter', { shiftKey: true }))).toBe('previous');
    expect(findBarKeyOf(press('Enter', { altKey: true }))).toBe('highlight');
    expect(findBarKeyOf(press('Escape'))).toBe('close');
    expect(findBarKeyOf(press('Enter', { ctrlKey: true }))).toBeNull();
    expect(findBarKeyOf(press('Enter', { altKey: true, shiftKey: true }))).toBeNull();
    expect(findBarKeyOf(press('a'))).toBeNull();
  });
});

describe('what the bar says', () => {
  const base = { hasQuery: true, searching: false, partial: false, total: 128, current: 2 };
  it('counts the current match of all of them', () => {
    expect(findStatusText(base)).toBe('3 of 128');
    expect(findStatusText({ ...base, total: 34_725, current: 34_724 })).toBe('34,725 of 34,725');
    expect(findStatusText({ ...base, current: -1 })).toBe('128 matches');
    expect(findStatusText({ ...base, total: 1, current: -1 })).toBe('1 match');
    expect(findStatusText({ ...base, total: 0, current: -1 })).toBe('No matches');
    expect(findStatusText({ ...base, hasQuery: false })).toBe('');
  });

  it('never says "No matches" while searching or while the text is partial', () => {
    expect(findStatusText({ ...base, searching: true, total: 0, current: -1 })).toBe('Searching…');
    expect(findStatusText({ ...base, partial: true, total: 0, current: -1 })).toBe(
      'No matches yet: the rest is loading',
    );
    expect(findStatusText({ ...base, partial: true })).toBe('3 of 128 so far: the rest is loading');
  });
});
