/** Highlighting keys in the reader: which action a key press means. Pure, so it is unit-tested. */
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../preload/api';
import type { KeyPress } from '../reader/keys';

export type HighlightKeyAction =
  /** `color` undefined: the last colour used (H). */
  { kind: 'create'; color?: HighlightColor } | { kind: 'undo' };

export interface HighlightKeyContext {
  /** Text is selected in the document. */
  hasSelection: boolean;
  /** A deleted highlight can be restored. */
  canUndo: boolean;
  /** Focus is in a button or another control. */
  inControl: boolean;
}

/**
 * H (last colour) and 1–6 (a colour) highlight the selection; Ctrl/Cmd+Z restores the last
 * deleted highlight. (Escape is the reader's: see escape-chain.ts.)
 */
export function selectionKeyAction(press: KeyPress, context: HighlightKeyContext): HighlightKeyAction | null {
  const command = press.ctrlKey || press.metaKey;
  if (command && !press.altKey && !press.shiftKey && press.key.toLowerCase() === 'z') {
    return context.canUndo ? { kind: 'undo' } : null;
  }
  if (command || press.altKey || !context.hasSelection) return null;
  if (context.inControl && !/^[1-6hH]$/.test(press.key)) return null;
  if (press.key === 'h' || press.key === 'H') return { kind: 'create' };
  const digit = Number.parseInt(press.key, 10);
  const color = HIGHLIGHT_COLORS[digit - 1];
  return press.key.length === 1 && color ? { kind: 'create', color } : null;
}

/** T tags the selected highlight (opens the tag input of its popover). */
export function isTagKey(
  press: KeyPress,
  context: { hasSelectedHighlight: boolean; inControl: boolean },
): boolean {
  const plain = !press.ctrlKey && !press.metaKey && !press.altKey;
  return (
    plain && !context.inControl && context.hasSelectedHighlight && (press.key === 't' || press.key === 'T')
  );
}

/** `]` / `[` step to the next / previous highlight in the text; Q copies the selected one's quote. */
export type HighlightMoveKey = { kind: 'step'; direction: 1 | -1 } | { kind: 'copy'; plain: boolean };

/** Q copies with its citation, Shift+Q the quote alone; `]` and `[` move between highlights. */
export function highlightMoveKey(press: KeyPress, context: { inControl: boolean }): HighlightMoveKey | null {
  if (press.ctrlKey || press.metaKey || press.altKey || context.inControl) return null;
  if (press.key === ']') return { kind: 'step', direction: 1 };
  if (press.key === '[') return { kind: 'step', direction: -1 };
  if (press.key === 'q' || press.key === 'Q') return { kind: 'copy', plain: press.shiftKey };
  return null;
}
