/**
 * <library-tag-filter>: the library's filter by document tag — a select over the tag tree
 * (a parent includes its children) and a chip that clears it.
 */
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controlStyles } from '../styles/app-styles';
import { type TagList, tagListContext } from '../tags/tag-list';
import { tagTree } from '../tags/tag-tree';

/** The tag to filter the library by (`null`: all documents). */
export class TagFilterEvent extends Event {
  static readonly eventName = 'tag-filter';
  constructor(readonly tag: string | null) {
    super(TagFilterEvent.eventName, { bubbles: true, composed: true });
  }
}

/** @fires tag-filter - TagFilterEvent */
@customElement('library-tag-filter')
export class LibraryTagFilter extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: flex;
        /* Beside the document count, at the end of the page head. */
        margin-inline-start: auto;
        align-items: center;
        gap: var(--space-2);
        font-size: 0.875rem;
      }
      select {
        max-width: 16rem;
        padding: 4px 8px;
        border: 1px solid var(--border);
        border-radius: var(--radius-sm);
        background: var(--surface);
        color: var(--fg);
        font: inherit;
      }
    `,
  ];

  @property({ attribute: false }) tag: string | null = null;
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
    const rows = tagTree(this.tagList?.all ?? []);
    if (rows.length === 0 && this.tag === null) return nothing;
    return html`<select
        aria-label="Filter by tag"
        @change=${(event: Event) => {
          const value = (event.target as HTMLSelectElement).value;
          this.dispatchEvent(new TagFilterEvent(value === '' ? null : value));
        }}
      >
        <option value="" ?selected=${this.tag === null}>All tags</option>
        ${rows.map(
          (row) =>
            html`<option value=${row.name} ?selected=${row.name === this.tag}>
              ${'\u2003'.repeat(row.depth)}${row.name.split('/').at(-1)}
            </option>`,
        )}
      </select>
      ${
        this.tag === null
          ? nothing
          : html`<button
              class="btn ghost"
              aria-label="Clear the tag filter"
              @click=${() => this.dispatchEvent(new TagFilterEvent(null))}
            >
              #${this.tag} ×
            </button>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'library-tag-filter': LibraryTagFilter;
  }
  interface HTMLElementEventMap {
    'tag-filter': TagFilterEvent;
  }
}
