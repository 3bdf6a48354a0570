/**
 * The highlight writes, through the bridge: create, recolour (optimistic, rolled back when the
 * write fails), copy, delete (with undo), re-attach an unplaced one or one to check, confirm a
 * highlight to check or move it to its next candidate, store re-anchoring. They change nothing themselves: every change of highlight state
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
import { quoteWithCitation, type Citation } from './citation';
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
  /** A highlight to check's candidate places, best first. */
  candidatesOf(id: string): TextSpan[];
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
  /** Brings a highlight into view (it moved), without taking focus. */
  reveal(view: HighlightsView, id: string): void;
  /** The selection became a highlight: clear it. */
  selectionUsed(): void;
  /** Selects an existing highlight (its popover opens), as a click on it does. */
  choose(view: HighlightsView, id: string): void;
  /** Where a highlight is from: the document's title and author, the heading it sits under. */
  citation(view: HighlightsView, id: string): Citation;
  colorUsed(color: HighlightColor): void;
  notice(message: string): void;
  toast(init: ToastInit): void;
}

export class HighlightCommands {
  /** The last deleted highlight, for Undo and Ctrl/Cmd+Z. */
  private deleted: Highlight | null = null;
  /** Closes the Undo toast of the last delete once it is undone (by the toast or by Ctrl/Cmd+Z). */
  private undone: (() => void) | null = null;

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
        return this.copy(command.id, command.plain === true);
      case 'delete':
        return this.remove(command.id);
      case 'reattach':
        return this.reattach(command.id);
      case 'confirm':
        return this.confirm(command.id);
      case 'next-candidate':
        return this.nextCandidate(command.id);
      case 'tags':
        return this.setTags(command.id, command.tags);
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
    // Exactly the passage of a highlight already there: select it rather than make a twin.
    const twin = [...view.records.keys()].find((id) => sameSpan(view.spanOf(id), span));
    if (twin !== undefined) {
      this.editor.selectionUsed();
      this.editor.choose(view, twin);
      return this.editor.notice('Already highlighted: selected it');
    }
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

  /** Confirms a highlight to check where it is: its selectors now describe that passage. */
  async confirm(id: string): Promise<void> {
    const view = this.editor.highlights();
    const span = view?.spanOf(id);
    if (!view?.placed || !span || !view.records.get(id)?.needsCheck) return;
    const { quote, position } = describeRange(view.textMap.text, span.start, span.end);
    const patch = { quote, position, anchoredVersion: view.textVersion, needsCheck: false };
    const updated = await call(this.api, 'updateHighlight', view.documentId, id, patch);
    if (!updated.ok) return this.editor.toast(failureToast('Could not confirm the highlight', updated));
    this.editor.put(view, updated.value, span);
    this.editor.notice('Highlight confirmed');
  }

  /** Moves a highlight to check to its next candidate place (after the last: back to the first). */
  async nextCandidate(id: string): Promise<void> {
    const view = this.editor.highlights();
    const record = view?.records.get(id);
    const candidates = view?.candidatesOf(id) ?? [];
    const span = view?.spanOf(id);
    if (!view || !record?.needsCheck || !span || candidates.length < 2) return;
    const at = candidates.findIndex((c) => c.start === span.start && c.end === span.end);
    const next = candidates[(at + 1) % candidates.length] ?? span;
    const position = { type: 'TextPositionSelector' as const, start: next.start, end: next.end };
    // The original quote stays: the highlight is still to check, wherever it is shown.
    const patch = { quote: record.quote, position, anchoredVersion: view.textVersion, needsCheck: true };
    const updated = await call(this.api, 'updateHighlight', view.documentId, id, patch);
    if (!updated.ok) return this.editor.toast(failureToast('Could not move the highlight', updated));
    this.editor.put(view, updated.value, next);
    this.editor.reveal(view, id);
    const place = (at + 1) % candidates.length;
    this.editor.notice(`Candidate ${place + 1} of ${candidates.length}`);
  }

  /** Attaches an unplaced highlight, or one to check, to the selected text. */
  async reattach(id: string): Promise<void> {
    const selected = this.selected();
    if (!selected) return;
    const { view, span, selectors } = selected;
    const patch = { ...selectors, anchoredVersion: view.textVersion, unplaced: false, needsCheck: false };
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
    const toCheck = updates.filter((u) => u.needsCheck).length;
    const told = [
      lost > 0 ? `${countOf(lost)} could not be placed on the new text` : '',
      toCheck > 0 ? `${countOf(toCheck)} to check` : '',
    ].filter(Boolean);
    if (told.length > 0) this.editor.notice(`${told.join('; ')}; see Highlights`);
  }
}

/** "1 highlight", "3 highlights". */
const countOf = (n: number): string => (n === 1 ? '1 highlight' : `${n} highlights`);

type WriteCommand = Exclude<HighlightCommand, { kind: 'choose' | 'show' | 'dismiss' }>;
type Selectors = { quote: TextQuoteSelector; position: TextPositionSelector };

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
