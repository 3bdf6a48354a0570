/**
 * The library: toolbar, the virtualized document list (10,000 rows filter as you type),
 * empty states, and the rename and delete dialogs. Data comes down as properties; the
 * bridge comes from context; changes go up as events the shell handles.
 */
import { LitElement, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import type { DocumentSummary, LecternBridge, Settings } from '../../preload/api';
import { call, failureToast, type CallFailure } from '../app/calls';
import { bridgeContext } from '../lib/bridge-context';
import { ImportRequestEvent, LibraryEditedEvent, OpenDocumentEvent, ToastEvent } from '../lib/events';
import { formatDocumentCount } from '../lib/format';
import {
  type IndexedDocument,
  filterDocuments,
  indexDocuments,
  sortDocuments,
} from '../library/library-filter';
import { controlStyles } from '../styles/app-styles';
import { icons } from '../styles/app-icons';
import { type RowContext, renderDocumentRow, rowStyles } from '../library/library-row';
import { libraryStyles } from '../library/library-view-styles';
import type { FilterChangeEvent } from './library-toolbar';
import type { RenameSubmitEvent } from './library-rename-dialog';
import './app-confirm-dialog';
import './app-load-error';
import './library-rename-dialog';
import './library-toolbar';

/**
 * @fires open-document, import-request, navigate, settings-change, library-edited, toast, retry-load
 */
@customElement('library-view')
export class LibraryView extends LitElement {
  static override styles = [controlStyles, rowStyles, libraryStyles()];

  /** The library's documents; `null` while loading. */
  @property({ attribute: false }) documents: DocumentSummary[] | null = null;
  @property({ attribute: false }) settings: Settings | null = null;
  /** Why the list could not be loaded (then `documents` is null): shown with Retry. */
  @property({ attribute: false }) failure: CallFailure | null = null;

  @consume({ context: bridgeContext }) private bridge?: LecternBridge;

  @state() private query = '';
  @state() private renaming: DocumentSummary | null = null;
  @state() private renameError = '';
  @state() private renameBusy = false;
  @state() private deleting: DocumentSummary | null = null;

  private index: IndexedDocument[] = [];
  private visible: DocumentSummary[] = [];
  private readonly locale = navigator.language || 'en-US';

  protected override willUpdate(changed: PropertyValues): void {
    const sort = this.settings?.librarySort ?? 'recent';
    const previousSort = (changed.get('settings') as Settings | null | undefined)?.librarySort;
    if (changed.has('documents') || (changed.has('settings') && previousSort !== sort)) {
      this.index = indexDocuments(sortDocuments(this.documents ?? [], sort, this.locale));
      this.visible = filterDocuments(this.index, this.query);
    } else if (changed.has('query')) {
      this.visible = filterDocuments(this.index, this.query);
    }
  }

  override render() {
    return html`
      <library-toolbar
        .query=${this.query}
        .sort=${this.settings?.librarySort ?? 'recent'}
        .theme=${this.settings?.theme ?? 'system'}
        ?empty=${this.documents?.length === 0}
        @filter-change=${(e: FilterChangeEvent) => (this.query = e.filter)}
      ></library-toolbar>
      <main>${this.renderContent()}</main>
      <library-rename-dialog
        .document=${this.renaming}
        .error=${this.renameError}
        ?busy=${this.renameBusy}
        @rename-submit=${this.onRenameSubmit}
        @rename-cancel=${() => (this.renaming = null)}
      ></library-rename-dialog>
      <app-confirm-dialog
        ?open=${this.deleting !== null}
        danger
        heading=${this.deleting ? `Move “${this.deleting.title}” to the trash?` : ''}
        message="You can restore it from the Trash."
        confirmLabel="Move to Trash"
        @confirm-accept=${this.onDeleteConfirm}
        @confirm-cancel=${() => (this.deleting = null)}
      ></app-confirm-dialog>
    `;
  }

  private renderContent() {
    if (this.failure) {
      return html`<app-load-error
        heading="Your library could not be loaded"
        reason=${this.failure.message}
        code=${this.failure.code}
      ></app-load-error>`;
    }
    if (this.documents === null) return html`<p class="loading" aria-busy="true">Opening your library…</p>`;
    if (this.documents.length === 0) return this.renderEmptyLibrary();
    const total = formatDocumentCount(this.documents.length, this.locale);
    const filtering = this.query.trim() !== '';
    return html`
      <header class="page-head">
        <h1>Library</h1>
        <p class="count" aria-live="polite">
          ${filtering ? `${new Intl.NumberFormat(this.locale).format(this.visible.length)} of ${total}` : total}
        </p>
      </header>
      ${this.visible.length === 0 ? this.renderNoMatch() : this.renderList()}
    `;
  }

  private renderList() {
    const ctx: RowContext = {
      total: this.visible.length,
      locale: this.locale,
      now: new Date(),
      open: (doc) => this.dispatchEvent(new OpenDocumentEvent(doc.id)),
      rename: (doc) => {
        this.renameError = '';
        this.renaming = doc;
      },
      remove: (doc) => (this.deleting = doc),
    };
    return html`
      <div class="list" role="list" aria-label="Documents" @keydown=${this.onListKey}>
        ${virtualize({
          items: this.visible,
          keyFunction: (doc: DocumentSummary) => doc.id,
          renderItem: (doc: DocumentSummary, index: number) => renderDocumentRow(doc, index, ctx),
        })}
      </div>
    `;
  }

  private renderEmptyLibrary() {
    return html`
      <section class="empty" aria-labelledby="empty-heading">
        <div class="empty-art" aria-hidden="true">${icons.book}</div>
        <h1 id="empty-heading">Your library is empty</h1>
        <p>Bring in articles, essays and books as Markdown or plain text. They stay on this computer.</p>
        <button class="btn primary large" @click=${() => this.dispatchEvent(new ImportRequestEvent())}>
          ${icons.upload}Import documents…
        </button>
        <p class="hint">or drop .md and .txt files anywhere in this window</p>
      </section>
    `;
  }

  private renderNoMatch() {
    return html`
      <section class="empty no-match">
        <h2>No documents match “${this.query.trim()}”</h2>
        <p>Try another word, or clear the filter to see your whole library.</p>
        <button class="btn" @click=${this.clearFilter}>Clear filter</button>
      </section>
    `;
  }

  private async clearFilter(): Promise<void> {
    this.query = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('library-toolbar')?.focus();
  }

  /** Arrow keys move between documents; Enter (a native button) opens one. */
  private onListKey(event: KeyboardEvent): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const current = event.composedPath()[0];
    if (!(current instanceof HTMLElement) || !current.classList.contains('open')) return;
    const next = Number(current.dataset['index']) + (event.key === 'ArrowDown' ? 1 : -1);
    const target = this.renderRoot.querySelector<HTMLElement>(`.open[data-index="${next}"]`);
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView({ block: 'nearest' });
  }

  private async onRenameSubmit(event: RenameSubmitEvent): Promise<void> {
    const doc = this.renaming;
    if (!doc || !this.bridge) return;
    if (event.title === doc.title) {
      this.renaming = null;
      return;
    }
    this.renameBusy = true;
    const result = await call(this.bridge, 'renameDocument', doc.id, event.title);
    this.renameBusy = false;
    if (!result.ok) {
      this.renameError = result.message;
      return;
    }
    this.renaming = null;
    this.dispatchEvent(new LibraryEditedEvent());
  }

  private async onDeleteConfirm(): Promise<void> {
    const doc = this.deleting;
    const bridge = this.bridge;
    this.deleting = null;
    if (!doc || !bridge) return;
    const result = await call(bridge, 'deleteDocument', doc.id);
    if (!result.ok) {
      this.dispatchEvent(new ToastEvent(failureToast(`Could not move “${doc.title}” to the trash`, result)));
      return;
    }
    this.dispatchEvent(new LibraryEditedEvent());
    const undo = async (): Promise<void> => {
      const restored = await call(bridge, 'restoreDocument', doc.id);
      this.dispatchEvent(
        restored.ok
          ? new LibraryEditedEvent()
          : new ToastEvent(failureToast(`Could not restore “${doc.title}”`, restored)),
      );
    };
    this.dispatchEvent(
      new ToastEvent({
        kind: 'success',
        message: `Moved “${doc.title}” to the trash`,
        action: { label: 'Undo', run: () => void undo() },
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'library-view': LibraryView;
  }
}
