/**
 * The library: toolbar, the windowed document list (fixed-height rows placed by row-list.ts;
 * placeholder rows while a window loads), empty states, the rename, delete and export dialogs.
 * The list controller comes down as a property; the bridge from context; changes go up as events.
 */
import { LitElement, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { DocumentRow, LecternBridge, Settings } from '../../preload/api';
import { call, failureToast, type CallFailure } from '../app/calls';
import type { LibraryListController } from '../app/library-list';
import { bridgeContext } from '../lib/bridge-context';
import { ImportRequestEvent, LibraryEditedEvent, OpenDocumentEvent, ToastEvent } from '../lib/events';
import { formatDocumentCount, formatNumber } from '../lib/format';
import { controlStyles } from '../styles/app-styles';
import type { RowContext } from '../library/library-row';
import { renderDocumentList, rowOf } from '../library/document-list';
import { rowStyles } from '../library/library-row-styles';
import { RowListController } from '../library/row-list';
import { renderEmptyLibrary, renderNoMatch } from '../library/library-empty';
import { libraryStyles } from '../library/library-view-styles';
import { focusRow, onListKey } from '../library/list-focus';
import { markList } from '../library/list-marks';
import type { FilterChangeEvent } from './library-toolbar';
import type { RenameSubmitEvent } from './library-rename-dialog';
import './app-confirm-dialog';
import './app-load-error';
import './library-rename-dialog';
import './library-toolbar';
import './import-highlights';
import './document-tags-dialog';
import './export-dialog';
import './library-tag-filter';
import type { TagFilterEvent } from './library-tag-filter';

/**
 * @fires open-document, import-request, navigate, settings-change, library-edited, toast, retry-load
 */
@customElement('library-view')
export class LibraryView extends LitElement {
  static override styles = [controlStyles, ...rowStyles, libraryStyles()];

  /** The library's list in windows (null without a bridge). */
  @property({ attribute: false }) list: LibraryListController | null = null;
  /** The list's version: a new value re-renders the rows. */
  @property({ type: Number }) listVersion = 0;
  @property({ attribute: false }) settings: Settings | null = null;
  /** Why the list could not be loaded: shown with Retry. */
  @property({ attribute: false }) failure: CallFailure | null = null;

  @consume({ context: bridgeContext }) private bridge?: LecternBridge;

  @state() private query = '';
  @state() private renaming: DocumentRow | null = null;
  @state() private renameError = '';
  @state() private renameBusy = false;
  @state() private deleting: DocumentRow | null = null;
  @state() private tagging: DocumentRow | null = null;
  /** Only documents with this tag (or a child of it). */
  @state() private tag: string | null = null;
  /** The row the delete was asked from: its neighbour gets focus once it is gone. */
  private deletingIndex: number | null = null;
  /** After a delete: focus moves once the list without that row arrives (and once more, briefly, if a later window re-renders it away). */
  private pendingFocus: { index: number | null; until: number } | undefined = undefined;

  /** Which rows are on screen as the page scrolls; the rows themselves come from the list. */
  private readonly rows = new RowListController(this, {
    box: () => this.renderRoot.querySelector<HTMLElement>('.list'),
    shown: (first, last) => {
      markList('asked');
      void this.list?.ensure(first, last);
    },
  });
  private readonly locale = navigator.language || 'en-US';

  override connectedCallback(): void {
    super.connectedCallback();
    this.list?.setShowing(true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.list?.setShowing(false);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('list')) {
      (changed.get('list') as LibraryListController | null | undefined)?.setShowing(false);
      this.list?.setShowing(this.isConnected);
    }
    // For the scroll bench (bench/scroll-probe.ts): when rows arrived and when they were rendered.
    if (changed.has('listVersion')) markList('arrived');
    const sort = this.settings?.librarySort ?? 'recent';
    // Until the settings arrive the sort is unknown: asking then would load the list twice.
    if (
      this.list &&
      this.settings &&
      (changed.has('query') || changed.has('settings') || changed.has('list') || changed.has('tag'))
    )
      void this.list.setQuery({ sort, filter: this.query, ...(this.tag === null ? {} : { tag: this.tag }) });
  }

  override render() {
    return html`
      <library-toolbar
        .query=${this.query}
        .sort=${this.settings?.librarySort ?? 'recent'}
        .theme=${this.settings?.theme ?? 'system'}
        ?empty=${this.list?.libraryTotal === 0}
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
      <export-dialog></export-dialog>
      <document-tags-dialog
        .document=${this.tagging}
        @dialog-close=${() => (this.tagging = null)}
      ></document-tags-dialog>
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
    const list = this.list;
    if (!list || list.total === null || list.libraryTotal === null)
      return html`<p class="loading" aria-busy="true">Opening your library…</p>`;
    if (list.libraryTotal === 0)
      return renderEmptyLibrary(() => this.dispatchEvent(new ImportRequestEvent()));
    const total = formatDocumentCount(list.libraryTotal, this.locale);
    const filtering = list.currentQuery.filter.trim() !== '' || this.tag !== null;
    return html`
      <header class="page-head">
        <h1 tabindex="-1">Library</h1>
        <library-tag-filter
          .tag=${this.tag}
          @tag-filter=${(e: TagFilterEvent) => (this.tag = e.tag)}
        ></library-tag-filter>
        <import-highlights
          ><p class="count" aria-live="polite">
            ${filtering ? `${formatNumber(list.total, this.locale)} of ${total}` : total}
          </p></import-highlights
        >
      </header>
      ${
        list.total === 0
          ? renderNoMatch(list.currentQuery.filter.trim(), this.tag, () => void this.clearFilter())
          : this.renderList(list)
      }
    `;
  }

  private renderList(list: LibraryListController) {
    const ctx: RowContext = {
      total: list.total ?? 0,
      locale: this.locale,
      now: new Date(),
      open: (doc) => this.dispatchEvent(new OpenDocumentEvent(doc.id)),
      rename: (doc) => {
        this.renameError = '';
        this.renaming = doc;
      },
      remove: (doc) => {
        this.deleting = doc;
        // Where the row is now (rows are loaded in windows: look only among the loaded ones).
        this.deletingIndex = this.rows.find((i) => rowOf(list, i)?.row.id === doc.id);
      },
      editTags: (doc) => (this.tagging = doc),
      filterTag: (tag) => (this.tag = tag),
    };
    return renderDocumentList(list, this.rows.windowFor(list.total ?? 0), ctx, (e) => this.onListKey(e));
  }

  private async clearFilter(): Promise<void> {
    this.query = '';
    this.tag = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('library-toolbar')?.focus();
  }

  /** ↑/↓ and Tab walk every row, rendered or not (list-focus.ts); Enter (a native button) opens one. */
  private onListKey(event: KeyboardEvent): void {
    onListKey(event, this.renderRoot, this.list?.total ?? 0);
  }

  /** Focus for a keyboard user after a view change or a delete: a row near `index`, else the heading. */
  async focusAfterChange(index: number | null = null): Promise<void> {
    await this.updateComplete;
    const total = this.list?.total ?? 0;
    if (index !== null && total > 0 && (await focusRow(this.renderRoot, Math.min(index, total - 1)))) return;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
  }

  protected override updated(changed: PropertyValues): void {
    markList('rendered');
    const pending = this.pendingFocus;
    if (!changed.has('listVersion') || pending === undefined) return;
    if (performance.now() > pending.until) this.pendingFocus = undefined;
    requestAnimationFrame(() => {
      // The virtualizer may hand the deleted row's elements to another row: check the target itself.
      const total = this.list?.total ?? 0;
      const want = pending.index === null || total === 0 ? null : Math.min(pending.index, total - 1);
      const on = this.shadowRoot?.activeElement;
      if (want === null || !(on instanceof HTMLElement) || on.dataset['index'] !== String(want))
        void this.focusAfterChange(pending.index);
    });
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
    // The row and its buttons are gone: its neighbour (or the heading) takes focus.
    this.pendingFocus = { index: this.deletingIndex, until: performance.now() + 2000 };
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
