/** The line icon of notes (a page with a folded corner and lines), drawn like app-icons.ts. */
import { svg } from 'lit';

export const noteIcon = svg`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.75"
  stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false"><path
  d="M6 3h9l4 4v14H6z"/><path d="M15 3v4h4M9 12h7M9 16h5"/></svg>`;
