/**
 * <find-bar>: the find-in-document bar (Ctrl/Cmd+F in the reader): a search landmark with the
 * query field, the count in a polite live region, match case / whole word, previous / next,
 * "Highlight match" and close. It holds no search state: it says what was typed or pressed
 * (FindInputEvent, FindCommandEvent) and shows what its controller hands down.
 */
import { LitElement, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { findBarKeyOf } from '../find/find-keys';
import type { FindOptions } from '../find/find-matches';
import { FindCommandEvent, FindInputEvent, type FindCommand } from '../find/find-events';
import { findBarStyles } from '../find/find-bar-styles';
import { controlStyles } from '../styles/app-styles';

/**
 * @fires find-input - FindInputEvent: the query or an option changed.
 * @fires find-command - FindCommandEvent: next, previous, highlight the match, or close.
 */
@customElement('find-bar')
export class FindBar extends LitElement {
  static override styles = [controlStyles, findBarStyles];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The query, as last typed (kept when the bar opens again). */
  @property({ attribute: false }) query = '';
  @property({ attribute: false }) options: FindOptions = { matchCase: false, wholeWord: false };
  /** "3 of 128", "Searching…", ... (announced politely). */
  @property({ attribute: false }) status = '';
  /** There are matches to go to. */
  @property({ attribute: false }) canStep = false;

  @query('input') private input!: HTMLInputElement;

  /** Focuses the field with its text selected, so typing replaces the last query. */
  override focus(): void {
    this.input?.focus();
    this.input?.select();
  }

  private changed(query: string, options: FindOptions): void {
    this.dispatchEvent(new FindInputEvent(query, options));
  }

  private command(command: FindCommand): void {
    this.dispatchEvent(new FindCommandEvent(command));
  }

  private onKeyDown(event: KeyboardEvent): void {
    const key = findBarKeyOf(event);
    if (!key) return;
    event.preventDefault();
    this.command(key);
  }

  /** A button used with the pointer hands focus back to the field (Enter keeps stepping). */
  private clicked(event: MouseEvent, command: FindCommand): void {
    this.command(command);
    if (event.detail !== 0 && command !== 'close') this.input.focus();
  }

  private toggle(option: keyof FindOptions): void {
    this.changed(this.input.value, { ...this.options, [option]: !this.options[option] });
  }

  override render() {
    const { matchCase, wholeWord } = this.options;
    return html`<div class="bar" role="search" aria-label="Find in document">
      <input
        class="field"
        type="search"
        aria-label="Find"
        placeholder="Find in document"
        autocomplete="off"
        spellcheck="false"
        .value=${this.query}
        @input=${(event: InputEvent) => this.changed((event.target as HTMLInputElement).value, this.options)}
        @keydown=${this.onKeyDown}
      />
      <span class="status" role="status" aria-live="polite">${this.status}</span>
      <button
        class="btn ghost icon option"
        type="button"
        aria-pressed=${String(matchCase)}
        title="Match case"
        aria-label="Match case"
        @click=${() => this.toggle('matchCase')}
      >
        <span aria-hidden="true">Aa</span>
      </button>
      <button
        class="btn ghost icon option"
        type="button"
        aria-pressed=${String(wholeWord)}
        title="Whole words only"
        aria-label="Whole words only"
        @click=${() => this.toggle('wholeWord')}
      >
        <span aria-hidden="true" class="word">ab</span>
      </button>
      <button
        class="btn ghost icon"
        type="button"
        title="Previous match (Shift+Enter)"
        aria-label="Previous match"
        ?disabled=${!this.canStep}
        @click=${(event: MouseEvent) => this.clicked(event, 'previous')}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 15l6-6 6 6" /></svg>
      </button>
      <button
        class="btn ghost icon"
        type="button"
        title="Next match (Enter)"
        aria-label="Next match"
        ?disabled=${!this.canStep}
        @click=${(event: MouseEvent) => this.clicked(event, 'next')}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 9l6 6 6-6" /></svg>
      </button>
      <button
        class="btn ghost highlight"
        type="button"
        title="Highlight this match (Alt+Enter)"
        ?disabled=${!this.canStep}
        @click=${(event: MouseEvent) => this.clicked(event, 'highlight')}
      >
        Highlight match
      </button>
      <button
        class="btn ghost icon"
        type="button"
        title="Close (Esc)"
        aria-label="Close find"
        @click=${(event: MouseEvent) => this.clicked(event, 'close')}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 6l12 12M18 6L6 18" /></svg>
      </button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'find-bar': FindBar;
  }
}
