/**
 * What clicks and keys mean to highlighting in the reader: a click on highlighted text picks
 * that highlight (or offers a choice where several overlap); Shift+arrows select text from the
 * reading line; the highlight keys create or undo. It reads the reader and reports intents;
 * the highlight controller acts on them.
 */
import type { Highlight, HighlightColor } from '../../preload/api';
import { extendSelection, selectionStep } from './keyboard-selection';
import { highlightMoveKey, isTagKey, selectionKeyAction } from './keys';
import { caretAt, lineAt, selectedRange } from './selection';

/** The placed highlights, as hit-testing reads them. */
export interface PlacedHighlights {
  readonly placed: boolean;
  readonly textMap: { offsetOf(node: Node, offset: number): number | null };
  readonly painter: { rangeOf(id: string): Range | null };
  at(offset: number): Highlight[];
}

export interface HighlightInputTarget {
  shadowRoot(): ShadowRoot;
  sectionsRoot(): HTMLElement | null;
  readingArea(): HTMLElement | null;
  highlights(): PlacedHighlights | null;
  hasSelection(): boolean;
  canUndo(): boolean;
  /** Highlight the selection in `color` (null: the colour used last). */
  create(color: HighlightColor | null): void;
  undo(): void;
  select(id: string): void;
  /** Moves to the next / previous highlight in the text and selects it; false when there is none. */
  step(direction: 1 | -1): boolean;
  /** Copies the selected highlight's quote (with its citation, or `plain`); false when none is selected. */
  copySelected(plain: boolean): boolean;
  /** Opens the selected highlight's tag input; false when no highlight is selected. */
  tagSelected(): boolean;
  /** Several highlights overlap at the click: offer them, by this line. */
  choose(ids: string[], line: DOMRect): void;
}

/** Keys for highlighting (Esc is the reader's: it closes the innermost thing open). */
export function onHighlightKey(event: KeyboardEvent, target: HighlightInputTarget): void {
  if (event.key === 'Escape') return;
  const origin = event.composedPath()[0];
  const inControl =
    origin instanceof Element && origin.matches('input, textarea, select, button, [role="slider"]');
  const step = inControl ? null : selectionStep(event);
  const text = target.sectionsRoot();
  const root = target.shadowRoot();
  if (step && text && extendSelection(root, text, step, () => readingLineStart(target, text))) {
    event.preventDefault();
    return;
  }
  const move = highlightMoveKey(event, { inControl });
  if (move && (move.kind === 'step' ? target.step(move.direction) : target.copySelected(move.plain))) {
    event.preventDefault();
    return;
  }
  if (isTagKey(event, { hasSelectedHighlight: true, inControl }) && target.tagSelected()) {
    event.preventDefault();
    return;
  }
  const action = selectionKeyAction(event, {
    hasSelection: target.hasSelection(),
    canUndo: target.canUndo(),
    inControl,
  });
  if (!action) return;
  event.preventDefault();
  if (action.kind === 'create') target.create(action.color ?? null);
  else target.undo();
}

/** Where keyboard selection starts: the first line of document text from the top of the reading area down. */
function readingLineStart(
  target: HighlightInputTarget,
  text: HTMLElement,
): { node: Node; offset: number } | null {
  const area = target.readingArea()?.getBoundingClientRect();
  if (!area) return null;
  const left = text.getBoundingClientRect().left + 2;
  // Line by line (caret look-ups are cheap): past the title block or a heading's margin.
  for (let y = area.top + 12; y < area.bottom; y += 12) {
    const caret = caretAt(target.shadowRoot(), left, y);
    if (caret && caret.node.nodeType === Node.TEXT_NODE && text.contains(caret.node)) return caret;
  }
  return null;
}

/** A click on highlighted text selects that highlight (or offers a choice where several overlap). */
export function onHighlightClick(event: MouseEvent, target: HighlightInputTarget): void {
  const set = target.highlights();
  const root = target.sectionsRoot();
  const shadow = target.shadowRoot();
  if (!set?.placed || !root || !event.composedPath().includes(root) || selectedRange(shadow)) return;
  if (event.composedPath().some((node) => node instanceof HTMLAnchorElement)) return;
  const caret = caretAt(shadow, event.clientX, event.clientY);
  const offset = caret && set.textMap.offsetOf(caret.node, caret.offset);
  if (offset === null || offset === undefined) return;
  const hits = set.at(offset).filter((h) => {
    const range = set.painter.rangeOf(h.id);
    return range !== null && lineAt(range, event.clientX, event.clientY) !== null;
  });
  if (hits.length === 1 && hits[0]) target.select(hits[0].id);
  else if (hits.length > 1) {
    const range = set.painter.rangeOf(hits[0]?.id ?? '');
    const line =
      (range && lineAt(range, event.clientX, event.clientY)) ??
      new DOMRect(event.clientX, event.clientY, 1, 16);
    target.choose(
      hits.map((h) => h.id),
      line,
    );
  }
}
