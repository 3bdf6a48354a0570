/**
 * The commands about where a highlight lies: confirm one to check where it is, move it to its
 * next candidate place, re-attach one (unplaced or to check) to the selected text, and store the
 * outcome of re-anchoring on a new text version. Changes go through the HighlightEditor.
 */
import type { AnchorUpdate, LecternBridge } from '../../preload/api';
import { describeRange } from '../../common/anchoring/describe';
import { call, failureToast } from '../app/calls';
import { type HighlightEditor, selectedText } from './highlight-editor';

export class PlacementCommands {
  constructor(private readonly editor: HighlightEditor) {}

  private get api(): LecternBridge {
    return this.editor.api();
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
    const selected = selectedText(this.editor);
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
