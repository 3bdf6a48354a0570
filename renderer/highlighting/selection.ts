/**
 * Reading the user's selection and the caret under the pointer inside a shadow root, where
 * document-level APIs would retarget to the host.
 */

type SelectionRoot = ShadowRoot & { getSelection?: () => Selection | null };

/** The current non-empty selection as a Range inside `root`, or null. */
export function selectedRange(root: ShadowRoot): Range | null {
  const selection = (root as SelectionRoot).getSelection?.() ?? document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  return root.contains(range.commonAncestorContainer) ? range : null;
}

/** Clears the selection (after it became a highlight). */
export function clearSelection(root: ShadowRoot): void {
  ((root as SelectionRoot).getSelection?.() ?? document.getSelection())?.removeAllRanges();
}

/** Selects a range (re-attach, tests of keyboard selection). */
export function selectRange(root: ShadowRoot, range: Range): void {
  const selection = (root as SelectionRoot).getSelection?.() ?? document.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/** The text position under a viewport point, looking inside `root`. */
export function caretAt(root: ShadowRoot, x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => CaretPosition | null;
  };
  if (typeof doc.caretPositionFromPoint === 'function') {
    const caret = doc.caretPositionFromPoint(x, y, { shadowRoots: [root] });
    return caret ? { node: caret.offsetNode, offset: caret.offset } : null;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** True when the point lies on one of the range's line boxes. */
export function rangeContainsPoint(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}

/**
 * Where a floating control goes, relative to the reader's body: centred above a rectangle
 * (a selection's first line), or below it when there is no room above.
 */
export function floatingPlace(rect: DOMRect, body: DOMRect | null): { left: number; top: number } {
  if (!body) return { left: 0, top: 0 };
  const left = Math.min(Math.max(rect.left + rect.width / 2 - body.left, 160), body.width - 160);
  const above = rect.top - body.top - 52;
  const top = above >= 8 ? above : Math.min(rect.bottom - body.top + 10, body.height - 56);
  return { left, top: Math.max(8, top) };
}
