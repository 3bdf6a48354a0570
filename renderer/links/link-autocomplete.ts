/**
 * The `[[` autocomplete attached to a note's textarea: typing `[[` opens a listbox of documents,
 * notes and highlights (findLinkTargets) under it; arrows move, Enter or Tab insert the link,
 * Escape closes. The textarea stays a textbox (a note is text first) that owns the listbox through
 * aria-autocomplete, aria-controls and aria-activedescendant.
 */
import type { LecternApi, LinkSuggestion } from '../../preload/api';
import { call } from '../app/calls';
import { insertLink, linkQueryAt } from './link-query';

const SEARCH_DELAY_MS = 80;
const LIMIT = 12;
let lists = 0;

export class LinkAutocomplete {
  readonly list: HTMLUListElement;
  private suggestions: LinkSuggestion[] = [];
  private active = 0;
  private typed: { start: number; query: string } | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private asked = 0;

  constructor(
    private readonly textarea: HTMLTextAreaElement,
    private readonly api: LecternApi,
  ) {
    this.list = textarea.ownerDocument.createElement('ul');
    this.list.id = `link-suggestions-${++lists}`;
    this.list.className = 'link-suggestions';
    this.list.setAttribute('role', 'listbox');
    this.list.setAttribute('aria-label', 'Link to');
    this.list.hidden = true;
    textarea.insertAdjacentElement('afterend', this.list);
    textarea.setAttribute('aria-autocomplete', 'list');
    textarea.setAttribute('aria-controls', this.list.id);
    textarea.addEventListener('input', this.onInput);
    textarea.addEventListener('keydown', this.onKeyDown);
    textarea.addEventListener('blur', this.onBlur);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.textarea.removeEventListener('input', this.onInput);
    this.textarea.removeEventListener('keydown', this.onKeyDown);
    this.textarea.removeEventListener('blur', this.onBlur);
    this.list.remove();
  }

  private readonly onInput = (): void => {
    this.typed = linkQueryAt(this.textarea.value, this.textarea.selectionStart);
    clearTimeout(this.timer);
    if (this.typed === null) return this.show([]);
    const query = this.typed.query;
    this.timer = setTimeout(() => void this.search(query), SEARCH_DELAY_MS);
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const count = this.suggestions.length;
    if (count === 0) return;
    if (event.key === 'ArrowDown') this.activate((this.active + 1) % count);
    else if (event.key === 'ArrowUp') this.activate((this.active - 1 + count) % count);
    else if (event.key === 'Enter' || event.key === 'Tab') this.choose(this.active);
    else if (event.key === 'Escape') this.show([]);
    else return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  private readonly onBlur = (): void => {
    // A click on an option keeps the focus (pointerdown is prevented), so a blur is leaving.
    this.typed = null;
    this.show([]);
  };

  private choose(index: number): void {
    const suggestion = this.suggestions[index];
    if (suggestion === undefined || this.typed === null) return;
    const { textarea } = this;
    const next = insertLink(
      textarea.value,
      this.typed.start,
      textarea.selectionStart,
      suggestion.target,
      suggestion.title,
    );
    textarea.value = next.text;
    textarea.setSelectionRange(next.caret, next.caret);
    this.typed = null;
    this.show([]);
    // The editor saves what its input event reports.
    textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }

  private async search(query: string): Promise<void> {
    const asked = ++this.asked;
    const found = await call(this.api, 'findLinkTargets', query, LIMIT);
    if (asked !== this.asked || this.typed === null) return;
    this.show(found.ok ? found.value : []);
  }

  private show(suggestions: LinkSuggestion[]): void {
    this.suggestions = suggestions;
    this.active = 0;
    const doc = this.list.ownerDocument;
    this.list.replaceChildren(
      ...suggestions.map((suggestion, index) => {
        const option = doc.createElement('li');
        option.id = `${this.list.id}-${index}`;
        option.setAttribute('role', 'option');
        const title = doc.createElement('span');
        title.className = 'title';
        title.textContent = suggestion.title;
        const detail = doc.createElement('span');
        detail.className = 'detail';
        detail.textContent = suggestion.detail;
        option.append(title, detail);
        option.addEventListener('pointerdown', (event) => event.preventDefault());
        option.addEventListener('click', () => this.choose(index));
        return option;
      }),
    );
    this.list.hidden = suggestions.length === 0;
    this.activate(0);
  }

  private activate(index: number): void {
    this.active = index;
    [...this.list.children].forEach((option, at) =>
      option.setAttribute('aria-selected', String(at === index)),
    );
    const current = this.list.children[index];
    if (current === undefined) this.textarea.removeAttribute('aria-activedescendant');
    else {
      this.textarea.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    }
  }
}
