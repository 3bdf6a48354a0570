/**
 * The library's sticky toolbar: app name, filter field ("/" focuses it), sort, theme
 * toggle, Trash and Import.
 */
import { LitElement, html, svg } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { LibrarySort, ThemeSetting } from '../../preload/api';
import { ImportRequestEvent, NavigateEvent, SettingsChangeEvent } from '../lib/events';
import { THEME_LABELS, nextTheme } from '../lib/theme';
import { libraryToolbarStyles } from '../library/library-toolbar-styles';
import { controlStyles } from '../styles/app-styles';
import { icons } from '../styles/app-icons';
import { noteIcon } from '../notes/note-icon';
import { exportButton } from '../export/export-button';

const SORT_LABELS: Record<LibrarySort, string> = {
  recent: 'Recently read',
  added: 'Date added',
  title: 'Title',
};

/** A chain link with a break in it: links whose target is gone. */
const brokenLinkIcon = svg`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.75"
  stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false"><path
  d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1"/><path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"/><path
  d="M4 4l2 2M20 20l-2-2"/></svg>`;

const THEME_ICONS = { system: icons.system, light: icons.sun, sepia: icons.sepia, dark: icons.moon };

/** True when a key press is meant for a text field, not for a shortcut. */
export function isTypingTarget(event: Event): boolean {
  const target = event.composedPath()[0];
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/**
 * @fires filter-change - FilterChangeEvent: the filter text as typed
 * @fires settings-change - SettingsChangeEvent: sort or theme chosen
 * @fires import-request - the Import… button
 * @fires export-request - the Export library… button
 * @fires navigate - to the trash
 */
@customElement('library-toolbar')
export class LibraryToolbar extends LitElement {
  /** `focus()` on the toolbar lands in the filter field, its first focusable control. */
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [controlStyles, libraryToolbarStyles];

  @property() query = '';
  @property() sort: LibrarySort = 'recent';
  @property() theme: ThemeSetting = 'system';
  /** An empty library has nothing to filter or sort: those controls step aside. */
  @property({ type: Boolean }) empty = false;

  @query('input') private input!: HTMLInputElement | null;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onGlobalKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onGlobalKey);
  }

  override render() {
    const themeLabel = THEME_LABELS[this.theme];
    return html`
      <div class="bar">
        <div class="brand">${icons.book}<span>Lectern</span></div>
        ${this.empty ? html`<span class="spacer"></span>` : this.renderFilterAndSort()}
        <button
          class="btn ghost icon"
          aria-label="Theme: ${themeLabel}"
          title="Theme: ${themeLabel} (click to change)"
          @click=${() => this.dispatchEvent(new SettingsChangeEvent({ theme: nextTheme(this.theme) }))}
        >
          ${THEME_ICONS[this.theme]}
        </button>
        <button
          class="btn ghost"
          aria-label="Highlights"
          title="Highlights: every highlight and note, filtered and reviewed"
          @click=${() => this.dispatchEvent(new NavigateEvent('workspace'))}
        >
          ${icons.highlight}<span class="trash-label">Highlights</span>
        </button>
        <button
          class="btn ghost"
          aria-label="Tags"
          title="Tags: rename, merge, delete"
          @click=${() => this.dispatchEvent(new NavigateEvent('tags'))}
        >
          ${icons.tag}<span class="trash-label">Tags</span>
        </button>
        <button
          class="btn ghost"
          aria-label="Notes"
          title="Notes"
          @click=${() => this.dispatchEvent(new NavigateEvent('notes'))}
        >
          ${noteIcon}<span class="trash-label">Notes</span>
        </button>
        <button
          class="btn ghost"
          aria-label="Trash"
          title="Trash"
          @click=${() => this.dispatchEvent(new NavigateEvent('trash'))}
        >
          ${icons.trash}<span class="trash-label">Trash</span>
        </button>
        <button
          class="btn ghost"
          aria-label="Broken links"
          title="Broken links: links whose target was deleted"
          @click=${() => this.dispatchEvent(new NavigateEvent('broken-links'))}
        >
          ${brokenLinkIcon}<span class="trash-label">Broken links</span>
        </button>
        ${exportButton()}
        <button class="btn primary" @click=${() => this.dispatchEvent(new ImportRequestEvent())}>
          ${icons.plus}Import…
        </button>
      </div>
    `;
  }

  private renderFilterAndSort() {
    return html`
      <div class="search" role="search">
        ${icons.search}
        <input
          class="field"
          type="search"
          aria-label="Filter documents"
          placeholder="Filter"
          autocomplete="off"
          spellcheck="false"
          .value=${this.query}
          @input=${this.onInput}
        />
        <kbd aria-hidden="true">/</kbd>
      </div>
      <select class="field" aria-label="Sort by" title="Sort by" @change=${this.onSort}>
        ${(Object.keys(SORT_LABELS) as LibrarySort[]).map(
          (key) => html`<option value=${key} ?selected=${key === this.sort}>${SORT_LABELS[key]}</option>`,
        )}
      </select>
    `;
  }

  private onInput(event: InputEvent): void {
    const value = (event.target as HTMLInputElement).value;
    this.dispatchEvent(new FilterChangeEvent(value));
  }

  private onSort(event: Event): void {
    const value = (event.target as HTMLSelectElement).value as LibrarySort;
    this.dispatchEvent(new SettingsChangeEvent({ librarySort: value }));
  }

  private readonly onGlobalKey = (event: KeyboardEvent): void => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTypingTarget(event)) return;
    if (!this.input) return;
    event.preventDefault();
    this.input.focus();
    this.input.select();
  };
}

/** The filter text changed (as typed). */
export class FilterChangeEvent extends Event {
  static readonly eventName = 'filter-change';
  constructor(readonly filter: string) {
    super(FilterChangeEvent.eventName);
  }
}

declare global {
  interface HTMLElementEventMap {
    'filter-change': FilterChangeEvent;
  }
  interface HTMLElementTagNameMap {
    'library-toolbar': LibraryToolbar;
  }
}
