/**
 * The notes parts of <highlight-panel>: the "Document note" section, and under each highlight its
 * note (first lines), its tags (read-only chips) and the Note button or the open note editor.
 */
import { css, html, nothing } from 'lit';
import type { Highlight, LecternBridge } from '../../preload/api';
import { type Settled, call, failureOf } from '../app/calls';
import { firstWords } from '../highlighting/events';
import { DocumentNoteSavedEvent, HighlightNoteSavedEvent } from './note-events';
import { firstLinesOf } from './render-note';
import '../components/note-editor';

const noBridge = (): Promise<Settled<never>> =>
  Promise.resolve(failureOf('setHighlightNote', 'internal', 'Lectern could not reach its library.'));

/** Stores a highlight's note, then tells the reader (its copy of the highlight changes). */
export async function saveHighlightNote(
  host: EventTarget,
  bridge: LecternBridge | undefined,
  highlight: Highlight,
  markdown: string,
): Promise<Settled<Highlight>> {
  if (!bridge) return noBridge();
  const saved = await call(bridge, 'setHighlightNote', highlight.documentId, highlight.id, markdown || null);
  if (saved.ok) host.dispatchEvent(new HighlightNoteSavedEvent(saved.value));
  return saved;
}

export async function saveDocumentNote(
  host: EventTarget,
  bridge: LecternBridge | undefined,
  documentId: string,
  markdown: string,
): Promise<Settled<null>> {
  if (!bridge) return noBridge();
  const saved = await call(bridge, 'setDocumentNote', documentId, markdown || null);
  if (saved.ok) host.dispatchEvent(new DocumentNoteSavedEvent(documentId, markdown || null));
  return saved;
}

export interface HighlightNoteParts {
  highlight: Highlight;
  editing: boolean;
  onEdit: () => void;
  onDone: () => void;
  save: (markdown: string) => Promise<Settled<unknown>>;
  /** False in items other than the list's active one: the list is one Tab stop (arrows move in it). */
  tabbable?: boolean;
}

/** Under one highlight of the panel: tags, its note's first lines, and Note / the editor. */
export function highlightNoteParts({
  highlight,
  editing,
  onEdit,
  onDone,
  save,
  tabbable = true,
}: HighlightNoteParts) {
  const about = `“${firstWords(highlight.quote.exact, 6)}”`;
  const tags =
    highlight.tags.length > 0
      ? html`<ul class="tags" aria-label="Tags of ${about}">
          ${highlight.tags.map((tag) => html`<li class="tag">${tag}</li>`)}
        </ul>`
      : nothing;
  if (editing) {
    return html`${tags}
      <div class="note-editing">
        <note-editor label="Note on ${about}" .value=${highlight.note ?? ''} .save=${save}></note-editor>
        <button type="button" class="note-done" @click=${onDone}>Done</button>
      </div>`;
  }
  return html`${tags}
    ${
      highlight.note
        ? html`<p class="note-lines" title=${highlight.note}>${firstLinesOf(highlight.note)}</p>`
        : nothing
    }
    <button
      type="button"
      class="note-button ${highlight.note ? '' : 'add'}"
      tabindex=${tabbable ? 0 : -1}
      aria-label="${highlight.note ? 'Edit' : 'Add'} note on ${about}"
      @click=${onEdit}
    >
      ${highlight.note ? 'Edit note' : 'Add note'}
    </button>`;
}

export interface DocumentNoteParts {
  note: string | null;
  editing: boolean;
  onEdit: () => void;
  onDone: () => void;
  save: (markdown: string) => Promise<Settled<unknown>>;
}

/** The "Document note" section at the top of the panel. */
export function documentNoteSection({ note, editing, onEdit, onDone, save }: DocumentNoteParts) {
  return html`<section class="document-note" aria-labelledby="document-note-heading">
    <h2 id="document-note-heading">Document note</h2>
    ${
      editing
        ? html`<div class="note-editing">
            <note-editor label="Document note" .value=${note ?? ''} .save=${save}></note-editor>
            <button type="button" class="note-done" @click=${onDone}>Done</button>
          </div>`
        : html`${note ? html`<p class="note-lines">${firstLinesOf(note)}</p>` : nothing}
            <button type="button" class="note-button" @click=${onEdit}>
              ${note ? 'Edit document note' : 'Add a document note'}
            </button>`
    }
  </section>`;
}

export const panelNoteStyles = css`
  .document-note {
    padding: 0 16px 12px;
    border-bottom: 1px solid var(--border, #ddd);
  }
  .document-note h2 {
    margin-inline: 0;
  }
  .note-lines {
    margin: 4px 0 6px;
    padding-inline-start: 8px;
    border-inline-start: 2px solid var(--accent, #9e4524);
    color: var(--fg, #222);
    font-family: var(--font-serif, serif);
    font-size: 0.8125rem;
    overflow-wrap: anywhere;
  }
  .items .note-lines,
  .items .tags,
  .items .note-button,
  .items .note-editing {
    margin-inline: 40px 12px;
  }
  .note-button,
  .note-done {
    padding: 2px 8px;
    border: 1px solid var(--border, #ddd);
    border-radius: 6px;
    background: transparent;
    color: var(--fg-muted, #666);
    font: inherit;
    font-size: 0.75rem;
    cursor: pointer;
  }
  .note-button:hover,
  .note-done:hover {
    color: var(--fg, #222);
    background: var(--surface-2, #eee);
  }
  .items li > .note-button {
    margin-bottom: 8px;
  }
  /* "Add note" waits in the corner until the highlight is hovered, focused or selected. */
  .items li {
    position: relative;
  }
  .items li > .note-button.add {
    position: absolute;
    top: 8px;
    inset-inline-end: 0;
    margin: 0;
    opacity: 0;
  }
  .items li:hover > .note-button.add,
  .items li:focus-within > .note-button.add,
  .items li:has(> [aria-current='true']) > .note-button.add {
    opacity: 1;
    background: var(--surface, #fff);
  }
  .note-editing {
    display: grid;
    gap: 6px;
    justify-items: end;
    margin-bottom: 10px;
  }
  .note-editing note-editor {
    justify-self: stretch;
    --note-editor-height: 140px;
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    margin-block: 2px 6px;
    padding: 0;
    list-style: none;
  }
  .tag {
    padding: 1px 8px;
    border-radius: 999px;
    background: var(--surface-2, #eee);
    color: var(--fg-muted, #666);
    font-size: 0.75rem;
  }
`;
