/**
 * The Notes view's list, as templates: the filter, the live notes (newest update first), the
 * notes trash and the note files Lectern could not read. <notes-view> owns the data and actions.
 */
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { NoteSummary, TrashedNote, UnreadableNoteFile } from '../../preload/api';
import type { Settled } from '../app/calls';
import { formatRelativeDay } from '../lib/format';
import { icons } from '../styles/app-icons';
import { matchesFilter } from './notes-filter';

/** Shown for a note without a title. */
export const UNTITLED = 'Untitled note';

export interface NotesListing {
  notes: Settled<NoteSummary[]>;
  trashed: Settled<TrashedNote[]>;
  unreadable: Settled<UnreadableNoteFile[]>;
}

/** What the list asks its view to do. */
export interface NotesListActions {
  filtered(filter: string): void;
  open(id: string): void;
  delete(id: string): void;
  restore(id: string): void;
  retry(): void;
}

export function notesList(
  listed: NotesListing | null,
  filter: string,
  act: NotesListActions,
  locale: string,
) {
  if (!listed)
    return html`<h1>Notes</h1>
      <p class="lede" aria-busy="true">Loading…</p>`;
  const { notes, trashed, unreadable } = listed;
  if (!notes.ok) {
    return html`<h1>Notes</h1>
      <app-load-error
        heading="The notes could not be loaded"
        reason=${notes.message}
        code=${notes.code}
        @retry-load=${() => act.retry()}
      ></app-load-error>`;
  }
  const shown = notes.value.filter((note) => matchesFilter(note, filter.trim()));
  const now = new Date();
  return html`
    <h1>Notes</h1>
    <input
      class="filter"
      type="search"
      aria-label="Filter notes"
      placeholder="Filter notes"
      .value=${filter}
      @input=${(e: Event) => act.filtered((e.target as HTMLInputElement).value)}
    />
    ${
      notes.value.length === 0
        ? html`<p class="empty">No notes yet. “New note” starts one.</p>`
        : shown.length === 0
          ? html`<p class="empty">No note matches “${filter.trim()}”.</p>`
          : nothing
    }
    <ul aria-label="Notes">
      ${repeat(
        shown,
        (note) => note.id,
        (note) =>
          html`<li>
            <button class="open" @click=${() => act.open(note.id)}>
              <span class="title">${note.title || UNTITLED}</span>
              <span class="excerpt">${note.excerpt || 'Empty'}</span>
            </button>
            <span class="when">${formatRelativeDay(note.updatedAt, now, locale)}</span>
            <button
              class="btn ghost"
              aria-label="Delete “${note.title || UNTITLED}”"
              @click=${() => act.delete(note.id)}
            >
              ${icons.trash}
            </button>
          </li>`,
      )}
    </ul>
    ${trashed.ok ? deletedNotes(trashed.value, act, now, locale) : nothing}
    ${unreadable.ok ? unreadableFiles(unreadable.value) : nothing}
  `;
}

function deletedNotes(trashed: TrashedNote[], act: NotesListActions, now: Date, locale: string) {
  if (trashed.length === 0) return nothing;
  return html`<h2 id="deleted-notes">Deleted notes</h2>
    <ul aria-labelledby="deleted-notes">
      ${trashed.map(
        (entry) =>
          html`<li>
            <span class="open"><span class="title">${entry.title || UNTITLED}</span></span>
            <span class="when">Deleted ${formatRelativeDay(entry.deletedAt, now, locale)}</span>
            <button
              class="btn"
              aria-label="Restore “${entry.title || UNTITLED}”"
              @click=${() => act.restore(entry.id)}
            >
              ${icons.restore}Restore
            </button>
          </li>`,
      )}
    </ul>`;
}

function unreadableFiles(files: UnreadableNoteFile[]) {
  if (files.length === 0) return nothing;
  return html`<h2 id="unreadable-notes">Note files Lectern could not read</h2>
    <ul aria-labelledby="unreadable-notes">
      ${files.map(
        (file) =>
          html`<li>
            <span class="open"
              ><span class="title">notes/${file.fileName}</span
              ><span class="reason">Left as it is: ${file.reason}.</span></span
            >
          </li>`,
      )}
    </ul>`;
}
