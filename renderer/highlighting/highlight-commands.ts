/**
 * The highlight writes, through the bridge: create, recolour and tag (optimistic, rolled back
 * when the write fails), copy, delete (with undo); where a highlight lies is PlacementCommands'.
 * They change nothing themselves: every change goes through the controller's HighlightEditor.
 */
import type { AnchorUpdate, Highlight, HighlightColor, LecternBridge, NewHighlight } from '../../preload/api';
import { anchorAll } from '../../common/anchoring/anchor-many';
import { call, failureToast } from '../app/calls';
import { quoteWithCitation } from './citation';
import type { HighlightCommand } from './events';
import { type HighlightEditor, type HighlightsView, selectedText } from './highlight-editor';
import { PlacementCommands } from './placement-commands';
import type { TextSpan } from './text-map';

export class HighlightCommands {
  /** The last deleted highlight, for Undo and Ctrl/Cmd+Z. */
  private deleted: Highlight | null = null;
  /** Closes the Undo toast of the last delete once it is undone (by the toast or by Ctrl/Cmd+Z). */
  private undone: (() => void) | null = null;

  private readonly placement: PlacementCommands;

  constructor(private readonly editor: HighlightEditor) {
    this.placement = new PlacementCommands(editor);
  }

  get canUndo(): boolean {
    return this.deleted !== null;
  }

  /** Runs a command that writes. */
  run(command: WriteCommand): Promise<void> {
    switch (command.kind) {
      case 'create':
        return this.create(command.color);
      case 'recolor':
        return this.recolor(command.id, command.color);
      case 'copy':
        return this.copy(command.id, command.plain === true);
      case 'delete':
        return this.remove(command.id);
      case 'reattach':
        return this.placement.reattach(command.id);
      case 'confirm':
        return this.placement.confirm(command.id);
      case 'next-candidate':
        return this.placement.nextCandidate(command.id);
      case 'tags':
        return this.setTags(command.id, command.tags);
    }
  }

  private get api(): LecternBridge {
    return this.editor.api();
  }

  /**
   * Highlights the selected text at once (under a provisional id), then stores it; the stored
   * record takes the provisional one's place; if the write fails, the highlight goes, with a message.
   */
  async create(color: HighlightColor): Promise<void> {
    const selected = selectedText(this.editor);
    if (!selected) return;
    const { view, span, selectors } = selected;
    // Exactly the passage of a highlight already there: select it rather than make a twin.
    const twin = [...view.records.keys()].find((id) => sameSpan(view.spanOf(id), span));
    if (twin !== undefined) {
      this.editor.selectionUsed();
      this.editor.choose(view, twin);
      return this.editor.notice('Already highlighted: selected it');
    }
    const draft = { color, ...selectors, anchoredVersion: view.textVersion };
    const provisional = provisionalHighlight(view.documentId, draft);
    // Sent before the paint: the durable write starts a paint's work (1–3 ms on a long book) sooner,
    // and its answer cannot arrive before this turn ends, so the provisional one is always there first.
    const storing = call(this.api, 'addHighlight', view.documentId, draft);
    this.editor.put(view, provisional, span);
    this.editor.colorUsed(color);
    const created = await storing;
    if (!created.ok) {
      this.editor.remove(view, provisional.id);
      return this.editor.toast(failureToast('Could not save the highlight; it is removed', created));
    }
    // The stored record takes the provisional one's place and paint: the answer repaints nothing.
    this.editor.remove(view, provisional.id, created.value);
    // Cleared only now: a failed write leaves the selection, to try again.
    this.editor.selectionUsed();
    this.editor.notice(`Highlighted as ${this.editor.labels()[color]}`);
  }

  /** Recolours at once; the old colour comes back if the write fails. */
  async recolor(id: string, color: HighlightColor): Promise<void> {
    const view = this.editor.highlights();
    const before = view?.records.get(id);
    if (!view || !before || before.color === color) return;
    this.editor.put(view, { ...before, color }, view.spanOf(id));
    const updated = await call(this.api, 'updateHighlight', view.documentId, id, { color });
    if (updated.ok) {
      this.editor.put(view, updated.value, view.spanOf(id));
      this.editor.colorUsed(color);
      return;
    }
    this.editor.put(view, before, view.spanOf(id));
    this.editor.toast(failureToast('Could not change the highlight’s colour; it is back as it was', updated));
  }

  /** Shows the new tags at once; the old ones come back, with the reason, if storing fails. */
  async setTags(id: string, tags: string[]): Promise<void> {
    const view = this.editor.highlights();
    const before = view?.records.get(id);
    if (!view || !before) return;
    this.editor.put(view, { ...before, tags }, view.spanOf(id));
    const saved = await call(this.api, 'setHighlightTags', view.documentId, id, tags);
    const now = view.records.get(id) ?? before;
    this.editor.put(view, saved.ok ? saved.value : { ...now, tags: before.tags }, view.spanOf(id));
    if (!saved.ok)
      this.editor.toast(
        failureToast('Could not save the highlight’s tags; they are back as they were', saved),
      );
  }

  /** Copies the quote as markdown with its citation; `plain`: the quote's text alone. */
  async copy(id: string, plain = false): Promise<void> {
    const view = this.editor.highlights();
    const quote = view?.records.get(id)?.quote.exact;
    if (!view || quote === undefined) return;
    try {
      await navigator.clipboard.writeText(
        plain ? quote : quoteWithCitation(quote, this.editor.citation(view, id)),
      );
      this.editor.notice(
        plain ? 'Quote copied' : 'Quote copied with its source (Shift+click: the quote alone)',
      );
    } catch {
      this.editor.notice('Could not copy the quote');
    }
  }

  async remove(id: string): Promise<void> {
    const view = this.editor.highlights();
    if (!view) return;
    const deleted = await call(this.api, 'deleteHighlight', view.documentId, id);
    if (!deleted.ok) return this.editor.toast(failureToast('Could not delete the highlight', deleted));
    this.editor.remove(view, id);
    this.deleted = deleted.value;
    this.undone?.();
    const closesWhen = new Promise<void>((resolve) => (this.undone = resolve));
    this.editor.toast({
      kind: 'info',
      message: 'Highlight deleted',
      action: { label: 'Undo', shortcut: 'Ctrl+Z', run: () => void this.undoDelete() },
      closesWhen,
    });
  }

  /** Puts the last deleted highlight back where it was. */
  async undoDelete(): Promise<void> {
    const view = this.editor.highlights();
    const deleted = this.deleted;
    if (!view || !deleted || deleted.documentId !== view.documentId) return;
    this.deleted = null;
    this.undone?.();
    this.undone = null;
    const restored = await call(this.api, 'restoreHighlight', view.documentId, deleted);
    if (!restored.ok) return this.editor.toast(failureToast('Could not restore the highlight', restored));
    this.editor.put(view, restored.value, spanOnText(view, restored.value));
    this.editor.notice('Highlight restored');
  }

  /** Stores the outcome of re-anchoring on a new text version (one call). */
  saveAnchors(documentId: string, updates: AnchorUpdate[]): Promise<void> {
    return this.placement.saveAnchors(documentId, updates);
  }
}

type WriteCommand = Exclude<HighlightCommand, { kind: 'choose' | 'show' | 'dismiss' }>;

/** Where a highlight stored on the current text lies (null when unplaced; one to check: where it was put). */
function spanOnText(view: HighlightsView, h: Highlight): TextSpan | null {
  if (h.unplaced && h.anchoredVersion === view.textVersion) return null;
  if (h.needsCheck && h.anchoredVersion === view.textVersion) return { ...h.position };
  const anchor = anchorAll(view.textMap.text, [{ id: h.id, quote: h.quote, position: h.position }]).get(h.id);
  return anchor ? { start: anchor.start, end: anchor.end } : null;
}

let provisionalCount = 0;

function sameSpan(a: TextSpan | null, b: TextSpan): boolean {
  return a !== null && a.start === b.start && a.end === b.end;
}

/** A highlight shown before the core has stored it (its id is not a stored one). */
function provisionalHighlight(documentId: string, draft: NewHighlight): Highlight {
  const now = new Date().toISOString();
  const id = `provisional-${++provisionalCount}`;
  return {
    ...draft,
    id,
    documentId,
    unplaced: false,
    needsCheck: false,
    tags: [],
    note: null,
    createdAt: now,
    updatedAt: now,
  };
}
