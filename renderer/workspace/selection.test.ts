import { describe, expect, it } from 'vitest';
import type { WorkspaceItem, WorkspaceRow } from '../../preload/api';
import {
  EMPTY_SELECTION,
  clickRow,
  itemKey,
  listKey,
  moveFocus,
  toggleFocused,
  withFreshItems,
} from './selection';

const item = (n: number): WorkspaceItem => ({
  documentId: n < 3 ? 'aaaaaaaaaaaaaaaa' : 'bbbbbbbbbbbbbbbb',
  highlightId: n.toString(16).padStart(16, '0'),
  documentTitle: n < 3 ? 'War and Peace' : 'Anna Karenina',
  color: 'yellow',
  quote: `passage ${n}`,
  note: null,
  tags: [],
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  anchoring: 'placed',
});

// 0: heading, 1-2: items, 3: heading, 4-5: items, 6: not loaded yet.
const ROWS: (WorkspaceRow | undefined)[] = [
  { kind: 'group', label: 'War and Peace', count: 2 },
  { kind: 'item', item: item(1) },
  { kind: 'item', item: item(2) },
  { kind: 'group', label: 'Anna Karenina', count: 2 },
  { kind: 'item', item: item(4) },
  { kind: 'item', item: item(5) },
  undefined,
];
const rows = (row: number) => ROWS[row];
const keys = (selection: { selected: ReadonlyMap<string, WorkspaceItem> }) =>
  [...selection.selected.values()].map((selected) => selected.quote).toSorted();

describe('selecting in the workspace list', () => {
  it('click selects one, Ctrl+click adds and removes, Shift+click takes the range across headings', () => {
    let selection = clickRow(EMPTY_SELECTION, rows, 1, { shift: false, toggle: false });
    expect(keys(selection)).toEqual(['passage 1']);
    selection = clickRow(selection, rows, 5, { shift: false, toggle: true });
    expect(keys(selection)).toEqual(['passage 1', 'passage 5']);
    selection = clickRow(selection, rows, 5, { shift: false, toggle: true });
    expect(keys(selection)).toEqual(['passage 1']);
    selection = clickRow(clickRow(selection, rows, 2, plain), rows, 5, { shift: true, toggle: false });
    expect(keys(selection)).toEqual(['passage 2', 'passage 4', 'passage 5']);
    // Shift+Ctrl adds the range to what was selected.
    const added = clickRow(clickRow(selection, rows, 1, ctrl), rows, 1, { shift: true, toggle: true });
    expect(keys(added)).toEqual(['passage 1', 'passage 2', 'passage 4', 'passage 5']);
    expect(clickRow(selection, rows, 0, plain)).toBe(selection);
  });

  it('arrows skip headings, Shift+arrows extend from the anchor, Space toggles', () => {
    let selection = moveFocus({ ...EMPTY_SELECTION, focus: 2 }, rows, 1, ROWS.length, false);
    expect(selection.focus).toBe(4);
    selection = toggleFocused(selection, rows);
    expect(keys(selection)).toEqual(['passage 4']);
    selection = moveFocus(selection, rows, -1, ROWS.length, true);
    selection = moveFocus(selection, rows, -1, ROWS.length, true);
    expect(selection.focus).toBe(1);
    expect(keys(selection)).toEqual(['passage 1', 'passage 2', 'passage 4']);
    // At the ends the focus stays; a row not loaded yet can take the focus (it loads).
    expect(moveFocus({ ...EMPTY_SELECTION, focus: 1 }, rows, -1, ROWS.length, false).focus).toBe(1);
    expect(moveFocus({ ...EMPTY_SELECTION, focus: 5 }, rows, 1, ROWS.length, false).focus).toBe(6);
  });

  it('keys: the focus on a heading goes to the item after it; Enter opens; Escape clears; others pass', () => {
    const onHeading = { ...EMPTY_SELECTION, focus: 0 };
    expect(listKey(onHeading, rows, ROWS.length, { key: ' ', shift: false })?.selection.selected.size).toBe(
      1,
    );
    expect(listKey(onHeading, rows, ROWS.length, { key: 'Enter', shift: false })?.open?.quote).toBe(
      'passage 1',
    );
    const some = clickRow(EMPTY_SELECTION, rows, 4, plain);
    expect(listKey(some, rows, ROWS.length, { key: 'Escape', shift: false })?.selection.selected.size).toBe(
      0,
    );
    expect(listKey(EMPTY_SELECTION, rows, ROWS.length, { key: 'Escape', shift: false })).toBeNull();
    expect(listKey(some, rows, ROWS.length, { key: 'a', shift: false })).toBeNull();
    expect(itemKey(item(4))).toBe('bbbbbbbbbbbbbbbb/0000000000000004');
  });
});

describe('a selection under changing rows', () => {
  it('takes the items as new rows show them, and stays the same object when nothing changed', () => {
    const selection = clickRow(EMPTY_SELECTION, rows, 1, { shift: false, toggle: false });
    const retagged = { ...item(1), tags: ['reread'] };
    const fresh = withFreshItems(selection, [
      { kind: 'item', item: retagged },
      { kind: 'item', item: item(2) },
    ]);
    expect([...fresh.selected.values()]).toEqual([retagged]);
    expect(withFreshItems(fresh, [{ kind: 'item', item: retagged }])).toBe(fresh);
    expect(withFreshItems(EMPTY_SELECTION, [{ kind: 'item', item: retagged }])).toBe(EMPTY_SELECTION);
  });
});

const plain = { shift: false, toggle: false };
const ctrl = { shift: false, toggle: true };
