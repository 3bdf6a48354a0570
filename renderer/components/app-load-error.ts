/**
 * The error state of a view whose data failed to load: what could not be loaded, the core's
 * reason, and a Retry button (plus whatever else the view slots in, such as "Back to library").
 */
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { RetryLoadEvent } from '../lib/events';
import { controlStyles } from '../styles/app-styles';

/** @fires retry-load - RetryLoadEvent: the user pressed Retry. */
@customElement('app-load-error')
export class AppLoadError extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
        max-width: 520px;
        margin: var(--space-8) auto 0;
        padding: 0 var(--space-5);
        text-align: center;
      }
      h2 {
        margin: 0 0 var(--space-3);
        font-family: var(--font-serif);
        font-size: 1.5rem;
        font-weight: 600;
      }
      .reason {
        margin: 0 0 var(--space-2);
        color: var(--fg);
        line-height: 1.5;
        overflow-wrap: anywhere;
      }
      .code {
        margin: 0 0 var(--space-5);
        color: var(--fg-muted);
        font-size: 0.8125rem;
      }
      .actions {
        display: flex;
        justify-content: center;
        gap: var(--space-3);
      }
      /* A view's own way out ("Back to library"), styled like the Retry button beside it. */
      ::slotted(button) {
        height: 36px;
        padding: 0 var(--space-4);
        border: 1px solid var(--border);
        border-radius: var(--radius-sm);
        background: var(--surface);
        color: var(--fg);
        font: inherit;
        font-size: 0.875rem;
        font-weight: 500;
        cursor: pointer;
      }
    `,
  ];

  /** What could not be loaded, as a heading ("Your library could not be loaded"). */
  @property() heading = '';
  /** Why, in the core's words. */
  @property() reason = '';
  /** The failure's code, shown small for bug reports. */
  @property() code = '';

  override render() {
    return html`
      <section role="alert" aria-labelledby="heading">
        <h2 id="heading">${this.heading}</h2>
        <p class="reason">${this.reason}</p>
        <p class="code">Error code: ${this.code}</p>
        <div class="actions">
          <button class="btn primary retry" @click=${() => this.dispatchEvent(new RetryLoadEvent())}>
            Retry
          </button>
          <slot></slot>
        </div>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'app-load-error': AppLoadError;
  }
}
