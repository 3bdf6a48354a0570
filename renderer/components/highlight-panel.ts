/**
 * <highlight-panel>: the reader's side panel of highlights. The document's note, the highlights
 * to check (see highlight-panel-check.ts), a legend of the six colours, the placed highlights in
 * document order (each a button that goes to its passage, with its tags and note: a virtual list,
 * one Tab stop, see highlight-panel-virtual.ts), then the unplaced ones (highlight-panel-unplaced.ts).
 */
import { LitElement, html, nothing } from 'lit';
import { consume } from '@lit/context';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import {
  type Backlink,
  HIGHLIGHT_COLORS,
  type Highlight,
  type HighlightColor,
  type LecternBridge,
} from '../../preload/api';
import { bridgeContext } from '../lib/bridge-context';
import {
  documentNoteSection,
  highlightNoteParts,
  panelNoteStyles,
  saveDocumentNote,
  saveHighlightNote,
} from '../notes/panel-notes';
import { HighlightCommandEvent, type HighlightCommand } from '../highlighting/events';
import { swatchStyles } from '../highlighting/highlight-styles';
import { type HighlightToCheck, highlightCheckStyles, renderToCheck } from './highlight-panel-check';
import { highlightPanelStyles } from './highlight-panel-styles';
import { renderUnplaced } from './highlight-panel-unplaced';
import { VirtualItems } from './highlight-panel-virtual';
import { estimateItemHeight, itemsToRender } from './highlight-panel-window';
import { rovingTarget } from '../lib/roving';
import './link-backlinks';

/** The same highlights (the same objects: a stored change makes a new one) in the same order. */
function sameItems(before: unknown, after: readonly Highlight[]): boolean {
  return Array.isArray(before) && before.length === after.length && before.every((h, i) => h === after[i]);
}

function sameBacklinks(before: unknown, after: ReadonlyMap<string, Backlink[]>): boolean {
  if (!(before instanceof Map) || before.size !== after.size) return false;
  for (const [id, links] of after) if (before.get(id) !== links) return false;
  return true;
}

/**
 * @fires highlight-command - HighlightCommandEvent: show, reattach, delete, confirm or next-candidate.
 * @fires highlight-note-saved, document-note-saved - a note was stored (the reader updates its copy).
 */
@customElement('highlight-panel')
export class HighlightPanel extends LitElement {
  static override styles = [swatchStyles, highlightPanelStyles, highlightCheckStyles, panelNoteStyles];

  /** Placed highlights, in document order. */
  @property({ attribute: false }) placed: Highlight[] = [];
  /** Placed highlights whose place is not certain, in document order. */
  @property({ attribute: false }) toCheck: HighlightToCheck[] = [];
  /** Highlights that could not be placed on the current text. */
  @property({ attribute: false }) unplaced: Highlight[] = [];
  @property({ attribute: false }) labels!: Record<HighlightColor, string>;
  /** The selected highlight's id, marked in the list. */
  @property({ attribute: false }) selectedId: string | null = null;
  /** The notes linking to each passage, listed beside it. */
  @property({ attribute: false }) backlinks: ReadonlyMap<string, Backlink[]> = new Map();
  /** True while the reader has text selected (an unplaced highlight can be re-attached to it). */
  @property({ type: Boolean }) canReattach = false;
  /** The open document (its note is edited here); empty before it is open. */
  @property({ attribute: false }) documentId = '';
  @property({ attribute: false }) documentNote: string | null = null;

  @consume({ context: bridgeContext }) private bridge?: LecternBridge;
  /** The list's one Tab stop (roving focus: arrows, Page keys, Home, End); null: the selected or first. */
  @state() private activeId: string | null = null;
  /** The highlight whose note is open in an editor, or 'document' for the document's note. */
  @state() private editing: string | null = null;
  @query('ul.placed') private placedList!: HTMLElement | null;
  private readonly virtual = new VirtualItems(this, () => this.placedList);

  /** Moves the list's Tab stop to a highlight's item, scrolled into view, and focuses it (false: not listed). */
  async focusItem(highlightId: string): Promise<boolean> {
    if (!this.placed.some((h) => h.id === highlightId)) return false;
    this.activeId = highlightId;
    await this.updateComplete;
    const button = this.renderRoot.querySelector<HTMLElement>(
      `button.item[data-id="${CSS.escape(highlightId)}"]`,
    );
    button?.scrollIntoView({ block: 'nearest' });
    button?.focus({ preventScroll: true });
    return button !== null;
  }

  /** Opens the note editor of a highlight (the popover's Note, N, a margin marker) and focuses it. */
  async editNote(highlightId: string): Promise<void> {
    this.editing = highlightId;
    await this.updateComplete;
    const editor = this.renderRoot.querySelector('note-editor');
    await editor?.updateComplete;
    editor?.scrollIntoView({ block: 'nearest' });
    editor?.textarea?.focus();
  }

  override willUpdate(changed: Map<string, unknown>): void {
    // Another document: no editor stays open on a note of the last one.
    if (changed.has('documentId') && changed.get('documentId') !== undefined) this.editing = null;
    // The reader passes new copies on each of its renders (a scroll): lay out again only for new content.
    const placedChanged = changed.has('placed') && !sameItems(changed.get('placed'), this.placed);
    const backlinksChanged =
      changed.has('backlinks') && !sameBacklinks(changed.get('backlinks'), this.backlinks);
    if (placedChanged || backlinksChanged) {
      const { placed, backlinks } = this;
      this.virtual.setItems(
        placed.map((h) => h.id),
        (index) => {
          const h = placed[index];
          if (!h) return 0;
          const [quoteLength, tags, hasNote] = [h.quote.exact.length, h.tags.length, Boolean(h.note)];
          return estimateItemHeight({
            quoteLength,
            tags,
            hasNote,
            backlinks: backlinks.get(h.id)?.length ?? 0,
          });
        },
      );
    }
  }

  private get api(): LecternBridge | undefined {
    return this.bridge ?? window.lectern;
  }

  /** The item holding the list's Tab stop: the one moved to, else the selected one, else the first. */
  private get activeItem(): string | null {
    const { layout } = this.virtual;
    for (const id of [this.activeId, this.selectedId]) if (id !== null && layout.indexOf(id) >= 0) return id;
    return this.placed[0]?.id ?? null;
  }

  /**
   * ↓ ↑ Home End PageDown PageUp between the items' buttons, through every item (rendered or not);
   * Tab leaves the list (after the active item's own controls).
   */
  private onListKey(event: KeyboardEvent): void {
    const origin = event.composedPath()[0];
    if (!(origin instanceof HTMLElement) || !origin.matches('button.item')) return;
    const at = this.virtual.layout.indexOf(this.activeItem ?? '');
    const next = rovingTarget(event.key, at, this.placed.length, this.virtual.pageSize());
    const id = next === null ? undefined : this.placed[next]?.id;
    if (id === undefined) return;
    event.preventDefault();
    void this.focusItem(id);
  }

  private renderHighlightNote(h: Highlight) {
    return highlightNoteParts({
      highlight: h,
      tabbable: h.id === this.activeItem,
      editing: this.editing === h.id,
      onEdit: () => void this.editNote(h.id),
      onDone: () => (this.editing = null),
      save: (markdown) => saveHighlightNote(this, this.api, h, markdown),
    });
  }

  private send(command: HighlightCommand): void {
    this.dispatchEvent(new HighlightCommandEvent(command));
  }

  override render() {
    const { labels, selectedId, canReattach } = this;
    const send = (command: HighlightCommand) => this.send(command);
    return html`
      ${
        this.documentId
          ? documentNoteSection({
              note: this.documentNote,
              editing: this.editing === 'document',
              onEdit: () => (this.editing = 'document'),
              onDone: () => (this.editing = null),
              save: (markdown) => saveDocumentNote(this, this.api, this.documentId, markdown),
            })
          : nothing
      }
      ${this.toCheck.length > 0 ? renderToCheck(this.toCheck, { labels, selectedId, canReattach, send }) : nothing}
      <ul class="legend" aria-label="Colours">
        ${HIGHLIGHT_COLORS.map((c) => html`<li><span class="swatch ${c}" aria-hidden="true"></span>${this.labels[c]}</li>`)}
      </ul>
      ${
        this.placed.length === 0 && this.unplaced.length === 0
          ? html`<div class="empty" role="note" aria-label="How to highlight">
              <p>Select text to highlight it.</p>
              <p>
                Press <kbd>H</kbd> to use your last colour,
                <span class="keys"><kbd>1</kbd>–<kbd>6</kbd></span> for a colour.
              </p>
            </div>`
          : nothing
      }
      ${this.renderPlaced()}
      ${this.unplaced.length > 0 ? renderUnplaced(this.unplaced, { labels, canReattach, send }) : nothing}
    `;
  }

  /**
   * The placed highlights: those near the view, plus the active item and the one being edited
   * (focus stays on them while they scroll out of view), each where the whole list would put it.
   */
  private renderPlaced() {
    const { layout, range } = this.virtual;
    const active = this.activeItem;
    const keep = [layout.indexOf(active ?? ''), layout.indexOf(this.editing ?? '')];
    const shown = itemsToRender(range, keep).flatMap((index) => {
      const h = this.placed[index];
      return h ? [{ h, index }] : [];
    });
    return html`<ul
      class="items placed"
      aria-label="Highlights in document order"
      style=${styleMap({ height: `${layout.height}px` })}
      @keydown=${this.onListKey}
    >
      ${repeat(
        shown,
        ({ h }) => h.id,
        ({ h, index }) => this.renderItem(h, index, h.id === active),
      )}
    </ul>`;
  }

  private renderItem(h: Highlight, index: number, active: boolean) {
    return html`<li
      data-id=${h.id}
      aria-setsize=${this.placed.length}
      aria-posinset=${index + 1}
      style=${styleMap({ top: `${this.virtual.layout.topOf(index)}px` })}
    >
      <button
        class="item"
        type="button"
        data-id=${h.id}
        tabindex=${active ? 0 : -1}
        aria-current=${String(h.id === this.selectedId)}
        @focus=${() => (this.activeId = h.id)}
        @click=${() => this.send({ kind: 'show', id: h.id })}
      >
        <span class="swatch ${h.color} ${h.needsCheck ? 'check' : ''}" aria-hidden="true"></span>
        <span
          ><span class="label">${this.labels[h.color]}${h.needsCheck ? ' · to check' : ''}</span
          ><span class="quote">${h.quote.exact}</span></span
        >
      </button>
      ${this.renderHighlightNote(h)}
      ${
        this.backlinks.has(h.id)
          ? html`<link-backlinks class="backlinks" .backlinks=${this.backlinks.get(h.id)}></link-backlinks>`
          : nothing
      }
    </li>`;
  }
}
declare global {
  interface HTMLElementTagNameMap {
    'highlight-panel': HighlightPanel;
  }
}
