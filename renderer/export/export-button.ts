/** The library toolbar's "Export library…" button, which asks for the Export dialog. */
import { html, svg } from 'lit';
import { ExportRequestEvent } from './export-events';

/** A tray with an arrow out of it: notes leaving for a folder. */
const exportIcon = svg`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.75"
  stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false"><path
  d="M12 15V3M7 8l5-5 5 5"/><path d="M5 13v6a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-6"/></svg>`;

/** The button (its label hides on narrow windows, like the toolbar's other views'). */
export const exportButton = () =>
  html`<button
    class="btn ghost"
    aria-label="Export library…"
    title="Export the notes of many documents into a folder…"
    @click=${(event: Event) => event.currentTarget?.dispatchEvent(new ExportRequestEvent())}
  >
    ${exportIcon}<span class="trash-label">Export</span>
  </button>`;
