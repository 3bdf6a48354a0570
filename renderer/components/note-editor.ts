/**
 * <note-editor>: a markdown note edited in a textarea with a rendered preview (Edit/Preview
 * toggle), saved as you type (renderer/notes/autosave.ts) through the `save` function it is given.
 * It shows Saving…/Saved/“Not saved — Retry”, keeps the text when a save fails, and saves pending
 * text when it leaves the page (view change, closing) and on `pagehide`.
 *
 * Hook for input helpers (e.g. `[[` link autocomplete): `NoteEditor.onTextarea(attach)` calls
 * `attach(textarea, editor)` for every editor's textarea once it exists and calls the function
 * `attach` returns when the editor goes away. A helper that changes `textarea.value` must then
 * dispatch an `input` event on the textarea so the change is saved.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { type Settled, failureToast } from '../app/calls';
import { ToastEvent } from '../lib/events';
import { Autosave, type SaveStatus } from '../notes/autosave';
import { noteEditorStyles } from '../notes/note-editor-styles';
import { renderNote } from '../notes/render-note';
import { controlStyles } from '../styles/app-styles';

/** Attaches a helper to an editor's textarea; returns the detach function. */
export type TextareaAttachment = (textarea: HTMLTextAreaElement, editor: NoteEditor) => () => void;

const attachments = new Set<TextareaAttachment>();

const STATUS_TEXT: Record<SaveStatus, string> = {
  saved: 'Saved',
  pending: 'Editing…',
  saving: 'Saving…',
  failed: 'Not saved',
};

/** @fires toast - when a save fails (the text stays in the editor). */
@customElement('note-editor')
export class NoteEditor extends LitElement {
  static override styles = [controlStyles, noteEditorStyles];

  /** Registers a helper for every note editor's textarea (see the module comment). */
  static onTextarea(attach: TextareaAttachment): () => void {
    attachments.add(attach);
    return () => void attachments.delete(attach);
  }

  /** The saved markdown the editor starts from; setting it again (another note) starts over. */
  @property({ attribute: false }) value = '';
  /** Stores the text; the editor calls it debounced, one call at a time. */
  @property({ attribute: false }) save: (markdown: string) => Promise<Settled<unknown>> = async () => ({
    ok: true,
    value: null,
  });
  /** The textarea's accessible name, e.g. “Note on “Berlin””. */
  @property() label = 'Note';
  @property() placeholder = 'Write in markdown…';
  /** Start in preview (reading) mode. */
  @property({ type: Boolean }) preview = false;

  @state() private status: SaveStatus = 'saved';
  @state() private failure: string | null = null;
  @query('textarea') private textareaElement!: HTMLTextAreaElement | null;
  @query('.preview') private previewElement!: HTMLElement | null;

  private autosave: Autosave | null = null;
  private detachments: (() => void)[] = [];

  /** The textarea (null in preview mode). */
  get textarea(): HTMLTextAreaElement | null {
    return this.textareaElement;
  }

  /** The text as typed, saved or not. */
  get text(): string {
    return this.autosave?.text ?? this.value;
  }

  /** Saves pending text now; resolves true when everything is saved. */
  flush(): Promise<boolean> {
    return this.autosave?.flush() ?? Promise.resolve(true);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pagehide', this.onPageHide);
    document.addEventListener('visibilitychange', this.onPageHide);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this.onPageHide);
    document.removeEventListener('visibilitychange', this.onPageHide);
    this.detach();
    // The save function is a closure over the bridge: it still stores what was typed last.
    void this.autosave?.flush();
    this.autosave?.dispose();
  }

  override willUpdate(changed: Map<string, unknown>): void {
    // The saved text coming back (the parent re-rendering with it) is not a new note to start over from.
    const echo = this.autosave?.knows(this.value) ?? false;
    if ((changed.has('value') && !echo) || this.autosave === null) {
      if (this.autosave?.hasUnsaved) void this.autosave.flush();
      this.autosave = new Autosave(this.value, {
        save: (text) => this.save(text),
        onStatus: (status, failure) => {
          this.status = status;
          this.failure = failure?.message ?? null;
          if (failure) this.dispatchEvent(new ToastEvent(failureToast('Could not save the note', failure)));
        },
      });
      this.status = 'saved';
      this.failure = null;
    }
  }

  override updated(): void {
    if (this.preview && this.previewElement) {
      const text = this.text;
      if (text.trim() === '') {
        const empty = document.createElement('p');
        empty.className = 'empty';
        empty.textContent = 'Nothing written yet.';
        this.previewElement.replaceChildren(empty);
      } else renderNote(this.previewElement, text);
    }
    this.attachToTextarea();
  }

  override render() {
    const failed = this.status === 'failed';
    return html`
      <div class="bar">
        <span class="status ${failed ? 'failed' : ''}" role="status" title=${this.failure ?? ''}>
          ${STATUS_TEXT[this.status]}${failed ? html` — ` : nothing}
        </span>
        ${failed ? html`<button class="btn mode" @click=${() => void this.autosave?.retry()}>Retry</button>` : nothing}
        <button
          class="btn ghost mode"
          aria-pressed=${String(this.preview)}
          aria-label="Preview ${this.label}"
          @click=${this.togglePreview}
        >
          ${this.preview ? 'Edit' : 'Preview'}
        </button>
      </div>
      ${
        this.preview
          ? html`<div class="preview" role="region" aria-label="${this.label} (preview)" tabindex="0"></div>`
          : html`<textarea
              aria-label=${this.label}
              placeholder=${this.placeholder}
              spellcheck="true"
              .value=${this.text}
              @input=${this.onInput}
              @keydown=${this.onKeydown}
            ></textarea>`
      }
    `;
  }

  private readonly onInput = (event: Event): void => {
    this.autosave?.edit((event.target as HTMLTextAreaElement).value);
  };

  private readonly onKeydown = (event: KeyboardEvent): void => {
    // The reader's single-key commands (H, N, 1–6…) must not fire while typing a note.
    if (!event.ctrlKey && !event.metaKey) event.stopPropagation();
    if (event.key === 'Escape') (event.target as HTMLElement).blur();
  };

  private readonly togglePreview = async (): Promise<void> => {
    this.detach();
    this.preview = !this.preview;
    await this.updateComplete;
    (this.preview ? this.previewElement : this.textareaElement)?.focus();
  };

  private readonly onPageHide = (event: Event): void => {
    if (event.type === 'pagehide' || document.visibilityState === 'hidden') void this.autosave?.flush();
  };

  private attachToTextarea(): void {
    const textarea = this.textareaElement;
    if (textarea === null || this.detachments.length > 0 || attachments.size === 0) return;
    this.detachments = [...attachments].map((attach) => attach(textarea, this));
  }

  private detach(): void {
    for (const detach of this.detachments.splice(0)) detach();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'note-editor': NoteEditor;
  }
}
