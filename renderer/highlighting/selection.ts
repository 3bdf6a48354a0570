/**
 * Reading the user's selection and the caret under the pointer inside a shadow root, where
 * document-level APIs would retarget to the host.
 */

type SelectionRoot = ShadowRoot & { getSelection?: () => Selection | null };

/** The selection as seen from inside `root` (Chromium's ShadowRoot.getSelection, else the document's). */
export function selectionOf(root: ShadowRoot): Selection | null {
  return (root as SelectionRoot).getSelection?.() ?? document.getSelection();
}

/** The current non-empty selection as a Range inside `root`, or null. */
export function selectedRange(root: ShadowRoot): Range | null {
  const selection = selectionOf(root);
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  return root.contains(range.commonAncestorContainer) ? range : null;
}

/** Clears the selection (after it became a highlight). */
export function clearSelection(root: ShadowRoot): void {
  selectionOf(root)?.removeAllRanges();
}

/** The text position under a viewport point, looking inside `root`. */
export function caretAt(root: ShadowRoot, x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (
      x: number,
      y: number,
      options?: { shadowRoots?: ShadowRoot[] },
    ) => CaretPosition | null;
  };
  if (typeof doc.caretPositionFromPoint === 'function') {
    const caret = doc.caretPositionFromPoint(x, y, { shadowRoots: [root] });
    return caret ? { node: caret.offsetNode, offset: caret.offset } : null;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** The range's line box under a viewport point, or null when the point is on none of them. */
export function lineAt(range: Range, x: number, y: number): DOMRect | null {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return rect;
  }
  return null;
}
