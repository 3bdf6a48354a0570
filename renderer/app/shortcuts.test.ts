import { describe, expect, it } from 'vitest';
import type { KeyPress } from '../reader/keys';
import readme from '../../README.md?raw';
import { SHORTCUTS, isShortcutSheetKey, shortcutsMarkdown } from './shortcuts';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...extra,
});

describe('isShortcutSheetKey', () => {
  it('opens on ? outside text fields and on Ctrl/Cmd+/ anywhere', () => {
    expect(isShortcutSheetKey(press('?', { shiftKey: true }), false)).toBe(true);
    expect(isShortcutSheetKey(press('?', { shiftKey: true }), true)).toBe(false);
    expect(isShortcutSheetKey(press('/', { ctrlKey: true }), true)).toBe(true);
    expect(isShortcutSheetKey(press('/', { metaKey: true }), false)).toBe(true);
    // A layout where / is Shift+7: the physical key still counts with Ctrl.
    expect(isShortcutSheetKey(press('7', { ctrlKey: true, shiftKey: true, code: 'Slash' }), false)).toBe(
      true,
    );
  });

  it('leaves the library filter its / and other chords alone', () => {
    expect(isShortcutSheetKey(press('/'), false)).toBe(false);
    expect(isShortcutSheetKey(press('?', { altKey: true }), false)).toBe(false);
    expect(isShortcutSheetKey(press('/', { ctrlKey: true, altKey: true }), false)).toBe(false);
  });
});

describe('SHORTCUTS', () => {
  it('names every key once per group, with an action', () => {
    for (const group of SHORTCUTS) {
      const keys = group.shortcuts.map((s) => s.keys);
      expect(new Set(keys).size, group.title).toBe(keys.length);
      for (const s of group.shortcuts) expect(s.action.length).toBeGreaterThan(3);
    }
  });

  it('is the list the README shows', () => {
    expect(readme).toContain(shortcutsMarkdown());
  });

  it('escapes a | inside keys so the table keeps its columns', () => {
    const md = shortcutsMarkdown([{ title: 'T', shortcuts: [{ keys: 'A|B', action: 'does' }] }]);
    expect(md).toContain('| A\\|B | does |');
  });
});
