/**
 * The workspace list's selection (pure): click, Ctrl/Cmd+click, Shift+click, Space and Shift+arrows,
 * as a file manager does them. Rows are group headings and items; only items are selected, and
 * only rows already loaded can join a range (the rest of a virtual list is not known yet).
 */
import type { WorkspaceItem, WorkspaceRow } from '../../preload/api';

export interface Selection {
  /** Selected items by key (the item is kept: the bulk bar needs its document and its text). */
  selected: ReadonlyMap<string, WorkspaceItem>;
  /** Where a Shift range starts. */
  anchor: number | null;
  /** The row that has the keyboard focus. */
  focus: number;
}

/** A row by index: undefined while it is not loaded. */
export type RowLookup = (row: number) => WorkspaceRow | undefined;

export const EMPTY_SELECTION: Selection = { selected: new Map(), anchor: null, focus: 0 };

export const itemKey = (item: Pick<WorkspaceItem, 'documentId' | 'highlightId'>): string =>
  `${item.documentId}/${item.highlightId}`;

const itemAt = (rows: RowLookup, row: number): WorkspaceItem | null => {
  const found = rows(row);
  return found?.kind === 'item' ? found.item : null;
};

/** The loaded items from `from` to `to` (either order), inclusive. */
function range(rows: RowLookup, from: number, to: number): Map<string, WorkspaceItem> {
  const items = new Map<string, WorkspaceItem>();
  for (let row = Math.min(from, to); row <= Math.max(from, to); row++) {
    const item = itemAt(rows, row);
    if (item !== null) items.set(itemKey(item), item);
  }
  return items;
}

export interface ClickKeys {
  shift: boolean;
  /** Ctrl, or Cmd on a Mac. */
  toggle: boolean;
}

export function clickRow(selection: Selection, rows: RowLookup, row: number, keys: ClickKeys): Selection {
  const item = itemAt(rows, row);
  if (item === null) return selection;
  if (keys.shift && selection.anchor !== null) {
    const extended = keys.toggle ? new Map(selection.selected) : new Map<string, WorkspaceItem>();
    for (const [key, value] of range(rows, selection.anchor, row)) extended.set(key, value);
    return { selected: extended, anchor: selection.anchor, focus: row };
  }
  if (keys.toggle) return { ...toggled(selection, item), anchor: row, focus: row };
  return { selected: new Map([[itemKey(item), item]]), anchor: row, focus: row };
}

function toggled(selection: Selection, item: WorkspaceItem): Selection {
  const selected = new Map(selection.selected);
  if (selected.has(itemKey(item))) selected.delete(itemKey(item));
  else selected.set(itemKey(item), item);
  return { ...selection, selected };
}

/** Space: the focused item joins or leaves the selection. */
export function toggleFocused(selection: Selection, rows: RowLookup): Selection {
  const item = itemAt(rows, selection.focus);
  return item === null ? selection : { ...toggled(selection, item), anchor: selection.focus };
}

/** The next row from `from` in `direction` that is not a heading (or `from` when there is none). */
export function nextItemRow(rows: RowLookup, from: number, direction: 1 | -1, total: number): number {
  for (let row = from + direction; row >= 0 && row < total; row += direction) {
    if (rows(row)?.kind !== 'group') return row;
  }
  return from;
}

/** ↑/↓ move the focus; with Shift they extend the selection from the anchor to it. */
export function moveFocus(
  selection: Selection,
  rows: RowLookup,
  direction: 1 | -1,
  total: number,
  extend: boolean,
): Selection {
  const focus = nextItemRow(rows, selection.focus, direction, total);
  if (!extend) return { ...selection, focus };
  const anchor = selection.anchor ?? selection.focus;
  return { selected: range(rows, anchor, focus), anchor, focus };
}

/** The row that takes the focus: `selection.focus`, or the item after it when that is a heading. */
export function focusedRow(selection: Selection, rows: RowLookup, total: number): number {
  if (rows(selection.focus)?.kind !== 'group') return selection.focus;
  return nextItemRow(rows, selection.focus, 1, total);
}

/** What a key pressed in the list does: a new selection, maybe an item to open; null when not ours. */
export function listKey(
  selection: Selection,
  rows: RowLookup,
  total: number,
  key: { key: string; shift: boolean },
): { selection: Selection; open: WorkspaceItem | null } | null {
  const current = { ...selection, focus: focusedRow(selection, rows, total) };
  if (key.key === 'ArrowDown' || key.key === 'ArrowUp') {
    const direction = key.key === 'ArrowDown' ? 1 : -1;
    return { selection: moveFocus(current, rows, direction, total, key.shift), open: null };
  }
  if (key.key === ' ') return { selection: toggleFocused(current, rows), open: null };
  if (key.key === 'Enter') return { selection: current, open: itemAt(rows, current.focus) };
  if (key.key === 'Escape' && current.selected.size > 0)
    return { selection: { ...current, selected: new Map() }, open: null };
  return null;
}

/** The selection with its items as `rows` now show them (tags and colours change under a selection). */
export function withFreshItems(selection: Selection, rows: readonly WorkspaceRow[]): Selection {
  if (selection.selected.size === 0) return selection;
  let fresh: Map<string, WorkspaceItem> | null = null;
  for (const row of rows) {
    if (row.kind !== 'item') continue;
    const key = itemKey(row.item);
    if (!selection.selected.has(key) || selection.selected.get(key) === row.item) continue;
    fresh ??= new Map(selection.selected);
    fresh.set(key, row.item);
  }
  return fresh === null ? selection : { ...selection, selected: fresh };
}
