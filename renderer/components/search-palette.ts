/**
 * The search palette (Ctrl/Cmd+K from anywhere): a modal dialog with a combobox whose listbox shows
 * results as you type, grouped by kind with the match marked; arrows and Enter open, Escape returns.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { LecternBridge } from '../../preload/api';
import { QUERY_HELP } from '../../common/search-query';
import { call, failureToast } from '../app/calls';
import { bridgeContext } from '../lib/bridge-context';
import { ToastEvent } from '../lib/events';
import { OpenLinkEvent } from '../links/events';
import { paletteStyles } from '../search/palette-styles';
import { type PaletteItem, paletteItems, snippetParts } from '../search/palette-items';
import { controlStyles } from '../styles/app-styles';
import { dialogStyles } from '../styles/app-dialog-styles';

/** Results of each kind the palette asks for. */
const PER_KIND = 8;
/** While the index is still being read or built, the results shown are asked again this often. */
const INDEXING_RETRY_MS = 750;

/** Whether a key press opens the palette: Ctrl+K, or Cmd+K on a Mac. */
export const isPaletteKey = (event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean =>
  (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';

@customElement('search-palette')
export class SearchPalette extends LitElement {
  static override styles = [controlStyles, dialogStyles, paletteStyles];

  @consume({ context: bridgeContext }) private bridge?: LecternBridge;
  @state() private text = '';
  @state() private items: PaletteItem[] = [];
  @state() private active = 0;
  @state() private indexing = false;
  @state() private searched = false;
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('input') private input!: HTMLInputElement;
  /** Answers to older keystrokes are dropped when a newer one has been asked. */
  private asked = 0;
  /** The query the results shown answer. */
  private shownFor = '';

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onWindowKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onWindowKey);
  }

  /** Opens the palette with the last query selected (so typing replaces it). */
  show(): void {
    if (!this.dialog.open) this.dialog.showModal();
    this.input.select();
  }

  override render() {
    const activeId = this.items.length > 0 ? `option-${this.active}` : nothing;
    return html`<dialog aria-label="Search the library" @close=${() => (this.active = 0)}>
      <input
        type="search"
        role="combobox"
        aria-label="Search documents, passages, highlights and notes"
        aria-expanded=${this.items.length > 0 ? 'true' : 'false'}
        aria-controls="search-results"
        aria-autocomplete="list"
        aria-activedescendant=${activeId}
        autocomplete="off"
        spellcheck="false"
        placeholder="Search everything…"
        .value=${this.text}
        @input=${(e: Event) => this.onInput((e.target as HTMLInputElement).value)}
        @keydown=${this.onInputKey}
      />
      <p class="status" role="status">${this.statusText()}</p>
      <ul role="listbox" id="search-results" aria-label=${this.resultsLabel()}>
        ${this.items.map((item, index) => this.renderItem(item, index))}
      </ul>
      ${this.text.trim() === '' ? this.renderHelp() : nothing}
    </dialog>`;
  }

  private renderItem(item: PaletteItem, index: number) {
    const heading = index === 0 || this.items[index - 1]?.group !== item.group;
    return html`${heading ? html`<li class="group" role="presentation">${item.group}</li>` : nothing}
      <li
        role="option"
        id=${`option-${index}`}
        aria-selected=${index === this.active ? 'true' : 'false'}
        @click=${() => void this.open(item)}
        @mousemove=${() => (this.active = index)}
      >
        <span class="snippet"
          >${snippetParts(item.snippet).map((part) =>
            part.marked ? html`<mark>${part.text}</mark>` : part.text,
          )}</span
        >
        <span class="detail">${item.detail}</span>
      </li>`;
  }

  private renderHelp() {
    return html`<dl class="help" aria-label="Search syntax">
      ${QUERY_HELP.map(
        (line) =>
          html`<dt><code>${line.example}</code></dt>
            <dd>${line.meaning}</dd>`,
      )}
    </dl>`;
  }

  /** The list's name says which query its results answer (while typing, it may still be an older one). */
  private resultsLabel(): string {
    return this.searched && this.shownFor.trim() !== '' ? `Results for ${this.shownFor}` : 'Results';
  }

  private statusText(): string {
    if (this.text.trim() === '' || !this.searched) return this.indexing ? 'Indexing the library…' : '';
    const count = this.items.length;
    const found = count === 0 ? 'No results' : `${count} result${count === 1 ? '' : 's'}`;
    return this.indexing ? `${found} so far (searching the text of documents…)` : found;
  }

  private readonly onWindowKey = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || !isPaletteKey(event)) return;
    event.preventDefault();
    this.show();
  };

  private async onInput(text: string): Promise<void> {
    this.text = text;
    const asked = ++this.asked;
    if (!this.bridge) return;
    const result = await call(this.bridge, 'search', text, PER_KIND);
    if (asked !== this.asked) return;
    if (!result.ok) {
      this.dispatchEvent(new ToastEvent(failureToast('Could not search', result)));
      return;
    }
    const again = this.searched && this.shownFor === text;
    this.shownFor = text;
    this.items = paletteItems(result.value);
    this.indexing = result.value.indexing;
    this.searched = true;
    // Asked again by the retry below: the reader's place in the list stays.
    if (!again) this.active = 0;
    else this.active = Math.min(this.active, Math.max(0, this.items.length - 1));
    if (this.indexing)
      setTimeout(() => {
        if (asked === this.asked && this.dialog?.open) void this.onInput(text);
      }, INDEXING_RETRY_MS);
  }

  private readonly onInputKey = (event: KeyboardEvent): void => {
    const count = this.items.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (count === 0) return;
      this.active = (this.active + (event.key === 'ArrowDown' ? 1 : count - 1)) % count;
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector(`#option-${this.active}`)?.scrollIntoView({ block: 'nearest' }),
      );
    } else if (event.key === 'Escape') {
      // A search field would only clear itself: Escape leaves the palette, back where you were.
      event.preventDefault();
      this.dialog.close();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const item = this.items[this.active];
      if (item) void this.open(item);
    }
  };

  /** Opens a result: a passage is opened at its place (the document's reading position moves there). */
  private async open(item: PaletteItem): Promise<void> {
    const { action } = item;
    if (action.kind === 'place' && this.bridge) {
      const saved = await call(this.bridge, 'saveReadingPosition', action.documentId, action.position);
      if (!saved.ok) this.dispatchEvent(new ToastEvent(failureToast('Could not open the passage', saved)));
    }
    this.dialog.close();
    const target =
      action.kind === 'link' ? action.target : { kind: 'doc' as const, documentId: action.documentId };
    this.dispatchEvent(new OpenLinkEvent(target));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'search-palette': SearchPalette;
  }
}
