/**
 * <highlight-panel>: the reader's side panel of highlights. A legend of the six colours, the
 * placed highlights in document order (each a button that goes to its passage), then the
 * unplaced ones (their text changed under them) with their original context and repairs.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { HIGHLIGHT_COLORS, type Highlight, type HighlightColor } from '../../preload/api';
import { HighlightCommandEvent, type HighlightCommand } from '../highlighting/events';
import { swatchStyles } from '../highlighting/highlight-styles';

/**
 * @fires highlight-command - HighlightCommandEvent: show, reattach or delete.
 */
@customElement('highlight-panel')
export class HighlightPanel extends LitElement {
  static override styles = [
    swatchStyles,
    css`
      :host {
        display: block;
        flex: none;
        width: 320px;
        overflow-y: auto;
        border-inline-start: 1px solid color-mix(in srgb, var(--border, #ddd) 60%, transparent);
        background: var(--surface, var(--reader-bg, #f6f4ef));
        font-family: var(--font-ui, system-ui, sans-serif);
        font-size: 0.875rem;
        color: var(--fg, #222);
      }
      @media (max-width: 999px) {
        :host {
          position: absolute;
          inset: 0 0 0 auto;
          z-index: 2;
          width: min(340px, 88vw);
          box-shadow: 0 10px 40px rgba(0, 0, 0, 0.22);
        }
      }
      h2 {
        margin: 18px 16px 8px;
        font-size: 0.75rem;
        font-weight: 600;
        letter-spacing: 0.06em;
        text-transform: uppercase;
        color: var(--fg-muted, #666);
      }
      .legend {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 6px 12px;
        margin: 0;
        padding: 14px 16px 12px;
        list-style: none;
        border-bottom: 1px solid var(--border, #ddd);
        color: var(--fg-muted, #666);
        font-size: 0.8125rem;
      }
      .legend li {
        display: flex;
        align-items: center;
        gap: 8px;
      }
      ul.items {
        margin: 0;
        padding: 0 8px 12px;
        list-style: none;
      }
      .item {
        display: flex;
        gap: 10px;
        width: 100%;
        padding: 10px 8px;
        border: 0;
        border-radius: 8px;
        background: transparent;
        font: inherit;
        color: inherit;
        text-align: start;
        cursor: pointer;
      }
      .item:hover,
      .item[aria-current='true'] {
        background: var(--surface-2, rgba(127, 127, 127, 0.12));
      }
      .item:focus-visible,
      .repair button:focus-visible {
        outline: 2px solid var(--focus-ring, #3b82f6);
        outline-offset: -2px;
      }
      .item .swatch {
        margin-top: 3px;
      }
      .label {
        display: block;
        font-size: 0.75rem;
        color: var(--fg-muted, #666);
      }
      .quote {
        display: -webkit-box;
        -webkit-line-clamp: 3;
        -webkit-box-orient: vertical;
        overflow: hidden;
        font-family: var(--font-serif, Georgia, serif);
        line-height: 1.45;
      }
      .context {
        color: var(--fg-muted, #666);
      }
      .unplaced {
        padding: 8px;
      }
      .repair {
        display: flex;
        gap: 6px;
        padding: 0 8px 0 32px;
      }
      .repair button {
        font: inherit;
        font-size: 0.8125rem;
        padding: 4px 10px;
        border-radius: 6px;
        border: 1px solid var(--border, #ccc);
        background: var(--surface, #fff);
        color: inherit;
        cursor: pointer;
      }
      .repair button:disabled {
        opacity: 0.5;
        cursor: default;
      }
      .empty {
        margin: 20px 16px;
        color: var(--fg-muted, #666);
        line-height: 1.5;
      }
      .empty p {
        margin: 0 0 6px;
      }
      .keys {
        white-space: nowrap;
      }
      kbd {
        display: inline-block;
        min-width: 1.4em;
        padding: 0 5px;
        border: 1px solid var(--border, #ccc);
        border-bottom-width: 2px;
        border-radius: 4px;
        background: var(--surface-2, rgba(127, 127, 127, 0.08));
        font: inherit;
        font-size: 0.75rem;
        line-height: 1.5;
        text-align: center;
        color: var(--fg, #222);
      }
    `,
  ];

  /** Placed highlights, in document order. */
  @property({ attribute: false }) placed: Highlight[] = [];
  /** Highlights that could not be placed on the current text. */
  @property({ attribute: false }) unplaced: Highlight[] = [];
  @property({ attribute: false }) labels!: Record<HighlightColor, string>;
  /** The selected highlight's id, marked in the list. */
  @property({ attribute: false }) selectedId: string | null = null;
  /** True while the reader has text selected (an unplaced highlight can be re-attached to it). */
  @property({ type: Boolean }) canReattach = false;

  private send(command: HighlightCommand): void {
    this.dispatchEvent(new HighlightCommandEvent(command));
  }

  override render() {
    return html`
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
      <ul class="items" aria-label="Highlights in document order">
        ${repeat(
          this.placed,
          (h) => h.id,
          (h) =>
            html`<li>
              <button
                class="item"
                type="button"
                aria-current=${String(h.id === this.selectedId)}
                @click=${() => this.send({ kind: 'show', id: h.id })}
              >
                <span class="swatch ${h.color}" aria-hidden="true"></span>
                <span
                  ><span class="label">${this.labels[h.color]}</span
                  ><span class="quote">${h.quote.exact}</span></span
                >
              </button>
            </li>`,
        )}
      </ul>
      ${this.unplaced.length > 0 ? this.renderUnplaced() : nothing}
    `;
  }

  private renderUnplaced() {
    return html`<section aria-labelledby="unplaced-heading">
      <h2 id="unplaced-heading">Unplaced</h2>
      <ul class="items" aria-label="Unplaced highlights">
        ${repeat(
          this.unplaced,
          (h) => h.id,
          (h) =>
            html`<li>
              <div class="item unplaced">
                <span class="swatch ${h.color}" aria-hidden="true"></span>
                <span
                  ><span class="label">${this.labels[h.color]} · text changed</span>
                  <span class="quote"
                    ><span class="context">…${h.quote.prefix}</span>${h.quote.exact}<span class="context"
                      >${h.quote.suffix}…</span
                    ></span
                  ></span
                >
              </div>
              <div class="repair">
                <button
                  type="button"
                  ?disabled=${!this.canReattach}
                  @click=${() => this.send({ kind: 'reattach', id: h.id })}
                >
                  Re-attach to selection
                </button>
                <button type="button" @click=${() => this.send({ kind: 'delete', id: h.id })}>Delete</button>
              </div>
            </li>`,
        )}
      </ul>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'highlight-panel': HighlightPanel;
  }
}
