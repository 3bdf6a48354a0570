/**
 * The toast stack. Errors are role=alert and stay until dismissed; other toasts sit in a
 * polite status region and fade after a few seconds (the timer waits while the pointer or
 * focus is inside the stack, so nobody loses a message they are reading or an Undo). A toast
 * whose action was done another way (`closesWhen`) closes; F6 reaches the newest (focusNewest).
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Toast } from '../lib/events';
import { controlStyles } from '../styles/app-styles';
import { icons } from '../styles/app-icons';

const FADE_AFTER_MS = 6000;

/** @fires toast-dismiss - ToastDismissEvent: the id of the toast to remove. */
@customElement('app-toasts')
export class AppToasts extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        position: fixed;
        inset: auto var(--space-5) var(--space-5) auto;
        z-index: 50;
        display: flex;
        flex-direction: column;
        gap: var(--space-2);
        width: min(400px, calc(100vw - 2 * var(--space-5)));
        pointer-events: none;
      }
      [role='status'] {
        display: flex;
        flex-direction: column;
        gap: var(--space-2);
      }
      .toast {
        pointer-events: auto;
        display: flex;
        align-items: center;
        gap: var(--space-3);
        padding: var(--space-3) var(--space-2) var(--space-3) var(--space-4);
        border: 1px solid var(--border);
        border-radius: var(--radius);
        background: var(--surface);
        box-shadow: var(--shadow-lg);
        font-size: 0.875rem;
        line-height: 1.4;
        animation: rise 220ms var(--ease);
      }
      .toast.error {
        border-color: color-mix(in srgb, var(--danger) 45%, var(--border));
      }
      /* An error's message is long (what failed, then why): its action goes under it, full width for the text. */
      .toast.error:has(.action) {
        display: grid;
        grid-template-columns: 8px 1fr auto;
        align-items: start;
        row-gap: var(--space-1);
      }
      .toast.error:has(.action)::before {
        margin-top: 6px;
      }
      .toast.error:has(.action) .action {
        grid-area: 2 / 2;
        justify-self: start;
        margin-left: calc(-1 * var(--space-3));
      }
      .toast.error:has(.action) .icon {
        grid-area: 1 / 3;
        margin-top: -5px;
      }
      .toast::before {
        content: '';
        flex: none;
        width: 8px;
        height: 8px;
        border-radius: 50%;
        background: var(--accent);
      }
      .toast.info::before {
        background: var(--fg-muted);
      }
      .toast.error::before {
        background: var(--danger);
      }

      .message {
        flex: 1;
        overflow-wrap: anywhere;
      }
      /* A long list under the message: the dot and the close button stay by the first line. */
      .toast:has(details) {
        align-items: start;
      }
      .message ul {
        max-height: 40vh;
        overflow: auto;
        margin: var(--space-1) 0 0;
        padding-left: var(--space-4);
      }
      .message summary {
        cursor: pointer;
        margin-top: var(--space-1);
      }
      .error .message::before {
        content: 'Error: ';
        font-weight: 600;
        color: var(--danger);
      }
      .btn {
        height: 30px;
        padding: 0 var(--space-3);
        font-size: 0.8125rem;
      }
      .btn.action {
        color: var(--accent);
        font-weight: 600;
      }
      .btn.icon {
        width: 30px;
      }
      kbd {
        font: inherit;
        font-weight: 400;
        opacity: 0.85;
      }
      .visually-hidden {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      @keyframes rise {
        from {
          opacity: 0;
          transform: translateY(8px);
        }
      }
    `,
  ];

  /** Newest last. */
  @property({ attribute: false }) toasts: Toast[] = [];

  private readonly timers = new Map<number, number>();
  private holding = false;

  constructor() {
    super();
    this.addEventListener('pointerenter', () => (this.holding = true));
    this.addEventListener('pointerleave', () => (this.holding = false));
  }

  override render() {
    const errors = this.toasts.filter((t) => t.kind === 'error');
    const others = this.toasts.filter((t) => t.kind !== 'error');
    return html`
      ${repeat(
        errors,
        (t) => t.id,
        (t) => this.renderToast(t, 'alert'),
      )}
      <div role="status" aria-live="polite">
        ${repeat(
          others,
          (t) => t.id,
          (t) => this.renderToast(t, null),
        )}
      </div>
    `;
  }

  private renderToast(toast: Toast, role: 'alert' | null) {
    return html`
      <div class="toast ${toast.kind}" role=${role ?? nothing}>
        <div class="message">
          ${toast.message}${
            toast.action?.shortcut
              ? html`<span class="visually-hidden"
                  >. ${toast.action.label}: ${toast.action.shortcut}, or F6 to reach this message.</span
                >`
              : nothing
          }
          ${
            toast.details
              ? html`<details>
                  <summary>Show each file and why</summary>
                  <ul>
                    ${toast.details.map((line) => html`<li>${line}</li>`)}
                  </ul>
                </details>`
              : nothing
          }
        </div>
        ${
          toast.action
            ? html`<button
                class="btn ghost action"
                aria-keyshortcuts=${toast.action.shortcut?.replace('Ctrl', 'Control') ?? nothing}
                title=${toast.action.shortcut ? `${toast.action.label} (${toast.action.shortcut})` : nothing}
                @click=${() => this.act(toast)}
              >
                ${toast.action.label}${toast.action.shortcut ? html` <kbd>${toast.action.shortcut}</kbd>` : nothing}
              </button>`
            : nothing
        }
        <button
          class="btn ghost icon"
          aria-label="Dismiss"
          title="Dismiss"
          @click=${() => {
            toast.onDismiss?.();
            this.dismiss(toast.id);
          }}
        >
          ${icons.close}
        </button>
      </div>
    `;
  }

  override updated(): void {
    for (const toast of this.toasts) {
      if (this.timers.has(toast.id)) continue;
      if (toast.kind !== 'error') this.arm(toast.id);
      else this.timers.set(toast.id, 0);
      // Done another way (Ctrl+Z for an Undo): the toast has nothing left to offer.
      void toast.closesWhen?.then(() => this.timers.has(toast.id) && this.dismiss(toast.id));
    }
  }

  /** F6 lands here: focus on the newest toast's first button. False when there is no toast. */
  focusNewest(): boolean {
    const buttons = this.renderRoot.querySelectorAll<HTMLButtonElement>('.toast button');
    const newest = [...this.renderRoot.querySelectorAll<HTMLElement>('.toast')].at(-1);
    const target = newest?.querySelector<HTMLButtonElement>('button') ?? buttons[0];
    target?.focus();
    return target !== undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private arm(id: number): void {
    this.timers.set(
      id,
      window.setTimeout(() => {
        const focusInside = Boolean(this.shadowRoot?.activeElement);
        if (this.holding || focusInside) this.arm(id);
        else this.dismiss(id);
      }, FADE_AFTER_MS),
    );
  }

  private act(toast: Toast): void {
    toast.action?.run();
    if (!toast.action?.keepOpen) this.dismiss(toast.id);
  }

  private dismiss(id: number): void {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    this.dispatchEvent(new ToastDismissEvent(id));
  }
}

/** A toast should go (its close button, its action, its timer). */
export class ToastDismissEvent extends Event {
  static readonly eventName = 'toast-dismiss';
  constructor(readonly toastId: number) {
    super(ToastDismissEvent.eventName);
  }
}

declare global {
  interface HTMLElementEventMap {
    'toast-dismiss': ToastDismissEvent;
  }
  interface HTMLElementTagNameMap {
    'app-toasts': AppToasts;
  }
}
