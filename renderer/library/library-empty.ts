/** The library's empty states: no documents at all, and none matching the filter. */
import { html } from 'lit';
import { icons } from '../styles/app-icons';
import { noMatchWhat } from './library-texts';

/** An empty library: what to do first (`importDocuments` opens the import dialog). */
export function renderEmptyLibrary(importDocuments: () => void) {
  return html`
    <section class="empty" aria-labelledby="empty-heading">
      <div class="empty-art" aria-hidden="true">${icons.book}</div>
      <h1 id="empty-heading" tabindex="-1">Your library is empty</h1>
      <p>Bring in articles, essays and books as Markdown or plain text. They stay on this computer.</p>
      <button class="btn primary large" @click=${importDocuments}>${icons.upload}Import documents…</button>
      <p class="hint">or drop .md and .txt files anywhere in this window</p>
    </section>
  `;
}

/** No document matches `filter` (and `tag`): say so, and offer to clear them. */
export function renderNoMatch(filter: string, tag: string | null, clearFilter: () => void) {
  return html`
    <section class="empty no-match">
      <h2>No documents match ${noMatchWhat(filter, tag)}</h2>
      <p>Try another word, or clear the filter to see your whole library.</p>
      <button class="btn" @click=${clearFilter}>Clear filter</button>
    </section>
  `;
}
