/**
 * The rename dialog: one "New title" field; Enter saves, Esc cancels. Blank titles are
 * refused here; the core's refusals arrive through `error`.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { DocumentRow } from '../../preload/api';
import { controlStyles } from '../styles/app-styles';
import { dialogStyles } from '../styles/app-dialog-styles';

/**
 * @fires rename-submit - RenameSubmitEvent: the trimmed new title
 * @fires rename-cancel - the user cancelled
 */
@customElement('library-rename-dialog')
export class LibraryRenameDialog extends LitElement {
  static override styles = [controlStyles, dialogStyles];

  /** The document being renamed; `null` closes the dialog. */
  @property({ attribute: false }) document: DocumentRow | null = null;
  /** A refusal from the core, shown under the field. */
  @property() error = '';
  @property({ type: Boolean }) busy = false;

  @state() private localError = '';
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('input') private input!: HTMLInputElement;

  override render() {
    const message = this.localError || this.error;
    return html`
      <dialog aria-labelledby="heading" @cancel=${this.onCancel} @close=${this.onClose}>
        <form method="dialog" @submit=${this.onSubmit} novalidate>
          <h2 id="heading">Rename document</h2>
          <label for="title">New title</label>
          <input
            id="title"
            class="field"
            autocomplete="off"
            spellcheck="false"
            aria-invalid=${message ? 'true' : 'false'}
            aria-describedby=${message ? 'error' : nothing}
            @input=${() => (this.localError = '')}
          />
          ${message ? html`<p id="error" class="error" role="alert">${message}</p>` : nothing}
          <div class="actions">
            <button type="button" class="btn" @click=${this.onCancel}>Cancel</button>
            <button type="submit" class="btn primary" ?disabled=${this.busy}>Save</button>
          </div>
        </form>
      </dialog>
    `;
  }

  override updated(changed: Map<string, unknown>): void {
    if (!changed.has('document')) return;
    if (this.document && !this.dialog.open) {
      this.localError = '';
      this.input.value = this.document.title;
      this.dialog.showModal();
      this.input.select();
    } else if (!this.document && this.dialog.open) {
      this.dialog.close();
    }
  }

  private onSubmit(event: SubmitEvent): void {
    // Stay open until the core has accepted the title.
    event.preventDefault();
    const title = this.input.value.trim();
    if (title === '') {
      this.localError = 'A title cannot be empty.';
      this.input.focus();
      return;
    }
    this.dispatchEvent(new RenameSubmitEvent(title));
  }

  /** The browser may close a dialog itself (a repeated Esc): treat that as a cancel. */
  private onClose(): void {
    if (this.document) this.dispatchEvent(new RenameCancelEvent());
  }

  private onCancel(event: Event): void {
    event.preventDefault();
    this.dispatchEvent(new RenameCancelEvent());
  }
}

/** The user submitted a new title (trimmed, not empty). */
export class RenameSubmitEvent extends Event {
  static readonly eventName = 'rename-submit';
  constructor(readonly title: string) {
    super(RenameSubmitEvent.eventName);
  }
}

/** The user closed the dialog without renaming. */
export class RenameCancelEvent extends Event {
  static readonly eventName = 'rename-cancel';
  constructor() {
    super(RenameCancelEvent.eventName);
  }
}

declare global {
  interface HTMLElementEventMap {
    'rename-submit': RenameSubmitEvent;
    'rename-cancel': RenameCancelEvent;
  }
  interface HTMLElementTagNameMap {
    'library-rename-dialog': LibraryRenameDialog;
  }
}
