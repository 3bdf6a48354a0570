/**
 * <tag-input>: a keyboard-first tag editor. Chips for the tags, a combobox that suggests the
 * library's tags (most used first); Enter, Tab or "," accepts, Backspace in an empty field removes
 * the last chip, arrows move in the suggestions, Escape closes them. A refused tag says why.
 */
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { MAX_TAGS_PER_ITEM, normalizeTag, tagKey } from '../../common/tags';
import { type TagList, tagListContext } from '../tags/tag-list';
import { tagInputStyles } from '../tags/tag-input-styles';

/** The tags after an edit; the host stores them (and puts them back if storing fails). */
export class TagsChangeEvent extends Event {
  static readonly eventName = 'tags-change';
  constructor(readonly tags: string[]) {
    super(TagsChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

let nextId = 1;

/** @fires tags-change - TagsChangeEvent with the whole new list. */
@customElement('tag-input')
export class TagInput extends LitElement {
  static override styles = tagInputStyles;

  @property({ attribute: false }) tags: readonly string[] = [];
  /** The accessible name of the field ("Tags of this highlight"). */
  @property() label = 'Tags';
  @property({ type: Boolean }) compact = false;
  @consume({ context: tagListContext, subscribe: true }) private tagList?: TagList;
  @state() private typed = '';
  @state() private active = -1;
  @state() private open = false;
  @state() private refusal = '';
  private readonly listId = `tag-suggestions-${nextId++}`;

  /** Focuses the field, once rendered (a host may focus it in the same frame that adds it). */
  override focus(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector('input')?.focus());
  }

  private get suggestions(): string[] {
    return this.open ? (this.tagList?.suggester.suggest(this.typed, this.tags, 8) ?? []) : [];
  }

  override render() {
    const suggestions = this.suggestions;
    const activeId =
      this.active >= 0 && this.active < suggestions.length ? `${this.listId}-${this.active}` : '';
    return html`<div class="field ${this.compact ? 'compact' : ''}" @click=${() => this.focus()}>
        <ul class="chips" aria-label=${this.label}>
          ${this.tags.map(
            (tag) =>
              html`<li class="chip">
                <span>${tag}</span
                ><button
                  type="button"
                  aria-label="Remove tag ${tag}"
                  title="Remove"
                  @click=${() => this.removeTag(tag)}
                >
                  ×
                </button>
              </li>`,
          )}
        </ul>
        <input
          role="combobox"
          aria-label="Add a tag"
          aria-autocomplete="list"
          aria-expanded=${String(suggestions.length > 0)}
          aria-controls=${this.listId}
          aria-activedescendant=${activeId || nothing}
          aria-invalid=${String(this.refusal !== '')}
          aria-describedby="refusal"
          placeholder=${this.tags.length === 0 ? 'Add a tag…' : ''}
          .value=${this.typed}
          @input=${this.onInput}
          @keydown=${this.onKey}
          @focus=${() => void this.tagList?.refresh().then(() => this.requestUpdate())}
          @blur=${() => (this.open = false)}
        />
      </div>
      <ul id=${this.listId} role="listbox" aria-label="Suggested tags" ?hidden=${suggestions.length === 0}>
        ${suggestions.map(
          (name, index) =>
            html`<li
              id="${this.listId}-${index}"
              role="option"
              aria-selected=${String(index === this.active)}
              @mousedown=${(event: Event) => event.preventDefault()}
              @click=${() => this.accept(name)}
            >
              ${name}
            </li>`,
        )}
      </ul>
      <p id="refusal" class="refusal" role="status">${this.refusal}</p>`;
  }

  private readonly onInput = (event: Event): void => {
    const value = (event.target as HTMLInputElement).value;
    if (value.endsWith(',')) {
      this.typed = value.slice(0, -1);
      this.acceptTyped();
      return;
    }
    this.typed = value;
    this.open = true;
    this.active = -1;
    this.refusal = '';
  };

  private readonly onKey = (event: KeyboardEvent): void => {
    const suggestions = this.suggestions;
    const chosen = this.active >= 0 ? suggestions[this.active] : undefined;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.open = true;
      const count = this.tagList?.suggester.suggest(this.typed, this.tags, 8).length ?? 0;
      if (count === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + count) % count;
    } else if (
      event.key === 'Enter' ||
      (event.key === 'Tab' && (chosen !== undefined || this.typed.trim() !== ''))
    ) {
      event.preventDefault();
      if (chosen !== undefined) this.accept(chosen);
      else this.acceptTyped();
    } else if (event.key === 'Backspace' && this.typed === '' && this.tags.length > 0) {
      event.preventDefault();
      this.removeTag(this.tags[this.tags.length - 1] as string);
    } else if (event.key === 'Escape' && suggestions.length > 0) {
      // Closes the suggestions only; the next Escape reaches the popover or dialog around it.
      event.stopPropagation();
      this.open = false;
      this.active = -1;
    }
  };

  private acceptTyped(): void {
    if (this.typed.trim() === '') return;
    const checked = normalizeTag(this.typed);
    if (!checked.ok) {
      this.refusal = checked.message;
      return;
    }
    this.accept(checked.tag);
  }

  private accept(tag: string): void {
    this.typed = '';
    this.active = -1;
    this.open = false;
    if (this.tags.some((existing) => tagKey(existing) === tagKey(tag))) return;
    if (this.tags.length >= MAX_TAGS_PER_ITEM) {
      this.refusal = `One item can carry at most ${MAX_TAGS_PER_ITEM} tags.`;
      return;
    }
    this.refusal = '';
    this.dispatchEvent(new TagsChangeEvent([...this.tags, tag]));
  }

  private removeTag(tag: string): void {
    this.dispatchEvent(new TagsChangeEvent(this.tags.filter((existing) => existing !== tag)));
    this.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tag-input': TagInput;
  }
  interface HTMLElementEventMap {
    'tags-change': TagsChangeEvent;
  }
}
