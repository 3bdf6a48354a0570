/** Find-in-document keys: what a key press means to the reader and to the find bar. Pure, so it is unit-tested. */
import type { KeyPress } from '../reader/keys';

/** Open (or refocus) the find bar, or go to the next or previous match. */
export type FindKey = 'open' | 'next' | 'previous';

/** In the reader: Ctrl/Cmd+F opens the bar, F3 / Shift+F3 (and Ctrl/Cmd+G, Shift+Ctrl/Cmd+G) step. */
export function findKeyOf(press: KeyPress): FindKey | null {
  const command = press.ctrlKey || press.metaKey;
  if (press.key === 'F3' && !command && !press.altKey) return press.shiftKey ? 'previous' : 'next';
  if (!command || press.altKey) return null;
  const letter =
    press.code === 'KeyF' || press.code === 'KeyG' ? press.code.slice(3) : press.key.toUpperCase();
  if (letter === 'F' && !press.shiftKey) return 'open';
  if (letter === 'G') return press.shiftKey ? 'previous' : 'next';
  return null;
}

/** In the bar's field: Enter steps, Alt+Enter highlights the current match, Esc closes. */
export type FindBarKey = 'next' | 'previous' | 'highlight' | 'close';

export function findBarKeyOf(press: KeyPress): FindBarKey | null {
  if (press.key === 'Escape') return 'close';
  if (press.key !== 'Enter' || press.ctrlKey || press.metaKey) return null;
  if (press.altKey) return press.shiftKey ? null : 'highlight';
  return press.shiftKey ? 'previous' : 'next';
}
