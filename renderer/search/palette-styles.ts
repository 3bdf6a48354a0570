/** Styles of the search palette (search-palette.ts): a wide dialog, a search field, grouped options. */
import { css } from 'lit';

export const paletteStyles = css`
  /* No blur behind the palette: it redraws at every keystroke, and a blurred backdrop is redrawn with it. */
  dialog::backdrop {
    backdrop-filter: none;
  }
  dialog {
    width: min(680px, calc(100vw - 2 * var(--space-5)));
    max-height: min(640px, calc(100vh - 2 * var(--space-6)));
    margin-top: 10vh;
    padding: var(--space-4);
    display: flex;
    flex-direction: column;
  }
  dialog:not([open]) {
    display: none;
  }
  input[type='search'] {
    width: 100%;
    box-sizing: border-box;
    font-size: 1.0625rem;
    padding: var(--space-3) var(--space-4);
  }
  .status {
    margin: var(--space-2) var(--space-1) 0;
    font-size: 0.8125rem;
    color: var(--fg-muted);
  }
  [role='listbox'] {
    margin: var(--space-3) 0 0;
    padding: 0;
    overflow-y: auto;
    list-style: none;
  }
  .group {
    margin: var(--space-3) var(--space-2) var(--space-1);
    font-size: 0.75rem;
    font-weight: 600;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--fg-muted);
  }
  [role='option'] {
    padding: var(--space-2) var(--space-3);
    border-radius: var(--radius);
    cursor: pointer;
  }
  [role='option'][aria-selected='true'] {
    background: var(--accent-soft, var(--surface-2));
    outline: 2px solid var(--accent);
    outline-offset: -2px;
  }
  .snippet {
    display: block;
    overflow-wrap: anywhere;
    line-height: 1.4;
  }
  .detail {
    display: block;
    margin-top: 2px;
    font-size: 0.8125rem;
    color: var(--fg-muted);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  mark {
    background: var(--hl-yellow, #fde68a);
    color: inherit;
    border-radius: 2px;
  }
  .help {
    margin: var(--space-3) var(--space-2) 0;
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--space-1) var(--space-4);
    font-size: 0.8125rem;
    color: var(--fg-muted);
  }
  code {
    font-family: var(--font-mono, ui-monospace, monospace);
    color: var(--fg);
  }
`;
