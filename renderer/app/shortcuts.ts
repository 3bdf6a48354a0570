/**
 * Every keyboard shortcut of Lectern, in one list: the shortcut sheet (`?`, Ctrl/Cmd+/) renders
 * it and the README repeats it (a unit test checks they agree). Pure, so it is unit-tested.
 */
import type { KeyPress } from '../reader/keys';

export interface Shortcut {
  /** The keys as shown, alternatives separated by " or " (Ctrl stands for Cmd on a Mac). */
  keys: string;
  /** What the keys do, as an imperative phrase. */
  action: string;
}

export interface ShortcutGroup {
  /** Where the shortcuts act. */
  title: string;
  shortcuts: readonly Shortcut[];
}

export const SHORTCUTS: readonly ShortcutGroup[] = [
  {
    title: 'Everywhere',
    shortcuts: [
      { keys: '? or Ctrl+/', action: 'Show these keyboard shortcuts' },
      { keys: 'Ctrl+K', action: 'Search the library (documents, passages, highlights, notes)' },
      { keys: 'Ctrl+O', action: 'Import documents' },
      { keys: 'F6 or Shift+F6', action: 'Move to the next or previous region (toasts included)' },
      { keys: 'Esc', action: 'Close the innermost popover, panel or dialog' },
    ],
  },
  {
    title: 'Library',
    shortcuts: [
      { keys: '/', action: 'Filter the library' },
      { keys: 'Tab or ↓ / ↑', action: 'Move between documents' },
      { keys: 'Enter', action: 'Open the document' },
    ],
  },
  {
    title: 'Reading',
    shortcuts: [
      { keys: 'Space or Page Down', action: 'Next screen' },
      { keys: 'Shift+Space or Page Up', action: 'Previous screen' },
      { keys: '↓ / ↑', action: 'Scroll a few lines' },
      { keys: 'Home / End', action: 'Start / end of the document' },
      { keys: 'Ctrl+= / Ctrl+-', action: 'Larger / smaller text' },
      { keys: 'Alt+← or Cmd+[', action: 'Back to the library (Esc never leaves the book)' },
      { keys: 'Ctrl+F', action: 'Find in the document (every match counted and marked)' },
      { keys: 'Enter / Shift+Enter, F3 / Shift+F3', action: 'Next / previous match' },
      { keys: 'Alt+Enter in the find bar', action: 'Highlight the current match in the last colour used' },
    ],
  },
  {
    title: 'Notes',
    shortcuts: [
      { keys: '[[', action: 'Link to a document, a highlight or a note (then type to search)' },
      { keys: '↓ / ↑ then Enter or Tab', action: 'Pick a suggestion (tags and links)' },
      { keys: 'Backspace in an empty tag field', action: 'Remove the last tag' },
    ],
  },
  {
    title: 'Highlighting',
    shortcuts: [
      { keys: 'Shift+arrows', action: 'Select text (from the reading line)' },
      { keys: 'H', action: 'Highlight the selection in the last colour used' },
      { keys: '1 – 6', action: 'Highlight the selection in that colour' },
      { keys: 'Ctrl+Z', action: 'Undo the last delete (closes its Undo toast)' },
      { keys: 'C', action: 'Confirm the place of a highlight to check' },
      { keys: 'T', action: 'Tag the selected highlight' },
      { keys: 'N', action: 'Write a note on the selected highlight' },
      { keys: 'Shift+click Copy quote', action: 'Copy the quote alone (a click copies it with its source)' },
      { keys: '] / [', action: 'Go to the next / previous highlight (and hear what it is)' },
      { keys: 'Q / Shift+Q', action: 'Copy the selected highlight’s quote with its source / alone' },
      {
        keys: '↓ / ↑, Page Up / Page Down, Home / End',
        action: 'In the Highlights panel: move through every highlight',
      },
    ],
  },
  {
    title: 'Highlights workspace',
    shortcuts: [
      { keys: '↓ / ↑', action: 'Move between highlights' },
      { keys: 'Space or click', action: 'Select the highlight (Space adds it or takes it away)' },
      { keys: 'Shift+↓ / Shift+↑ or Shift+click', action: 'Select a range of highlights' },
      { keys: 'Ctrl+click', action: 'Add a highlight to the selection or take it away' },
      { keys: 'Enter or double click', action: 'Open the passage in its document' },
      { keys: 'Esc', action: 'Clear the selection' },
      { keys: 'N / O / S', action: 'Review: next passage, open it, skip it for today' },
    ],
  },
];

/** `?` or Ctrl/Cmd+/ open the sheet; `?` only outside text fields, where it is a character. */
export function isShortcutSheetKey(press: KeyPress, typing: boolean): boolean {
  const command = press.ctrlKey || press.metaKey;
  if (command && !press.altKey && (press.key === '/' || press.code === 'Slash')) return true;
  return !typing && !command && !press.altKey && press.key === '?';
}

/** The list as markdown table rows, one table per group (what the README holds). */
export function shortcutsMarkdown(groups: readonly ShortcutGroup[] = SHORTCUTS): string {
  return groups
    .map((group) => {
      const rows = group.shortcuts.map((s) => `| ${s.keys.replaceAll('|', '\\|')} | ${s.action} |`);
      return [`**${group.title}**`, '', '| keys | does |', '|---|---|', ...rows].join('\n');
    })
    .join('\n\n');
}
