/**
 * The notes side of <reader-view>: a small marker in the margin beside each highlight that has a
 * note (it opens that note), and the wiring between the popover, the panel and the reader's copy
 * of the document when a highlight's or the document's note is edited and saved.
 */
import { css, html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { ReaderDocument } from '../reader/reader-document';
import { firstWords } from '../highlighting/events';
import { itemsInView } from './marker-window';
import type { HighlightController } from '../highlighting/highlight-controller';
import {
  type DocumentNoteSavedEvent,
  EditHighlightNoteEvent,
  type HighlightNoteSavedEvent,
} from './note-events';

/** Markers are placed for notes within this many view heights above and below the view. */
const MARGIN_VIEWS = 1;
/** More markers than this at once would cost a frame to place; the panel still lists every note. */
const MAX_MARKERS = 300;

interface Marker {
  id: string;
  label: string;
  top: number;
  left: number;
}

export interface ReaderNotesParts {
  highlighting: () => HighlightController;
  doc: () => ReaderDocument | null;
  sectionsRoot: () => HTMLElement | null;
}

type Host = ReactiveControllerHost & HTMLElement;

export class ReaderNotesController implements ReactiveController {
  private markers: Marker[] = [];
  private frame = 0;
  /** Where the text was scrolled when the markers were last placed (they cover a margin around it). */
  private placedAtScroll = 0;

  constructor(
    private readonly host: Host,
    private readonly parts: ReaderNotesParts,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('edit-highlight-note', this.onEdit);
    this.host.addEventListener('keydown', this.onKeyDown);
    this.host.addEventListener('highlight-note-saved', this.onHighlightNoteSaved);
    this.host.addEventListener('document-note-saved', this.onDocumentNoteSaved);
    window.addEventListener('resize', this.schedule);
    // Scroll does not bubble out of the reading area, but its shadow root sees it while capturing.
    this.host.shadowRoot?.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
  }

  hostDisconnected(): void {
    this.host.removeEventListener('edit-highlight-note', this.onEdit);
    this.host.removeEventListener('keydown', this.onKeyDown);
    this.host.removeEventListener('highlight-note-saved', this.onHighlightNoteSaved);
    this.host.removeEventListener('document-note-saved', this.onDocumentNoteSaved);
    window.removeEventListener('resize', this.schedule);
    this.host.shadowRoot?.removeEventListener('scroll', this.onScroll, { capture: true });
    cancelAnimationFrame(this.frame);
  }

  hostUpdated(): void {
    this.schedule();
  }

  /** The marker layer, for the reading area (it scrolls with the text). */
  render() {
    return html`<div class="note-markers">
      ${repeat(
        this.markers,
        (marker) => marker.id,
        (marker) =>
          html`<button
            type="button"
            class="note-marker"
            aria-label=${marker.label}
            title=${marker.label}
            style=${styleMap({ top: `${marker.top}px`, left: `${marker.left}px` })}
            @click=${() => this.host.dispatchEvent(new EditHighlightNoteEvent(marker.id))}
          ></button>`,
      )}
    </div>`;
  }

  private readonly schedule = (): void => {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.measure());
  };

  /** Scrolled past half the margin since the markers were placed: the notes coming into view get theirs. */
  private readonly onScroll = (event: Event): void => {
    const scrolled = event.target instanceof HTMLElement ? event.target.scrollTop : 0;
    if (Math.abs(scrolled - this.placedAtScroll) > (innerHeight * MARGIN_VIEWS) / 2) this.schedule();
  };

  /** Where the first line of each noted highlight in and near the view is, relative to the marker layer. */
  private measure(): void {
    const set = this.parts.highlighting().view().set;
    const layer = this.host.shadowRoot?.querySelector('.note-markers');
    const root = this.parts.sectionsRoot();
    const next: Marker[] = [];
    if (set && layer && root) {
      const origin = layer.getBoundingClientRect();
      const left = root.getBoundingClientRect().left - origin.left - 22;
      const noted = set.placedInOrder().filter((highlight) => highlight.note);
      const lineOf = (highlight: (typeof noted)[number]) => {
        const span = set.spanOf(highlight.id);
        const line = span ? set.textMap.rangeOf(span)?.getClientRects()[0] : undefined;
        return line && line.height > 0 ? line : undefined;
      };
      const margin = innerHeight * MARGIN_VIEWS;
      for (const { item, line } of itemsInView(noted, lineOf, -margin, innerHeight + margin, MAX_MARKERS)) {
        const label = `Note on “${firstWords(item.quote.exact, 6)}”`;
        next.push({ id: item.id, label, top: line.top - origin.top + line.height / 2 - 7, left });
      }
      this.placedAtScroll = root.closest('.scroller')?.scrollTop ?? 0;
    }
    const same =
      next.length === this.markers.length &&
      next.every((m, i) => {
        const old = this.markers[i];
        return old?.id === m.id && old.top === m.top && old.left === m.left && old.label === m.label;
      });
    if (same) return;
    this.markers = next;
    this.host.requestUpdate();
  }

  /** N with a highlight selected (its popover shown, focus in the text or the popover) edits its note. */
  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const selectedId = this.parts.highlighting().view().popover?.selectedId ?? null;
    const target = event.composedPath()[0];
    const typing = target instanceof HTMLElement && target.matches('input, textarea, [contenteditable]');
    if (!isNoteKey(event) || selectedId === null || typing || event.defaultPrevented) return;
    event.preventDefault();
    this.host.dispatchEvent(new EditHighlightNoteEvent(selectedId));
  };

  private readonly onEdit = async (event: EditHighlightNoteEvent): Promise<void> => {
    const highlighting = this.parts.highlighting();
    if (!highlighting.panelOpen) highlighting.togglePanel();
    await this.host.updateComplete;
    await this.host.shadowRoot?.querySelector('highlight-panel')?.editNote(event.highlightId);
  };

  private readonly onHighlightNoteSaved = (event: HighlightNoteSavedEvent): void => {
    const set = this.parts.highlighting().view().set;
    const current = set?.records.get(event.highlight.id);
    if (!set || !current) return;
    set.records.set(current.id, {
      ...current,
      note: event.highlight.note,
      updatedAt: event.highlight.updatedAt,
    });
    this.host.requestUpdate();
  };

  private readonly onDocumentNoteSaved = (event: DocumentNoteSavedEvent): void => {
    const doc = this.parts.doc();
    if (doc?.summary.id !== event.documentId) return;
    doc.documentNote = event.markdown;
    this.host.requestUpdate();
  };
}

/** N, without modifiers. */
export function isNoteKey(press: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  return (press.key === 'n' || press.key === 'N') && !press.ctrlKey && !press.metaKey && !press.altKey;
}

/** The marker layer and its markers, in the reader's shadow root. */
export const noteMarkerStyles = css`
  .note-markers {
    position: relative;
    height: 0;
  }
  .note-marker {
    position: absolute;
    width: 14px;
    height: 14px;
    padding: 0;
    border: 0;
    border-radius: 3px 3px 3px 0;
    background: var(--accent, #9e4524);
    opacity: 0.75;
    cursor: pointer;
  }
  .note-marker:hover,
  .note-marker:focus-visible {
    opacity: 1;
    outline: 2px solid var(--focus-ring, #2b63c6);
    outline-offset: 2px;
  }
`;
