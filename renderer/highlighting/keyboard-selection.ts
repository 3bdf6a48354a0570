/**
 * Selecting text with the keyboard in read-only text, where Chromium shows no caret (there is
 * no caret browsing): Shift with the arrows, Home or End extends the selection through
 * Selection.modify; with nothing selected yet, the selection starts at the reading line, so a
 * reader who never touches the mouse can still highlight.
 */
import type { KeyPress } from '../reader/keys';
import { selectionOf } from './selection';

export interface SelectionStep {
  direction: 'forward' | 'backward';
  granularity: 'character' | 'word' | 'line' | 'lineboundary';
}

/** What a key press does to the selection, or null when it is not a selection key. */
export function selectionStep(press: KeyPress): SelectionStep | null {
  if (!press.shiftKey || press.metaKey) return null;
  // Ctrl (Windows, Linux) or Alt (macOS) with Shift moves by words.
  const byWord = press.ctrlKey || press.altKey;
  switch (press.key) {
    case 'ArrowRight':
      return { direction: 'forward', granularity: byWord ? 'word' : 'character' };
    case 'ArrowLeft':
      return { direction: 'backward', granularity: byWord ? 'word' : 'character' };
    case 'ArrowDown':
      return { direction: 'forward', granularity: 'line' };
    case 'ArrowUp':
      return { direction: 'backward', granularity: 'line' };
    case 'End':
      return byWord ? null : { direction: 'forward', granularity: 'lineboundary' };
    case 'Home':
      return byWord ? null : { direction: 'backward', granularity: 'lineboundary' };
    default:
      return null;
  }
}

/**
 * Extends the selection inside `text` (an element of `root`) by one step. When the selection
 * is not in `text`, it first collapses at `start()`. Returns false when nothing could be done.
 */
export function extendSelection(
  root: ShadowRoot,
  text: HTMLElement,
  step: SelectionStep,
  start: () => { node: Node; offset: number } | null,
): boolean {
  const selection = selectionOf(root);
  if (!selection) return false;
  const anchor = selection.rangeCount > 0 ? selection.anchorNode : null;
  if (anchor === null || !text.contains(anchor)) {
    const point = start();
    if (point === null || !text.contains(point.node)) return false;
    selection.collapse(point.node, point.offset);
  }
  selection.modify('extend', step.direction, step.granularity);
  return true;
}
