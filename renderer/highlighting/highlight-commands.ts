/**
 * The highlight writes, through the bridge: create, recolour (optimistic, rolled back when the
 * write fails), copy, delete (with undo), re-attach an unplaced one, store re-anchoring, update
 * the document from its file. They change nothing themselves: every change of highlight state
 * goes through the HighlightEditor the controller gives them.
 */
import type {
  AnchorUpdate,
  Highlight,
  HighlightColor,
  LecternBridge,
  NewHighlight,
  TextPositionSelector,
  TextQuoteSelector,
} from '../../preload/api';
import { anchorAll } from '../../common/anchoring/anchor-many';
import { describeRange } from '../../common/anchoring/describe';
import { call, failureToast } from '../app/calls';
import type { ToastInit } from '../lib/events';
import type { HighlightCommand } from './events';
import type { TextSpan } from './text-map';

/** One open document's highlights as the commands see them: read-only. */
export interface HighlightsView {
  readonly documentId: string;
  readonly textVersion: string;
  /** True once the whole text is rendered and the highlights are placed. */
  readonly placed: boolean;
  readonly records: ReadonlyMap<string, Highlight>;
  readonly textMap: { readonly text: string };
  spanOf(id: string): TextSpan | null;
}

/** What the commands read, and the changes they ask the controller (the state's one owner) to make. */
export interface HighlightEditor {
  api(): LecternBridge;
  /** The open document's highlights; null when none is open. */
  highlights(): HighlightsView | null;
  /** The selected text's span, read fresh (the selection may have moved since the last frame). */
  selectedSpan(): TextSpan | null;
  labels(): Record<HighlightColor, string>;
  /** Stores `highlight` at `span` in `view`, if `view` is still the open document's. */
  put(view: HighlightsView, highlight: Highlight, span: TextSpan | null): void;
  remove(view: HighlightsView, id: string): void;
  /** The selection became a highlight: clear it. */
  selectionUsed(): void;
  colorUsed(color: HighlightColor): void;
  notice(message: string): void;
  toast(init: ToastInit): void;
}

export class HighlightCommands {
  /** The last deleted highlight, for Undo and Ctrl/Cmd+Z. */
  private deleted: Highlight | null = null;

  constructor(private readonly editor: HighlightEditor) {}

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
        return this.copy(command.id);
      case 'delete':
        return this.remove(command.id);
      case 'reattach':
        return this.reattach(command.id);
    }
  }

  private get api(): LecternBridge {
    return this.editor.api();
  }

  /** The selection, described on the placed text (null when there is none or the text is not placed). */
  private selected(): { view: HighlightsView; span: TextSpan; selectors: Selectors } | null {
    const view = this.editor.highlights();
    const span = this.editor.selectedSpan();
    if (!view?.placed || !span) return null;
    return { view, span, selectors: describeRange(view.textMap.text, span.start, span.end) };
  }

  /**
   * Highlights the selected text at once (under a provisional id), then stores it; the stored
   * record replaces the provisional one; if the write fails, the highlight goes, with a message.
   */
  async create(color: HighlightColor): Promise<void> {
    const selected = this.selected();
    if (!selected) return;
    const { view, span, selectors } = selected;
    const draft = { color, ...selectors, anchoredVersion: view.textVersion };
    const provisional = provisionalHighlight(view.documentId, draft);
    this.editor.put(view, provisional, span);
    this.editor.colorUsed(color);
    const created = await call(this.api, 'addHighlight', view.documentId, draft);
    this.editor.remove(view, provisional.id);
    if (!created.ok) {
      return this.editor.toast(failureToast('Could not save the highlight; it is removed', created));
    }
    this.editor.put(view, created.value, span);
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

  async copy(id: string): Promise<void> {
    const quote = this.editor.highlights()?.records.get(id)?.quote.exact;
    if (quote === undefined) return;
    try {
      await navigator.clipboard.writeText(quote);
      this.editor.notice('Quote copied');
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
    this.editor.toast({
      kind: 'info',
      message: 'Highlight deleted',
      action: { label: 'Undo', run: () => void this.undoDelete() },
    });
  }

  /** Puts the last deleted highlight back where it was. */
  async undoDelete(): Promise<void> {
    const view = this.editor.highlights();
    const deleted = this.deleted;
    if (!view || !deleted || deleted.documentId !== view.documentId) return;
    this.deleted = null;
    const restored = await call(this.api, 'restoreHighlight', view.documentId, deleted);
    if (!restored.ok) return this.editor.toast(failureToast('Could not restore the highlight', restored));
    this.editor.put(view, restored.value, spanOnText(view, restored.value));
    this.editor.notice('Highlight restored');
  }

  /** Attaches an unplaced highlight to the selected text. */
  async reattach(id: string): Promise<void> {
    const selected = this.selected();
    if (!selected) return;
    const { view, span, selectors } = selected;
    const patch = { ...selectors, anchoredVersion: view.textVersion, unplaced: false };
    const updated = await call(this.api, 'updateHighlight', view.documentId, id, patch);
    if (!updated.ok) return this.editor.toast(failureToast('Could not attach the highlight', updated));
    this.editor.put(view, updated.value, span);
    this.editor.selectionUsed();
  }

  /** Stores the outcome of re-anchoring on a new text version (one call). */
  async saveAnchors(documentId: string, updates: AnchorUpdate[]): Promise<void> {
    const saved = await call(this.api, 'saveAnchors', documentId, updates);
    if (!saved.ok) this.editor.toast(failureToast('Could not store where the highlights now lie', saved));
    const lost = updates.filter((u) => u.unplaced).length;
    if (lost > 0) {
      const what = lost === 1 ? '1 highlight' : `${lost} highlights`;
      this.editor.notice(`${what} could not be placed on the new text; see Highlights`);
    }
  }
}

type WriteCommand = Exclude<HighlightCommand, { kind: 'choose' | 'show' | 'dismiss' }>;
type Selectors = { quote: TextQuoteSelector; position: TextPositionSelector };

/** Where a highlight stored on the current text lies (null when unplaced). */
function spanOnText(view: HighlightsView, h: Highlight): TextSpan | null {
  if (h.unplaced && h.anchoredVersion === view.textVersion) return null;
  const anchor = anchorAll(view.textMap.text, [{ id: h.id, quote: h.quote, position: h.position }]).get(h.id);
  return anchor ? { start: anchor.start, end: anchor.end } : null;
}

let provisionalCount = 0;

/** A highlight shown before the core has stored it (its id is not a stored one). */
function provisionalHighlight(documentId: string, draft: NewHighlight): Highlight {
  const now = new Date().toISOString();
  const id = `provisional-${++provisionalCount}`;
  return { ...draft, id, documentId, unplaced: false, tags: [], note: null, createdAt: now, updatedAt: now };
}
