/**
 * <reader-document-tags>: the open document's tags in the reader's header — a tool button that
 * shows how many there are and opens the document's tag dialog.
 */
import { LitElement, type PropertyValues, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DocumentSummary } from '../../preload/api';
import type { TaggedDocument } from './document-tags-dialog';
import './document-tags-dialog';

@customElement('reader-document-tags')
export class ReaderDocumentTags extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
    button {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      height: 32px;
      padding: 0 8px;
      border: 0;
      border-radius: var(--radius-sm, 6px);
      background: transparent;
      color: var(--fg-muted);
      font: inherit;
      font-size: 0.8125rem;
      cursor: pointer;
    }
    button:hover,
    button:focus-visible {
      background: var(--surface-2);
      color: var(--fg);
    }
    svg {
      width: 16px;
      height: 16px;
      fill: none;
      stroke: currentColor;
      stroke-width: 1.75;
    }
  `;

  @property({ attribute: false }) summary: DocumentSummary | null = null;
  @state() private editing: TaggedDocument | null = null;
  /** Tags as last stored from here (the summary is the document's as opened). */
  @state() private stored: readonly string[] | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('summary') && changed.get('summary')?.id !== this.summary?.id) this.stored = null;
  }

  override render() {
    const summary = this.summary;
    if (!summary) return nothing;
    const tags = this.stored ?? summary.tags;
    return html`<button
        type="button"
        aria-label="Tags of this document${tags.length > 0 ? `: ${tags.join(', ')}` : ''}"
        title=${tags.length > 0 ? tags.map((tag) => `#${tag}`).join(' ') : 'Add tags'}
        @click=${() => (this.editing = { id: summary.id, title: summary.title, tags })}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M3 12V4a1 1 0 0 1 1-1h8l9 9-9 9-9-9Z" />
          <circle cx="7.5" cy="7.5" r="1.5" />
        </svg>
        ${tags.length > 0 ? html`<span>${tags.length}</span>` : nothing}
      </button>
      <document-tags-dialog
        .document=${this.editing}
        @library-edited=${(event: Event) => this.onEdited(event)}
        @dialog-close=${() => (this.editing = null)}
      ></document-tags-dialog>`;
  }

  private onEdited(event: Event): void {
    const dialog = event.target as HTMLElement & { tagsShown?: readonly string[] };
    if (dialog.tagsShown !== undefined) this.stored = dialog.tagsShown;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reader-document-tags': ReaderDocumentTags;
  }
}
