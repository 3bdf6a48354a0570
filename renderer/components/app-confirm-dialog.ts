/** A modal yes/no question (native <dialog>): Esc and "Cancel" cancel, the confirm button confirms. */
import { LitElement, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { controlStyles } from '../styles/app-styles';
import { dialogStyles } from '../styles/app-dialog-styles';

/**
 * @fires confirm-accept - ConfirmAcceptEvent: the user confirmed
 * @fires confirm-cancel - ConfirmCancelEvent: the user cancelled (button, Esc)
 */
@customElement('app-confirm-dialog')
export class AppConfirmDialog extends LitElement {
  static override styles = [controlStyles, dialogStyles];

  @property({ type: Boolean }) open = false;
  @property() heading = '';
  @property() message = '';
  @property() confirmLabel = 'OK';
  /** Style the confirm button as destructive. */
  @property({ type: Boolean }) danger = false;

  @query('dialog') private dialog!: HTMLDialogElement;

  override render() {
    return html`
      <dialog
        aria-labelledby="heading"
        aria-describedby="message"
        @cancel=${this.onCancel}
        @close=${this.onClose}
      >
        <h2 id="heading">${this.heading}</h2>
        <p id="message">${this.message}</p>
        <div class="actions">
          <button class="btn" @click=${this.onCancel}>Cancel</button>
          <button class="btn ${this.danger ? 'danger' : 'primary'}" autofocus @click=${this.onConfirm}>
            ${this.confirmLabel}
          </button>
        </div>
      </dialog>
    `;
  }

  override updated(changed: Map<string, unknown>): void {
    if (!changed.has('open')) return;
    if (this.open && !this.dialog.open) this.dialog.showModal();
    if (!this.open && this.dialog.open) this.dialog.close();
  }

  private onCancel(event: Event): void {
    event.preventDefault();
    this.dispatchEvent(new ConfirmCancelEvent());
  }

  /** The browser may close a dialog itself (a repeated Esc): treat that as a cancel. */
  private onClose(): void {
    if (this.open) this.dispatchEvent(new ConfirmCancelEvent());
  }

  private onConfirm(): void {
    this.dispatchEvent(new ConfirmAcceptEvent());
  }
}

/** The user confirmed the dialog's action. */
export class ConfirmAcceptEvent extends Event {
  static readonly eventName = 'confirm-accept';
  constructor() {
    super(ConfirmAcceptEvent.eventName);
  }
}

/** The user dismissed the dialog (Cancel, Esc). */
export class ConfirmCancelEvent extends Event {
  static readonly eventName = 'confirm-cancel';
  constructor() {
    super(ConfirmCancelEvent.eventName);
  }
}

declare global {
  interface HTMLElementEventMap {
    'confirm-accept': ConfirmAcceptEvent;
    'confirm-cancel': ConfirmCancelEvent;
  }
  interface HTMLElementTagNameMap {
    'app-confirm-dialog': AppConfirmDialog;
  }
}
