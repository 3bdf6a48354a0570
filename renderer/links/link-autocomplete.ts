/**
 * The `[[` autocomplete of a note's textarea: typing `[[` opens a listbox of documents, notes and
 * highlights (findLinkTargets); arrows move, Enter or Tab insert the link, Escape closes. The
 * textarea is the combobox (aria-expanded, aria-controls, aria-activedescendant).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { LecternApi, LinkSuggestion } from '../../preload/api';
import { call } from '../app/calls';
import { insertLink, linkQueryAt } from './link-query';

const SEARCH_DELAY_MS = 80;
const LIMIT = 12;
let lists = 0;

export interface AutocompleteOptions {
  api: () => LecternApi | undefined;
  textarea: () => HTMLTextAreaElement | null;
  /** The text changed by an insertion (the host saves it as if typed). */
  inserted: (text: string) => void;
}

export class LinkAutocomplete implements ReactiveController {
  readonly listId = `link-suggestions-${++lists}`;
  suggestions: LinkSuggestion[] = [];
  active = 0;
  private typed: { start: number; query: string } | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private asked = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: AutocompleteOptions,
  ) {
    host.addController(this);
  }

  get open(): boolean {
    return this.typed !== null && this.suggestions.length > 0;
  }

  hostUpdated(): void {
    const textarea = this.options.textarea();
    if (textarea === null) return;
    textarea.setAttribute('role', 'combobox');
    textarea.setAttribute('aria-autocomplete', 'list');
    textarea.setAttribute('aria-expanded', String(this.open));
    textarea.setAttribute('aria-controls', this.listId);
    if (this.open) textarea.setAttribute('aria-activedescendant', `${this.listId}-${this.active}`);
    else textarea.removeAttribute('aria-activedescendant');
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** Call on the textarea's input (and caret moves): follows the `[[` being typed. */
  readonly onInput = (): void => {
    const textarea = this.options.textarea();
    this.typed = textarea === null ? null : linkQueryAt(textarea.value, textarea.selectionStart);
    clearTimeout(this.timer);
    if (this.typed === null) return this.close();
    const query = this.typed.query;
    this.timer = setTimeout(() => void this.search(query), SEARCH_DELAY_MS);
  };

  /** Call on the textarea's keydown: true when the key was the autocomplete's. */
  readonly onKeyDown = (event: KeyboardEvent): boolean => {
    if (!this.open) return false;
    const count = this.suggestions.length;
    if (event.key === 'ArrowDown') this.active = (this.active + 1) % count;
    else if (event.key === 'ArrowUp') this.active = (this.active - 1 + count) % count;
    else if (event.key === 'Enter' || event.key === 'Tab') this.choose(this.active);
    else if (event.key === 'Escape') this.close();
    else return false;
    event.preventDefault();
    event.stopPropagation();
    this.host.requestUpdate();
    return true;
  };

  choose(index: number): void {
    const textarea = this.options.textarea();
    const suggestion = this.suggestions[index];
    if (textarea === null || suggestion === undefined || this.typed === null) return;
    const next = insertLink(
      textarea.value,
      this.typed.start,
      textarea.selectionStart,
      suggestion.target,
      suggestion.title,
    );
    textarea.value = next.text;
    textarea.setSelectionRange(next.caret, next.caret);
    this.close();
    this.options.inserted(next.text);
    textarea.focus();
  }

  close(): void {
    this.typed = null;
    this.suggestions = [];
    this.active = 0;
    this.host.requestUpdate();
  }

  /** The listbox, to render under the textarea. */
  render() {
    if (!this.open) return html`<div id=${this.listId} role="listbox" aria-label="Link to" hidden></div>`;
    return html`<ul id=${this.listId} class="link-suggestions" role="listbox" aria-label="Link to">
      ${this.suggestions.map(
        (suggestion, index) =>
          html`<li
            id=${`${this.listId}-${index}`}
            role="option"
            aria-selected=${String(index === this.active)}
            @pointerdown=${(event: Event) => event.preventDefault()}
            @click=${() => this.choose(index)}
          >
            <span class="title">${suggestion.title}</span>
            ${suggestion.detail ? html`<span class="detail">${suggestion.detail}</span>` : nothing}
          </li>`,
      )}
    </ul>`;
  }

  private async search(query: string): Promise<void> {
    const api = this.options.api();
    if (api === undefined) return;
    const asked = ++this.asked;
    const found = await call(api, 'findLinkTargets', query, LIMIT);
    if (asked !== this.asked || this.typed === null) return;
    this.suggestions = found.ok ? found.value : [];
    this.active = 0;
    this.host.requestUpdate();
  }
}
