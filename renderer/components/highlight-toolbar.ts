/**
 * <highlight-toolbar>: the small floating toolbar over a text selection, one button per
 * highlight colour (named by what the colour means to this reader). Keys: H applies the
 * last colour and 1–6 a colour (handled by the controller, shown here as hints).
 */
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../preload/api';
import { HighlightCommandEvent } from '../highlighting/events';
import type { FloatingAnchor } from '../highlighting/floating-place';
import { swatchStyles } from '../highlighting/highlight-styles';
import { floatingStyles } from '../highlighting/highlight-floating-styles';
import { FloatingPlacementController } from '../highlighting/highlight-floating-placement';

/** Arrow keys move between a toolbar's buttons (one tab stop for the whole toolbar). */
export function rovingKeys(event: KeyboardEvent): void {
  if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
  const toolbar = event.currentTarget as HTMLElement;
  const buttons = [...toolbar.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
  const root = toolbar.getRootNode() as ShadowRoot;
  const at = buttons.indexOf(root.activeElement as HTMLButtonElement);
  const next = buttons[(at + (event.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length];
  next?.focus();
  event.preventDefault();
  event.stopPropagation();
}

/** @fires highlight-command - HighlightCommandEvent: `create` with the chosen colour. */
@customElement('highlight-toolbar')
export class HighlightToolbar extends LitElement {
  static override styles = [floatingStyles, swatchStyles];

  /** What each colour means (Settings.highlightLabels). */
  @property({ attribute: false }) labels!: Record<HighlightColor, string>;
  /** The colour H applies. */
  @property({ attribute: false }) lastColor: HighlightColor = 'yellow';
  /** False until the whole document is rendered (offsets are over the whole text). */
  @property({ type: Boolean }) ready = false;
  /** The selection's line boxes and the reading area the toolbar stays inside. */
  @property({ attribute: false }) anchor: FloatingAnchor | null = null;

  protected readonly placement = new FloatingPlacementController(this, () => this.anchor);

  /** Focuses the first colour (for keyboard users). */
  override focus(): void {
    this.renderRoot.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
  }

  override render() {
    return html`<div
      class="card"
      role="toolbar"
      aria-label="Highlight"
      @mousedown=${(event: Event) => event.preventDefault()}
      @keydown=${rovingKeys}
    >
      ${HIGHLIGHT_COLORS.map((color, index) => {
        const label = this.labels[color];
        // The keys go in aria-keyshortcuts; the tooltip is the button's name, as for every icon button.
        const keys = color === this.lastColor ? `H ${index + 1}` : String(index + 1);
        return html`<button
          class="colour"
          type="button"
          aria-label="Highlight as ${label}"
          title="Highlight as ${label}"
          aria-keyshortcuts=${keys}
          ?disabled=${!this.ready}
          tabindex=${index === 0 ? 0 : -1}
          @click=${() => this.dispatchEvent(new HighlightCommandEvent({ kind: 'create', color }))}
        >
          <span class="swatch ${color}" aria-hidden="true"></span>
        </button>`;
      })}
      ${this.ready ? '' : html`<span class="hint" role="status">Loading the rest of the document…</span>`}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'highlight-toolbar': HighlightToolbar;
  }
}
