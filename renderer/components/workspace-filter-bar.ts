/**
 * <workspace-filter-bar>: the workspace's filters — text, tag (the tree: a parent includes its
 * children), document, date range and colours — and the grouping. It holds no state of its own:
 * each change goes up as the whole new FilterState.
 */
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { HIGHLIGHT_COLORS, type HighlightColor, type WorkspaceGrouping } from '../../preload/api';
import { swatchStyles } from '../highlighting/highlight-styles';
import { controlStyles } from '../styles/app-styles';
import { type TagList, tagListContext } from '../tags/tag-list';
import { tagTree } from '../tags/tag-tree';
import { type FilterState, NO_FILTER, isFiltered } from '../workspace/filters';

export class WorkspaceFilterEvent extends Event {
  static readonly eventName = 'workspace-filter';
  constructor(readonly state: FilterState) {
    super(WorkspaceFilterEvent.eventName, { bubbles: true, composed: true });
  }
}

const GROUPINGS: Record<WorkspaceGrouping, string> = {
  document: 'By document',
  tag: 'By tag',
  date: 'By date, newest first',
};

const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** @fires workspace-filter - WorkspaceFilterEvent */
@customElement('workspace-filter-bar')
export class WorkspaceFilterBar extends LitElement {
  static override styles = [
    controlStyles,
    swatchStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: var(--space-2);
        margin-bottom: var(--space-3);
      }
      .line {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--space-2);
      }
      .line > input[type='search'] {
        flex: 1;
        min-width: 200px;
      }
      select.field,
      input[type='date'] {
        width: auto;
        max-width: 15rem;
        font-size: 0.875rem;
      }
      label {
        display: inline-flex;
        align-items: center;
        gap: 6px;
        font-size: 0.875rem;
        color: var(--fg-muted);
      }
      .colors {
        display: inline-flex;
        gap: 2px;
      }
      .color {
        display: inline-grid;
        place-items: center;
        width: 32px;
        height: 32px;
        border: 1px solid transparent;
        border-radius: 50%;
        background: transparent;
        cursor: pointer;
      }
      .color[aria-pressed='true'] {
        border-color: var(--fg);
        box-shadow: inset 0 0 0 2px var(--surface);
      }
      .color .swatch {
        width: 18px;
        height: 18px;
      }
    `,
  ];

  @property({ attribute: false }) state: FilterState = NO_FILTER;
  /** The documents that have highlights, by title. */
  @property({ attribute: false }) documents: readonly { id: string; title: string }[] = [];
  @property({ attribute: false }) colorLabels: Partial<Record<HighlightColor, string>> = {};
  @consume({ context: tagListContext, subscribe: true }) private tagList?: TagList;
  private unsubscribe: (() => void) | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.updateComplete.then(() => {
      this.unsubscribe = this.tagList?.subscribe(() => this.requestUpdate()) ?? null;
      void this.tagList?.refresh();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  override render() {
    const { state } = this;
    return html`
      <div class="line" role="search">
        <input
          class="field"
          type="search"
          aria-label="Find in quotes and notes"
          placeholder="Find in quotes and notes"
          autocomplete="off"
          spellcheck="false"
          .value=${state.text}
          @input=${(e: Event) => this.change({ text: (e.target as HTMLInputElement).value })}
        />
        <select
          class="field"
          aria-label="Group highlights"
          @change=${(e: Event) =>
            this.change({ grouping: (e.target as HTMLSelectElement).value as WorkspaceGrouping })}
        >
          ${(Object.keys(GROUPINGS) as WorkspaceGrouping[]).map(
            (key) =>
              html`<option value=${key} ?selected=${key === state.grouping}>${GROUPINGS[key]}</option>`,
          )}
        </select>
      </div>
      <div class="line">
        ${this.renderTagSelect()}
        <select
          class="field"
          aria-label="Filter by document"
          @change=${(e: Event) => this.change({ documentId: (e.target as HTMLSelectElement).value })}
        >
          <option value="" ?selected=${state.documentId === ''}>All documents</option>
          ${this.documents.map(
            (doc) =>
              html`<option value=${doc.id} ?selected=${doc.id === state.documentId}>${doc.title}</option>`,
          )}
        </select>
        <label
          >From
          <input
            class="field"
            type="date"
            .value=${state.from}
            @change=${(e: Event) => this.change({ from: (e.target as HTMLInputElement).value })}
        /></label>
        <label
          >To
          <input
            class="field"
            type="date"
            .value=${state.to}
            @change=${(e: Event) => this.change({ to: (e.target as HTMLInputElement).value })}
        /></label>
        ${this.renderColors()}
        ${
          isFiltered(state)
            ? html`<button
                class="btn ghost"
                @click=${() => this.change({ ...NO_FILTER, grouping: state.grouping })}
              >
                Clear filters
              </button>`
            : nothing
        }
      </div>
    `;
  }

  private renderTagSelect() {
    const rows = tagTree(this.tagList?.all ?? []);
    return html`<select
      class="field"
      aria-label="Filter by tag"
      @change=${(e: Event) => this.change({ tag: (e.target as HTMLSelectElement).value })}
    >
      <option value="" ?selected=${this.state.tag === ''}>All tags</option>
      ${rows.map(
        (row) =>
          html`<option value=${row.name} ?selected=${row.name === this.state.tag}>
            ${'\u2003'.repeat(row.depth)}${row.name.split('/').at(-1)}
          </option>`,
      )}
    </select>`;
  }

  private renderColors() {
    const chosen = new Set(this.state.colors);
    return html`<div class="colors" role="group" aria-label="Filter by colour">
      ${HIGHLIGHT_COLORS.map((color) => {
        const meaning = this.colorLabels[color];
        const name = meaning ? `${capitalized(color)} (${meaning})` : capitalized(color);
        return html`<button
          class="color"
          aria-pressed=${chosen.has(color) ? 'true' : 'false'}
          aria-label=${name}
          title=${name}
          @click=${() => {
            const colors = chosen.has(color)
              ? this.state.colors.filter((c) => c !== color)
              : [...this.state.colors, color];
            this.change({ colors });
          }}
        >
          <span class="swatch ${color}"></span>
        </button>`;
      })}
    </div>`;
  }

  private change(patch: Partial<FilterState>): void {
    this.dispatchEvent(new WorkspaceFilterEvent({ ...this.state, ...patch }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'workspace-filter-bar': WorkspaceFilterBar;
  }
  interface HTMLElementEventMap {
    'workspace-filter': WorkspaceFilterEvent;
  }
}
