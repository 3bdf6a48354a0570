/**
 * <workspace-view>: every highlight and note of the library in one list — the daily review on
 * top, then filters, then a virtualized listbox (rows load by pages as they scroll into view) with
 * multi-select (click, Ctrl/Cmd+click, Shift+click, Space, Shift+↑/↓) and a bulk bar for the
 * selection. Enter, a double click or a row's Open opens the passage in its document.
 */
import { consume } from '@lit/context';
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { HighlightColor, LecternBridge, WorkspaceItem } from '../../preload/api';
import { call } from '../app/calls';
import type { WorkspaceResume } from '../app/return-place';
import { RowListController, renderRowSlots } from '../library/row-list';
import { bridgeContext } from '../lib/bridge-context';
import { NavigateEvent, ToastEvent, type ToastInit } from '../lib/events';
import { OpenLinkEvent } from '../links/events';
import { controlStyles } from '../styles/app-styles';
import { icons } from '../styles/app-icons';
import { emptyStateStyles, pageFrameStyles } from '../styles/page-frame-styles';
import { type FilterState, NO_FILTER, isFiltered, toWorkspaceFilter } from '../workspace/filters';
import { RowPages } from '../workspace/row-pages';
import {
  type Selection,
  EMPTY_SELECTION,
  clickRow,
  focusedRow,
  itemKey,
  listKey,
  withFreshItems,
} from '../workspace/selection';
import { focusRow } from '../workspace/focus-row';
import { type ActionsHost, copyAsMarkdown, runEdit } from '../workspace/workspace-actions';
import { WORKSPACE_ROW_HEIGHT, renderEmptyState, renderWorkspaceRow } from '../workspace/workspace-row';
import { workspaceStyles } from '../workspace/workspace-styles';
import type { BulkActionEvent } from './workspace-bulk-bar';
import type { WorkspaceFilterEvent } from './workspace-filter-bar';
import './app-load-error';
import './workspace-bulk-bar';
import './workspace-filter-bar';
import './workspace-review';

/** What the workspace keeps while a passage it opened is read. */
interface ResumeState extends WorkspaceResume {
  readonly filter: FilterState;
  readonly selection: Selection;
  readonly scrollY: number;
}

/** Typing in the text filter asks again once the typing pauses this long. */
const TYPING_PAUSE_MS = 150;

/** @fires navigate, open-link, toast */
@customElement('workspace-view')
export class WorkspaceView extends LitElement {
  static override styles = [controlStyles, pageFrameStyles, emptyStateStyles, workspaceStyles];

  /** Bumped by the shell when the library or its tags changed: the list loads again. */
  @property({ attribute: false }) version = 0;
  @property({ attribute: false }) colorLabels: Partial<Record<HighlightColor, string>> = {};
  /** Set when the reader returns here: the filters, selection and place to put back. */
  @property({ attribute: false }) resume: WorkspaceResume | null = null;
  @consume({ context: bridgeContext }) private bridge?: LecternBridge;
  @state() private filter: FilterState = NO_FILTER;
  @state() private selection: Selection = EMPTY_SELECTION;
  @state() private documents: { id: string; title: string }[] = [];
  private typingTimer = 0;
  private readonly pages = new RowPages(
    (offset, limit) =>
      this.bridge
        ? call(this.bridge, 'queryWorkspace', {
            filter: toWorkspaceFilter(this.filter),
            grouping: this.filter.grouping,
            offset,
            limit,
          })
        : Promise.resolve({
            ok: false,
            method: 'queryWorkspace',
            code: 'internal',
            message: 'No library.',
            at: '',
          }),
    (rows) => {
      this.selection = withFreshItems(this.selection, rows);
      this.requestUpdate();
    },
  );
  private readonly rows = new RowListController(this, {
    box: () => this.renderRoot.querySelector<HTMLElement>('.list'),
    shown: (first, last) => void this.pages.ensure(first, last),
    rowHeight: WORKSPACE_ROW_HEIGHT,
  });
  private readonly dateFormat = new Intl.DateTimeFormat(navigator.language || 'en-US', {
    dateStyle: 'medium',
  });
  private readonly actions: ActionsHost = {
    bridge: this.bridge as LecternBridge,
    toast: (init: ToastInit) => this.dispatchEvent(new ToastEvent(init)),
    refresh: () => void this.pages.reset(true),
  };

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    const resume = !this.hasUpdated ? (this.resume as ResumeState | null) : null;
    if (resume) ({ filter: this.filter, selection: this.selection } = resume);
    if (changed.has('version') && this.bridge) {
      this.actions.bridge = this.bridge;
      const loaded = this.pages.reset(this.version > 0);
      if (resume) void loaded.then(() => this.putBack(resume));
      void this.loadDocuments(this.bridge);
    }
  }

  override firstUpdated(): void {
    if (!this.resume) this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  /** What to put back when the reader returns here: filters, selection, focused row and scroll. */
  resumeState(): ResumeState {
    return { filter: this.filter, selection: this.selection, scrollY: window.scrollY };
  }

  /** Back from the reader: the list where it was left, and the opened row focused again. */
  private async putBack(resume: ResumeState): Promise<void> {
    await this.updateComplete;
    window.scrollTo(0, resume.scrollY);
    await focusRow(this.renderRoot, this.updateComplete, this.selection.focus);
  }

  override render() {
    return html`
      <header>
        <div class="bar">
          <button class="btn ghost" @click=${() => this.dispatchEvent(new NavigateEvent('library'))}>
            ${icons.back}Back to library
          </button>
        </div>
      </header>
      <main>
        <h1 tabindex="-1">Highlights</h1>
        <workspace-review .version=${this.version}></workspace-review>
        <workspace-filter-bar
          .state=${this.filter}
          .documents=${this.documents}
          .colorLabels=${this.colorLabels}
          @workspace-filter=${(e: WorkspaceFilterEvent) => this.filterChanged(e.state)}
        ></workspace-filter-bar>
        ${this.renderList()}
      </main>
    `;
  }

  private renderList() {
    const { summary, failure } = this.pages.state;
    if (failure !== null && summary === null)
      return html`<app-load-error
        heading="The highlights could not be loaded"
        reason=${failure.message}
        code=${failure.code}
        @retry-load=${() => void this.pages.reset()}
      ></app-load-error>`;
    if (summary === null) return html`<p class="summary" aria-busy="true">Gathering your highlights…</p>`;
    if (summary.inLibrary === 0)
      return renderEmptyState(
        'No highlights yet',
        'Select a passage while reading and pick a colour: every highlight and note you make gathers here.',
      );
    if (summary.matching === 0)
      return renderEmptyState(
        'Nothing matches these filters',
        'Try fewer words, another tag or colour, or a wider range of dates.',
        () => this.filterChanged({ ...NO_FILTER, grouping: this.filter.grouping }),
      );
    const shown = this.rows.windowFor(this.pages.total);
    const number = new Intl.NumberFormat(navigator.language || 'en-US');
    const matching = isFiltered(this.filter) ? `${number.format(summary.matching)} of ` : '';
    const plural = summary.inLibrary === 1 ? '' : 's';
    // The first heading's row is mostly blank: the list moves up under the bar by that much.
    const headingFirst = this.pages.rowAt(0)?.kind === 'group';
    return html`
      <workspace-bulk-bar
        .count=${this.selection.selected.size}
        .summary=${`${matching}${number.format(summary.inLibrary)} highlight${plural}`}
        @bulk-action=${(e: BulkActionEvent) => void this.bulk(e)}
      ></workspace-bulk-bar>
      <div
        class="list ${headingFirst ? 'heading-first' : ''}"
        role="listbox"
        aria-label="Highlights"
        aria-multiselectable="true"
        style="height: ${shown.height}px"
        @keydown=${this.onListKey}
        @focusin=${this.onFocusIn}
      >
        ${renderRowSlots(
          shown,
          (index) => {
            const row = this.pages.rowAt(index);
            return row?.kind === 'item' ? itemKey(row.item) : `${row?.kind ?? 'pending'}-${index}`;
          },
          (index) => renderWorkspaceRow(this.pages.rowAt(index), index, this.rowContext),
          WORKSPACE_ROW_HEIGHT,
        )}
      </div>
    `;
  }

  private get rowContext() {
    return {
      total: this.pages.total,
      focus: this.focusedRow(),
      isSelected: (item: WorkspaceItem) => this.selection.selected.has(itemKey(item)),
      click: (row: number, event: MouseEvent) => {
        const toggle = event.ctrlKey || event.metaKey;
        this.selection = clickRow(this.selection, (i) => this.pages.rowAt(i), row, {
          shift: event.shiftKey,
          toggle,
        });
      },
      open: (item: WorkspaceItem) => this.open(item),
      formatDate: (iso: string) => this.dateFormat.format(new Date(iso)),
    };
  }

  private filterChanged(next: FilterState): void {
    const typing = next.text !== this.filter.text;
    this.filter = next;
    this.selection = EMPTY_SELECTION;
    window.clearTimeout(this.typingTimer);
    if (typing) this.typingTimer = window.setTimeout(() => void this.pages.reset(true), TYPING_PAUSE_MS);
    else void this.pages.reset(true);
  }

  private async loadDocuments(bridge: LecternBridge): Promise<void> {
    const listed = await call(bridge, 'listDocuments');
    if (!listed.ok) return;
    const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
    this.documents = listed.value
      .filter((doc) => doc.highlightCount > 0)
      .map(({ id, title }) => ({ id, title }))
      .toSorted((a, b) => collator.compare(a.title, b.title));
  }

  private open(item: WorkspaceItem): void {
    this.dispatchEvent(
      new OpenLinkEvent({ kind: 'highlight', documentId: item.documentId, highlightId: item.highlightId }),
    );
  }

  private async bulk(event: BulkActionEvent): Promise<void> {
    const items = [...this.selection.selected.values()];
    const { action } = event;
    if (action.kind === 'clear') return void (this.selection = { ...this.selection, selected: new Map() });
    if (action.kind === 'copy') return copyAsMarkdown(this.actions, items);
    const changed = await runEdit(this.actions, items, action);
    if (changed && action.kind === 'delete')
      this.selection = { ...EMPTY_SELECTION, focus: this.selection.focus };
  }

  private focusedRow(): number {
    return focusedRow(this.selection, (i) => this.pages.rowAt(i), this.pages.total);
  }

  private readonly onListKey = (event: KeyboardEvent): void => {
    const rows = (i: number) => this.pages.rowAt(i);
    const done = listKey(this.selection, rows, this.pages.total, { key: event.key, shift: event.shiftKey });
    if (done === null) return;
    event.preventDefault();
    this.selection = done.selection;
    if (done.open !== null) this.open(done.open);
    else void focusRow(this.renderRoot, this.updateComplete, done.selection.focus);
  };

  /** Focus that came by Tab or a click: the keyboard goes on from that row. */
  private readonly onFocusIn = (event: FocusEvent): void => {
    const row = (event.target as HTMLElement).dataset['row'];
    if (row !== undefined && Number(row) !== this.selection.focus)
      this.selection = { ...this.selection, focus: Number(row) };
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'workspace-view': WorkspaceView;
  }
}
