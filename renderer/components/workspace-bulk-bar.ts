/**
 * <workspace-bulk-bar>: what can be done to the selected highlights — tag or untag them (a tag
 * field with the library's tags as suggestions), recolour, delete, copy as markdown — shown at the
 * bottom of the workspace while something is selected. It only asks: the view does the work.
 */
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { HIGHLIGHT_COLORS, type HighlightColor, type HighlightsEdit } from '../../preload/api';
import { swatchStyles } from '../highlighting/highlight-styles';
import { controlStyles } from '../styles/app-styles';
import { icons } from '../styles/app-icons';
import { type TagList, tagListContext } from '../tags/tag-list';

export type BulkAction = HighlightsEdit | { kind: 'copy' } | { kind: 'clear' };

export class BulkActionEvent extends Event {
  static readonly eventName = 'bulk-action';
  constructor(readonly action: BulkAction) {
    super(BulkActionEvent.eventName, { bubbles: true, composed: true });
  }
}

const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** @fires bulk-action - BulkActionEvent */
@customElement('workspace-bulk-bar')
export class WorkspaceBulkBar extends LitElement {
  static override styles = [
    controlStyles,
    swatchStyles,
    css`
      /* Always there, under the page's sticky header: selecting never moves the list under the pointer. */
      :host {
        position: sticky;
        top: 61px;
        z-index: 5;
        display: block;
        margin: 0 calc(-1 * var(--space-2));
        background: var(--bg);
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--space-2);
        padding: var(--space-2);
        border-bottom: 1px solid var(--border);
      }
      .count {
        margin-right: auto;
        color: var(--fg-muted);
        font-size: 0.875rem;
        font-variant-numeric: tabular-nums;
      }
      .count.some {
        color: var(--fg);
        font-weight: 600;
      }
      .btn:disabled {
        opacity: 0.5;
        cursor: default;
      }
      .panel {
        display: flex;
        flex-basis: 100%;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--space-2);
        padding-top: var(--space-2);
        border-top: 1px solid var(--border);
      }
      .panel input {
        flex: 1;
        min-width: 12rem;
      }
      .swatch {
        width: 18px;
        height: 18px;
      }
    `,
  ];

  @property({ type: Number }) count = 0;
  /** Said while nothing is selected ("5 highlights"). */
  @property() summary = '';
  @consume({ context: tagListContext, subscribe: true }) private tagList?: TagList;
  @state() private open: 'tag' | 'colour' | null = null;
  @state() private tag = '';

  override render() {
    const count = this.count;
    const none = count === 0;
    return html`<div class="bar" role="toolbar" aria-label="Selected highlights" @keydown=${this.onKey}>
      <span class="count ${none ? '' : 'some'}" role="status"
        >${none ? this.summary : `${count} selected`}</span
      >
      <button
        class="btn"
        ?disabled=${none}
        aria-expanded=${this.open === 'tag'}
        @click=${() => this.toggle('tag')}
      >
        ${icons.tag}Tag…
      </button>
      <button
        class="btn"
        ?disabled=${none}
        aria-expanded=${this.open === 'colour'}
        @click=${() => this.toggle('colour')}
      >
        Colour…
      </button>
      <button class="btn" ?disabled=${none} @click=${() => this.ask({ kind: 'copy' })}>
        Copy as markdown
      </button>
      <button class="btn" ?disabled=${none} @click=${() => this.ask({ kind: 'delete' })}>
        ${icons.trash}Delete
      </button>
      ${
        none
          ? nothing
          : html`<button
              class="btn ghost icon"
              aria-label="Clear the selection"
              title="Clear the selection (Esc)"
              @click=${() => this.ask({ kind: 'clear' })}
            >
              ${icons.close}
            </button>`
      }
      ${this.open === 'tag' && !none ? this.renderTagPanel() : nothing}
      ${this.open === 'colour' && !none ? this.renderColourPanel() : nothing}
    </div>`;
  }

  private renderTagPanel() {
    const names = (this.tagList?.all ?? []).map((tag) => tag.name);
    const empty = this.tag.trim() === '';
    return html`<form class="panel" @submit=${(e: Event) => (e.preventDefault(), this.tagWith('tag'))}>
      <input
        class="field"
        aria-label="Tag"
        placeholder="Tag, e.g. politics/armenia"
        list="workspace-tags"
        autocomplete="off"
        .value=${this.tag}
        @input=${(e: Event) => (this.tag = (e.target as HTMLInputElement).value)}
      />
      <datalist id="workspace-tags">${names.map((name) => html`<option value=${name}></option>`)}</datalist>
      <button class="btn primary" type="submit" ?disabled=${empty}>Add tag</button>
      <button class="btn" type="button" ?disabled=${empty} @click=${() => this.tagWith('untag')}>
        Remove tag
      </button>
    </form>`;
  }

  private renderColourPanel() {
    return html`<div class="panel" role="group" aria-label="New colour">
      ${HIGHLIGHT_COLORS.map(
        (color: HighlightColor) =>
          html`<button class="btn" @click=${() => this.ask({ kind: 'recolor', color })}>
            <span class="swatch ${color}" aria-hidden="true"></span>${capitalized(color)}
          </button>`,
      )}
    </div>`;
  }

  override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('open') && this.open !== null)
      this.renderRoot.querySelector<HTMLElement>('.panel input, .panel button')?.focus();
  }

  private toggle(panel: 'tag' | 'colour'): void {
    this.open = this.open === panel ? null : panel;
  }

  private tagWith(kind: 'tag' | 'untag'): void {
    if (this.tag.trim() === '') return;
    this.ask({ kind, tag: this.tag.trim() });
  }

  private ask(action: BulkAction): void {
    if (action.kind !== 'copy') this.open = null;
    this.dispatchEvent(new BulkActionEvent(action));
  }

  private readonly onKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || this.open === null) return;
    // Escape closes the panel first; the next one clears the selection (the view hears it).
    event.stopPropagation();
    this.open = null;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'workspace-bulk-bar': WorkspaceBulkBar;
  }
  interface HTMLElementEventMap {
    'bulk-action': BulkActionEvent;
  }
}
