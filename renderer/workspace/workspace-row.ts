/**
 * One row of the workspace list: a group heading (visual only: each item names its document too)
 * or a highlight as an option of the listbox: colour, quote, note, document, date, tags. Text is
 * bound as text (never as HTML): quotes and notes are the documents' and the reader's, not ours.
 */
import { html, nothing } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import type { WorkspaceItem, WorkspaceRow } from '../../preload/api';
import { icons } from '../styles/app-icons';

/** Every row's height: rows are placed by arithmetic (library/row-list.ts). */
export const WORKSPACE_ROW_HEIGHT = 124;

export interface RowContext {
  total: number;
  focus: number;
  isSelected(item: WorkspaceItem): boolean;
  /** The row was clicked (selection) or asked to open (its Open mark, a double click). */
  click(row: number, event: MouseEvent): void;
  open(item: WorkspaceItem): void;
  formatDate(iso: string): string;
}

const ANCHORING_NOTES = { placed: '', 'needs-check': 'Place to check', unplaced: 'Not placed' } as const;

export function renderWorkspaceRow(row: WorkspaceRow | undefined, index: number, ctx: RowContext) {
  if (row === undefined)
    return html`<div class="item pending" role="option" aria-selected="false" aria-busy="true">
      Loading…
    </div>`;
  if (row.kind === 'group')
    return html`<div class="heading" role="presentation" aria-hidden="true">
      <span class="label">${row.label}</span><span class="count">${row.count}</span>
    </div>`;
  const { item } = row;
  const selected = ctx.isSelected(item);
  const anchoring = ANCHORING_NOTES[item.anchoring];
  return html`<div
    class=${classMap({ item: true, selected })}
    role="option"
    aria-selected=${selected ? 'true' : 'false'}
    aria-posinset=${index + 1}
    aria-setsize=${ctx.total}
    tabindex=${ctx.focus === index ? 0 : -1}
    data-row=${index}
    @click=${(event: MouseEvent) => ctx.click(index, event)}
    @dblclick=${() => ctx.open(item)}
  >
    <span class="stripe ${item.color}" aria-hidden="true"></span>
    <span class="check" aria-hidden="true">${selected ? icons.check : nothing}</span>
    <div class="body">
      <p class="quote">${item.quote}</p>
      ${item.note === null ? nothing : html`<p class="note">${item.note}</p>`}
      <p class="meta">
        <span class="doc">${item.documentTitle || 'Untitled document'}</span>
        <span aria-hidden="true">·</span>
        <time datetime=${item.createdAt}>${ctx.formatDate(item.createdAt)}</time>
        ${anchoring === '' ? nothing : html`<span class="badge">${anchoring}</span>`}
        ${item.tags.map((tag) => html`<span class="tag">#${tag}</span>`)}
      </p>
    </div>
    <span
      class="open"
      aria-hidden="true"
      title="Open the passage (Enter)"
      @click=${(event: MouseEvent) => {
        event.stopPropagation();
        ctx.open(item);
      }}
      >Open</span
    >
  </div>`;
}

/** The list's empty state: nothing yet, or nothing matching (then `clear` offers to clear the filters). */
export function renderEmptyState(title: string, detail: string, clear?: () => void) {
  return html`<div class="empty" role="status">
    <div class="art" aria-hidden="true">${icons.highlight}</div>
    <p>${title}</p>
    <small>${detail}</small>
    ${
      clear === undefined
        ? nothing
        : html`<div class="empty-actions"><button class="btn" @click=${clear}>Clear filters</button></div>`
    }
  </div>`;
}
