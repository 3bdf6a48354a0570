/**
 * <notes-view>: the Notes view. Without `noteId` it lists the standalone notes (newest update
 * first, filtered as you type), the notes trash and any note file Lectern could not read; with
 * `noteId` it shows that note: its title (rename) and a <note-editor> for its body.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { keyed } from 'lit/directives/keyed.js';
import { Task } from '@lit/task';
import type { LecternBridge, Note } from '../../preload/api';
import { type Settled, call, failureOf, failureToast } from '../app/calls';
import { bridgeContext } from '../lib/bridge-context';
import { NavigateEvent, ToastEvent } from '../lib/events';
import { OpenNoteEvent } from '../notes/note-events';
import { type NotesListActions, UNTITLED, notesList } from '../notes/notes-list';
import { type TagList, tagListContext } from '../tags/tag-list';
import type { TagsChangeEvent } from './tag-input';
import { notesViewStyles } from '../notes/notes-view-styles';
import { controlStyles } from '../styles/app-styles';
import { icons } from '../styles/app-icons';
import './app-load-error';
import './note-editor';
import './link-backlinks';
import './tag-input';

/** @fires navigate, open-note, toast */
@customElement('notes-view')
export class NotesView extends LitElement {
  static override styles = [controlStyles, notesViewStyles];

  /** The note shown, or null for the list. */
  @property({ attribute: false }) noteId: string | null = null;
  /** A note opened from another one's preview (a followed link) opens in preview too: reading goes on. */
  private openInPreview = false;
  /** Bumped by the shell when notes change elsewhere: the list reloads. */
  @property({ attribute: false }) version = 0;

  @consume({ context: bridgeContext }) private bridge?: LecternBridge;
  /** Refreshed after the note's tags change: suggestions and the tag manager count notes too. */
  @consume({ context: tagListContext, subscribe: true }) private tagList?: TagList;
  @state() private filter = '';
  /** The note just created, whose title gets focus once it is shown. */
  private focusTitleOf: string | null = null;
  private readonly locale = navigator.language || 'en-US';

  private readonly listing = new Task(this, {
    task: async ([bridge, noteId]: readonly [LecternBridge | undefined, string | null, number]) => {
      if (!bridge || noteId !== null) return null;
      const [notes, trashed, unreadable] = await Promise.all([
        call(bridge, 'listNotes'),
        call(bridge, 'listTrashedNotes'),
        call(bridge, 'listUnreadableNotes'),
      ]);
      return { notes, trashed, unreadable };
    },
    args: () => [this.bridge, this.noteId, this.version] as const,
  });

  private readonly opened = new Task(this, {
    task: async ([bridge, noteId]: readonly [LecternBridge | undefined, string | null]) =>
      bridge && noteId !== null ? call(bridge, 'getNote', noteId) : null,
    args: () => [this.bridge, this.noteId] as const,
  });

  override render() {
    const open = this.noteId !== null;
    return html`
      <header>
        <div class="bar">
          <button
            class="btn ghost"
            @click=${() => this.dispatchEvent(open ? new OpenNoteEvent(null) : new NavigateEvent('library'))}
          >
            ${icons.back}${open ? 'All notes' : 'Back to library'}
          </button>
          <span class="spacer"></span>
          ${
            open
              ? html`<button class="btn" @click=${() => this.noteId && void this.deleteNote(this.noteId)}>
                  ${icons.trash}Delete note
                </button>`
              : nothing
          }
          <button class="btn primary" @click=${() => void this.create()}>${icons.plus}New note</button>
        </div>
      </header>
      <main>${open ? this.renderNote() : this.renderList()}</main>
    `;
  }

  private renderList() {
    return notesList(this.listing.value ?? null, this.filter, this.listActions, this.locale);
  }

  private readonly listActions: NotesListActions = {
    filtered: (filter) => (this.filter = filter),
    open: (id) => this.dispatchEvent(new OpenNoteEvent(id)),
    delete: (id) => void this.deleteNote(id),
    restore: (id) => void this.restore(id),
    retry: () => void this.listing.run(),
  };

  private renderNote() {
    const opened = this.opened.value;
    if (!opened) return html`<p class="lede" aria-busy="true">Loading…</p>`;
    if (!opened.ok) {
      return html`<app-load-error
        heading="This note could not be opened"
        reason=${opened.message}
        code=${opened.code}
        @retry-load=${() => void this.opened.run()}
      ></app-load-error>`;
    }
    const note = opened.value;
    return html`
      <input
        class="note-title"
        aria-label="Note title"
        placeholder=${UNTITLED}
        .value=${note.title}
        @change=${(e: Event) => void this.rename(note, (e.target as HTMLInputElement).value)}
        @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
      />
      <tag-input
        class="note-tags"
        label="Tags of this note"
        .tags=${note.tags}
        @tags-change=${(e: TagsChangeEvent) => void this.saveTags(note, e.tags)}
      ></tag-input>
      ${keyed(
        note.id,
        html`<note-editor
          label="Note text"
          ?preview=${this.openInPreview}
          .value=${note.body}
          .save=${(body: string) => this.saveBody(note.id, body)}
        ></note-editor>`,
      )}
      <link-backlinks class="note-backlinks" target=${`note/${note.id}`}></link-backlinks>
    `;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('noteId')) {
      const current = this.renderRoot?.querySelector('note-editor');
      this.openInPreview = this.noteId !== null && current?.preview === true;
    }
  }

  private saveBody(id: string, body: string): Promise<Settled<unknown>> {
    if (!this.bridge)
      return Promise.resolve(failureOf('saveNote', 'internal', 'Lectern could not reach its library.'));
    return call(this.bridge, 'saveNote', id, { body });
  }

  private async create(): Promise<void> {
    if (!this.bridge) return;
    const created = await call(this.bridge, 'createNote', { title: '' });
    if (!created.ok)
      return void this.dispatchEvent(new ToastEvent(failureToast('Could not create a note', created)));
    this.focusTitleOf = created.value.id;
    this.dispatchEvent(new OpenNoteEvent(created.value.id));
  }

  override updated(): void {
    // A new note opens with its title focused, once the shell has routed to it and it is loaded.
    const opened = this.opened.value;
    if (this.focusTitleOf === null || !opened?.ok || opened.value.id !== this.focusTitleOf) return;
    this.focusTitleOf = null;
    this.renderRoot.querySelector<HTMLInputElement>('.note-title')?.focus();
  }

  private async rename(note: Note, title: string): Promise<void> {
    if (!this.bridge || title === note.title) return;
    const saved = await call(this.bridge, 'saveNote', note.id, { title });
    if (!saved.ok) this.dispatchEvent(new ToastEvent(failureToast('Could not rename the note', saved)));
    else note.title = saved.value.title;
  }

  /** Shows the new tags at once; a failed save puts the old ones back and says why. */
  private async saveTags(note: Note, tags: string[]): Promise<void> {
    if (!this.bridge) return;
    const before = note.tags;
    note.tags = tags;
    this.requestUpdate();
    const saved = await call(this.bridge, 'saveNote', note.id, { tags });
    note.tags = saved.ok ? saved.value.tags : before;
    this.requestUpdate();
    if (!saved.ok) this.dispatchEvent(new ToastEvent(failureToast('Could not save the note’s tags', saved)));
    else void this.tagList?.refresh();
  }

  private async deleteNote(id: string): Promise<void> {
    if (!this.bridge) return;
    const editor = this.renderRoot.querySelector('note-editor');
    await editor?.flush();
    const deleted = await call(this.bridge, 'deleteNote', id);
    if (!deleted.ok)
      return void this.dispatchEvent(new ToastEvent(failureToast('Could not delete the note', deleted)));
    this.dispatchEvent(
      new ToastEvent({
        kind: 'info',
        message: 'Note moved to the trash.',
        action: { label: 'Undo', run: () => void this.restore(id) },
      }),
    );
    if (this.noteId !== null) this.dispatchEvent(new OpenNoteEvent(null));
    else void this.listing.run();
  }

  private async restore(id: string): Promise<void> {
    if (!this.bridge) return;
    const restored = await call(this.bridge, 'restoreNote', id);
    if (!restored.ok)
      this.dispatchEvent(new ToastEvent(failureToast('Could not restore the note', restored)));
    else
      this.dispatchEvent(
        new ToastEvent({ kind: 'success', message: `Restored “${restored.value.title || UNTITLED}”` }),
      );
    void this.listing.run();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'notes-view': NotesView;
  }
}
