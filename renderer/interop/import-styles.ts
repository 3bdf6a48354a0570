/** The look of the "Import highlights" dialog: a wider dialog with a scrolling list of books. */
import { css } from 'lit';

export const importHighlightsStyles = css`
  :host {
    display: contents;
  }
  .end {
    display: flex;
    align-items: baseline;
    gap: var(--space-3);
  }
  dialog {
    width: min(640px, calc(100vw - 2 * var(--space-5)));
    max-height: calc(100vh - 2 * var(--space-6));
  }
  form {
    display: flex;
    flex-direction: column;
    max-height: calc(100vh - 2 * var(--space-6) - 2 * var(--space-6));
  }
  .groups {
    flex: 1 1 auto;
    overflow: auto;
    margin: 0;
    padding: 0;
    list-style: none;
    border-top: 1px solid var(--border);
  }
  .groups li {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: var(--space-1) var(--space-3);
    align-items: start;
    padding: var(--space-3) 0;
    border-bottom: 1px solid var(--border);
  }
  .groups input[type='checkbox'] {
    margin-top: 3px;
    width: 16px;
    height: 16px;
    accent-color: var(--accent);
  }
  .groups label {
    margin: 0;
    font-size: 0.9375rem;
    font-weight: 600;
    color: var(--fg);
    overflow-wrap: anywhere;
  }
  .target {
    grid-column: 2;
    margin: 0;
    font-size: 0.875rem;
    color: var(--fg-muted);
    overflow-wrap: anywhere;
  }
  .badge {
    display: inline-block;
    margin-left: var(--space-2);
    padding: 0 var(--space-2);
    border-radius: 999px;
    background: var(--surface-2);
    color: var(--fg-muted);
    font-size: 0.75rem;
    white-space: nowrap;
  }
  .badge.confirm {
    background: color-mix(in srgb, var(--warning, #b7791f) 18%, transparent);
    color: var(--fg);
  }
  .none {
    grid-column: 1 / -1;
  }
  details {
    margin-top: var(--space-3);
    font-size: 0.875rem;
    color: var(--fg-muted);
  }
  details ul {
    max-height: 160px;
    overflow: auto;
    margin: var(--space-2) 0 0;
    padding-left: var(--space-5);
  }
  summary {
    cursor: pointer;
  }
  .outcome {
    font-variant-numeric: tabular-nums;
  }
`;
