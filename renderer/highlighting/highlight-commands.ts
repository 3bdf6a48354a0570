/**
 * What the user does to highlights, through the bridge: create, recolour, copy, delete (with
 * undo), re-attach an unplaced one, go to one, update the document from its file. Failures
 * from the core are shown with the core's message.
 */
import type { AnchorUpdate, Highlight, HighlightColor, Result } from '../../preload/api';
import { anchorAll } from '../../common/anchoring/anchor-many';
import { describeRange } from '../../common/anchoring/describe';
import type { HighlightCommand } from './events';
import type { HighlightController } from './highlight-controller';
import { clearSelection } from './selection';
import type { TextSpan } from './text-map';

export class HighlightCommands {
  /** The last deleted highlight, for Undo and Ctrl/Cmd+Z. */
  private deleted: Highlight | null = null;

  constructor(private readonly controller: HighlightController) {}

  get canUndo(): boolean {
    return this.deleted !== null;
  }

  private get api() {
    return this.controller.parts.api();
  }

  run(command: HighlightCommand): Promise<void> | void {
    switch (command.kind) {
      case 'create':
        return this.create(command.color);
      case 'recolor':
        return this.recolor(command.id, command.color);
      case 'copy':
        return this.copy(command.id);
      case 'delete':
        return this.remove(command.id);
      case 'choose':
        return this.controller.select(command.id, true);
      case 'show':
        return this.show(command.id);
      case 'reattach':
        return this.reattach(command.id);
      case 'dismiss':
        return this.controller.dismiss();
    }
  }

  /** Unwraps a result; a failure is shown and gives null. */
  private settle<T>(result: Result<T>): T | null {
    if (result.ok) return result.value;
    this.controller.toast({ kind: 'error', message: result.message });
    return null;
  }

  /** Highlights the selected text. */
  async create(color: HighlightColor): Promise<void> {
    this.controller.updateSelection(); // The selection may have moved since the last frame.
    const { set, selection } = this.controller;
    const span = selection?.span;
    if (!set?.placed || !span) return;
    const { quote, position } = describeRange(set.textMap.text, span.start, span.end);
    const result = await this.api.addHighlight(set.documentId, {
      color,
      quote,
      position,
      anchoredVersion: set.textVersion,
    });
    const created = this.settle(result);
    if (!created || this.controller.set !== set) return;
    set.put(created, span);
    clearSelection(this.controller.shadowRoot);
    this.controller.selection = null;
    this.controller.rememberColor(color);
    this.controller.parts.notice(`Highlighted as ${this.controller.labels[color]}`);
    this.controller.host.requestUpdate();
  }

  private async recolor(id: string, color: HighlightColor): Promise<void> {
    const set = this.controller.set;
    if (!set) return;
    const updated = this.settle(await this.api.updateHighlight(set.documentId, id, { color }));
    if (!updated) return;
    set.put(updated, set.spanOf(id));
    set.painter.select(id);
    this.controller.rememberColor(color);
    this.controller.host.requestUpdate();
  }

  private async copy(id: string): Promise<void> {
    const quote = this.controller.set?.records.get(id)?.quote.exact;
    if (quote === undefined) return;
    try {
      await navigator.clipboard.writeText(quote);
      this.controller.parts.notice('Quote copied');
    } catch {
      this.controller.parts.notice('Could not copy the quote');
    }
  }

  private async remove(id: string): Promise<void> {
    const set = this.controller.set;
    if (!set) return;
    const deleted = this.settle(await this.api.deleteHighlight(set.documentId, id));
    if (!deleted) return;
    set.remove(id);
    this.deleted = deleted;
    this.controller.dismiss();
    this.controller.toast({
      kind: 'info',
      message: 'Highlight deleted',
      action: { label: 'Undo', run: () => void this.undoDelete() },
    });
  }

  /** Puts the last deleted highlight back where it was. */
  async undoDelete(): Promise<void> {
    const set = this.controller.set;
    const deleted = this.deleted;
    if (!set || !deleted || deleted.documentId !== set.documentId) return;
    this.deleted = null;
    const restored = this.settle(await this.api.restoreHighlight(set.documentId, deleted));
    if (!restored) return;
    set.put(restored, this.spanOnText(restored));
    this.controller.parts.notice('Highlight restored');
    this.controller.host.requestUpdate();
  }

  /** Where a highlight stored on the current text lies (null when unplaced). */
  private spanOnText(h: Highlight): TextSpan | null {
    const set = this.controller.set;
    if (!set || (h.unplaced && h.anchoredVersion === set.textVersion)) return null;
    const anchor = anchorAll(set.textMap.text, [{ id: h.id, quote: h.quote, position: h.position }]).get(
      h.id,
    );
    return anchor ? { start: anchor.start, end: anchor.end } : null;
  }

  /** Scrolls a highlight into view, flashes it and selects it (from the panel). */
  private show(id: string): void {
    const range = this.controller.set?.painter.rangeOf(id);
    if (!range) return;
    const block = range.startContainer.parentElement;
    block?.scrollIntoView({ block: 'center' });
    this.controller.set?.painter.flashRange(range);
    requestAnimationFrame(() => this.controller.select(id, true));
  }

  /** Attaches an unplaced highlight to the selected text. */
  private async reattach(id: string): Promise<void> {
    const { set, selection } = this.controller;
    const span = selection?.span;
    if (!set || !span) return;
    const { quote, position } = describeRange(set.textMap.text, span.start, span.end);
    const patch = { quote, position, anchoredVersion: set.textVersion, unplaced: false };
    const updated = this.settle(await this.api.updateHighlight(set.documentId, id, patch));
    if (!updated) return;
    set.put(updated, span);
    clearSelection(this.controller.shadowRoot);
    this.controller.selection = null;
    this.controller.host.requestUpdate();
  }

  /** Stores the outcome of re-anchoring on a new text version (one call). */
  async saveAnchors(updates: AnchorUpdate[]): Promise<void> {
    const set = this.controller.set;
    if (!set) return;
    this.settle(await this.api.saveAnchors(set.documentId, updates));
    const lost = updates.filter((u) => u.unplaced).length;
    if (lost > 0) {
      const what = lost === 1 ? '1 highlight' : `${lost} highlights`;
      this.controller.parts.notice(`${what} could not be placed on the new text; see Highlights`);
    }
  }

  /** Asks for a changed version of the document's file, then reopens the document. */
  async updateFromFile(): Promise<void> {
    const documentId = this.controller.parts.doc()?.summary.id;
    if (!documentId) return;
    const result = await this.api.chooseAndUpdateDocument(documentId);
    if (result.ok && result.value === null) return;
    if (this.settle(result)) {
      this.controller.toast({ kind: 'success', message: 'Document updated from its file' });
      this.controller.parts.reload();
    }
  }
}
