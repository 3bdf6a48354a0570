/** Shared look of the floating highlight controls: a small card with round colour buttons. */
import { css } from 'lit';

export const floatingStyles = css`
  /* Placed by FloatingPlacementController (top-left corner, measured at its natural width). */
  :host {
    position: absolute;
    left: 0;
    top: 0;
    width: max-content;
    z-index: 6;
    font-family: var(--font-ui, system-ui, sans-serif);
    font-size: 0.8125rem;
    color: var(--fg, #222);
  }
  .card {
    display: flex;
    align-items: center;
    gap: 2px;
    padding: 4px;
    border-radius: 12px;
    background: var(--surface, #fff);
    border: 1px solid var(--border, #ddd);
    box-shadow: var(--shadow-lg, 0 12px 40px rgba(0, 0, 0, 0.2));
  }
  button {
    font: inherit;
    color: inherit;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
    min-width: 32px;
    height: 32px;
    padding: 0 8px;
    border: 0;
    border-radius: 8px;
    background: transparent;
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    background: var(--surface-2, rgba(127, 127, 127, 0.14));
  }
  button:disabled {
    cursor: default;
    opacity: 0.45;
  }
  button:focus-visible {
    outline: 2px solid var(--focus-ring, #3b82f6);
    outline-offset: 1px;
  }
  button[aria-pressed='true'] .swatch {
    box-shadow:
      0 0 0 2px var(--surface, #fff),
      0 0 0 4px var(--fg-muted, #777);
  }
  .colour .swatch {
    width: 18px;
    height: 18px;
  }
  .sep {
    width: 1px;
    align-self: stretch;
    margin: 4px 2px;
    background: var(--border, #ddd);
  }
  .hint {
    padding: 0 8px;
    color: var(--fg-muted, #666);
    white-space: nowrap;
  }
`;
