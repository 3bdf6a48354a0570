/**
 * <document-tags-dialog>: edits one document's tags with a <tag-input>; every change is stored at
 * once (setDocumentTags) and put back, with the reason, when storing fails.
 */
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { LecternBridge } from '../../preload/api';
import { call } from '../app/calls';
import { bridgeContext } from '../lib/bridge-context';
import { LibraryEditedEvent } from '../lib/events';
import { controlStyles } from '../styles/app-styles';
import { dialogStyles } from '../styles/app-dialog-styles';
import type { TagInput, TagsChangeEvent } from './tag-input';
import './tag-input';

/** The document whose tags are edited. */
export interface TaggedDocument {
  id: string;
  title: string;
  tags: readonly string[];
}

/** @fires dialog-close - closed; library-edited - the tags changed */
@customElement('document-tags-dialog')
export class DocumentTagsDialog extends LitElement {
  static override styles = [
    controlStyles,
    dialogStyles,
    css`
      .error {
        color: var(--danger);
        font-size: 0.8125rem;
      }
    `,
  ];

  /** `null` closes the dialog. */
  @property({ attribute: false }) document: TaggedDocument | null = null;
  @consume({ context: bridgeContext }) private bridge?: LecternBridge;
  @state() private tags: readonly string[] = [];

  /** The tags as stored last (for a host that shows them). */
  get tagsShown(): readonly string[] {
    return this.tags;
  }
  @state() private error = '';
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('tag-input') private input!: TagInput;

  override render() {
    const title = this.document?.title ?? '';
    return html`<dialog aria-label="Tags of “${title}”" @close=${this.onClose}>
      <h2>Tags of “${title}”</h2>
      <tag-input label="Tags of “${title}”" .tags=${this.tags} @tags-change=${this.onChange}></tag-input>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="actions">
        <button type="button" class="btn primary" @click=${() => this.dialog.close()}>Done</button>
      </div>
    </dialog>`;
  }

  override updated(changed: Map<string, unknown>): void {
    if (!changed.has('document')) return;
    if (this.document && !this.dialog.open) {
      this.tags = this.document.tags;
      this.error = '';
      this.dialog.showModal();
      this.input.focus();
    } else if (!this.document && this.dialog.open) this.dialog.close();
  }

  private readonly onChange = async (event: TagsChangeEvent): Promise<void> => {
    const doc = this.document;
    if (!doc || !this.bridge) return;
    const before = this.tags;
    this.tags = event.tags;
    const saved = await call(this.bridge, 'setDocumentTags', doc.id, event.tags);
    if (this.document?.id !== doc.id) return;
    if (!saved.ok) {
      this.tags = before;
      this.error = `The tags were not saved: ${saved.message}`;
      return;
    }
    this.error = '';
    this.tags = saved.value.tags;
    this.dispatchEvent(new LibraryEditedEvent());
  };

  private readonly onClose = (): void => {
    this.dispatchEvent(new Event('dialog-close'));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'document-tags-dialog': DocumentTagsDialog;
  }
}
