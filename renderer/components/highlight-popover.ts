/**
 * <highlight-popover>: what a click on highlighted text opens. For one highlight, a toolbar
 * labelled "Selected highlight" (change colour, confirm one to check, tags (T), note (N), copy the quote, delete); where several
 * highlights overlap, first a chooser listing each (colour + first words) to pick one.
 */
import { LitElement, type PropertyValues, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { HIGHLIGHT_COLORS, type Highlight, type HighlightColor } from '../../preload/api';
import { HighlightCommandEvent, firstWords, type HighlightCommand } from '../highlighting/events';
import type { FloatingAnchor } from '../highlighting/floating-place';
import { swatchStyles } from '../highlighting/highlight-styles';
import { floatingStyles } from '../highlighting/highlight-floating-styles';
import { FloatingPlacementController } from '../highlighting/highlight-floating-placement';
import { EditHighlightNoteEvent } from '../notes/note-events';
import { rovingKeys } from './highlight-toolbar';
import type { TagsChangeEvent } from './tag-input';
import './tag-input';

/** @fires highlight-command - HighlightCommandEvent: choose, recolor, copy or delete. */
@customElement('highlight-popover')
export class HighlightPopover extends LitElement {
  static override styles = [
    floatingStyles,
    swatchStyles,
    css`
      .chooser {
        flex-direction: column;
        align-items: stretch;
        max-width: 320px;
      }
      .chooser h2 {
        margin: 4px 8px 2px;
        font-size: 0.75rem;
        font-weight: 600;
        color: var(--fg-muted, #666);
      }
      .chooser button {
        justify-content: flex-start;
        height: auto;
        min-height: 32px;
        padding: 6px 8px;
        text-align: start;
      }
      .text {
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .tagging {
        display: block;
        width: 280px;
        margin-top: 4px;
        padding: 8px;
      }
      .tagging tag-input {
        --chip-bg: var(--surface-2);
      }
      .action svg {
        width: 16px;
        height: 16px;
        fill: none;
        stroke: currentColor;
        stroke-width: 1.8;
        stroke-linecap: round;
        stroke-linejoin: round;
      }
    `,
  ];

  /** The selected highlight; null while the chooser is shown. */
  @property({ attribute: false }) highlight: Highlight | null = null;
  /** Overlapping highlights to choose from (two or more), in document order. */
  @property({ attribute: false }) choices: Highlight[] = [];
  @property({ attribute: false }) labels!: Record<HighlightColor, string>;
  /** Open the tag input (the reader's T key). */
  @property({ type: Boolean }) tagging = false;
  /** The tag input opened from the popover's own Tags button or T inside it. */
  @state() private tagsOpen = false;
  /** The highlight's line boxes (or the clicked line) and the reading area it stays inside. */
  @property({ attribute: false }) anchor: FloatingAnchor | null = null;

  protected readonly placement = new FloatingPlacementController(this, () => this.anchor);

  override focus(): void {
    const target = this.tagging || this.tagsOpen ? 'tag-input' : 'button';
    this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another highlight selected: its tag input starts closed.
    if (changed.has('highlight') && changed.get('highlight')?.id !== this.highlight?.id)
      this.tagsOpen = false;
  }

  private send(command: HighlightCommand): void {
    this.dispatchEvent(new HighlightCommandEvent(command));
  }

  override render() {
    return this.highlight ? this.renderSelected(this.highlight) : this.renderChooser();
  }

  private renderChooser() {
    return html`<div class="card chooser" role="dialog" aria-label="Choose a highlight">
      <h2 aria-hidden="true">Overlapping highlights</h2>
      ${this.choices.map(
        (h) =>
          html`<button type="button" @click=${() => this.send({ kind: 'choose', id: h.id })}>
            <span class="swatch ${h.color}" aria-hidden="true"></span>
            <span class="text">${this.labels[h.color]}: ${firstWords(h.quote.exact)}</span>
          </button>`,
      )}
    </div>`;
  }

  private renderSelected(h: Highlight) {
    return html`${this.renderToolbar(h)}
    ${this.tagging || this.tagsOpen || h.tags.length > 0 ? this.renderTags(h) : nothing}`;
  }

  private renderTags(h: Highlight) {
    return html`<div class="card tagging" role="group" aria-label="Tags of the selected highlight">
      <tag-input
        compact
        label="Tags of the selected highlight"
        .tags=${h.tags}
        @tags-change=${(event: TagsChangeEvent) => this.send({ kind: 'tags', id: h.id, tags: event.tags })}
      ></tag-input>
    </div>`;
  }

  private async openTags(): Promise<void> {
    this.tagsOpen = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('tag-input')?.focus();
  }

  private renderToolbar(h: Highlight) {
    return html`<div
      class="card"
      role="toolbar"
      aria-label="Selected highlight"
      @keydown=${(event: KeyboardEvent) => this.onKey(event, h)}
    >
      ${HIGHLIGHT_COLORS.map(
        (color, index) =>
          html`<button
            class="colour"
            type="button"
            aria-label="Change colour to ${this.labels[color]}"
            aria-pressed=${String(color === h.color)}
            title="Change colour to ${this.labels[color]}"
            tabindex=${index === 0 ? 0 : -1}
            @click=${() => this.send({ kind: 'recolor', id: h.id, color })}
          >
            <span class="swatch ${color}" aria-hidden="true"></span>
          </button>`,
      )}
      <span class="sep" aria-hidden="true"></span>
      ${h.needsCheck ? this.renderConfirm(h) : nothing}
      <button
        class="action"
        type="button"
        aria-label="Edit tags"
        title="Tags (T)"
        tabindex="-1"
        @click=${() => void this.openTags()}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M3 12V4a1 1 0 0 1 1-1h8l9 9-9 9-9-9Z" />
          <circle cx="7.5" cy="7.5" r="1.5" />
        </svg>
      </button>
      <button
        class="action"
        type="button"
        aria-label=${h.note ? 'Edit note' : 'Add note'}
        title="${h.note ? 'Edit note' : 'Add note'} (N)"
        tabindex="-1"
        @click=${() => this.dispatchEvent(new EditHighlightNoteEvent(h.id))}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M6 3h9l4 4v14H6z" />
          <path d="M9 12h7M9 16h5" />
        </svg>
      </button>
      <button
        class="action"
        type="button"
        aria-label="Copy quote"
        title="Copy quote with its source (Shift+click: the quote alone)"
        tabindex="-1"
        @click=${(e: MouseEvent) => this.send({ kind: 'copy', id: h.id, plain: e.shiftKey })}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <rect x="9" y="9" width="11" height="11" rx="2" />
          <path d="M5 15V5a2 2 0 0 1 2-2h10" />
        </svg>
      </button>
      <button
        class="action"
        type="button"
        aria-label="Delete highlight"
        title="Delete highlight"
        tabindex="-1"
        @click=${() => this.send({ kind: 'delete', id: h.id })}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" />
        </svg>
      </button>
    </div>`;
  }

  /** For a highlight to check: confirm its place (also the C key anywhere in the toolbar). */
  private renderConfirm(h: Highlight) {
    return html`<button
      class="action"
      type="button"
      aria-label="Confirm place"
      title="Confirm place (C)"
      tabindex="-1"
      @click=${() => this.send({ kind: 'confirm', id: h.id })}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M5 12.5l4.5 4.5L19 7.5" /></svg>
    </button>`;
  }

  private onKey(event: KeyboardEvent, h: Highlight): void {
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
    if (plain && (event.key === 't' || event.key === 'T')) {
      event.preventDefault();
      void this.openTags();
      return;
    }
    if (plain && h.needsCheck && (event.key === 'c' || event.key === 'C')) {
      event.preventDefault();
      this.send({ kind: 'confirm', id: h.id });
      return;
    }
    if (plain && (event.key === 'n' || event.key === 'N')) {
      event.preventDefault();
      this.dispatchEvent(new EditHighlightNoteEvent(h.id));
      return;
    }
    rovingKeys(event);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'highlight-popover': HighlightPopover;
  }
}
