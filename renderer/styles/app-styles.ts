/**
 * Control styles shared by the shell's shadow roots: buttons, fields, selects and focus
 * rings that look like Lectern rather than the browser's defaults.
 */
import { css } from 'lit';

export const controlStyles = css`
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :host {
    font-family: var(--font-ui);
    color: var(--fg);
  }
  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--focus-ring);
    outline-offset: 2px;
  }
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--space-2);
    height: 36px;
    padding: 0 var(--space-4);
    border: 1px solid var(--border);
    border-radius: var(--radius-sm);
    background: var(--surface);
    color: var(--fg);
    font-size: 0.875rem;
    font-weight: 500;
    line-height: 1;
    white-space: nowrap;
    cursor: pointer;
    transition:
      background-color var(--duration) var(--ease),
      border-color var(--duration) var(--ease),
      color var(--duration) var(--ease);
  }
  .btn:hover {
    background: var(--surface-2);
  }
  .btn:active {
    transform: translateY(0.5px);
  }
  .btn svg {
    width: 16px;
    height: 16px;
    flex: none;
  }
  .btn.primary {
    background: var(--accent);
    border-color: var(--accent);
    color: var(--accent-fg);
  }
  .btn.primary:hover {
    background: color-mix(in srgb, var(--accent) 88%, var(--fg));
  }
  .btn.danger {
    background: var(--danger);
    border-color: var(--danger);
    color: var(--accent-fg);
  }
  .btn.danger:hover {
    background: color-mix(in srgb, var(--danger) 88%, var(--fg));
  }
  .btn.ghost {
    background: transparent;
    border-color: transparent;
    color: var(--fg-muted);
  }
  .btn.ghost:hover {
    background: var(--surface-2);
    color: var(--fg);
  }
  .btn.icon {
    width: 36px;
    padding: 0;
  }
  .btn.large {
    height: 48px;
    padding: 0 var(--space-5);
    font-size: 1rem;
    border-radius: var(--radius);
  }
  .field {
    height: 36px;
    width: 100%;
    padding: 0 var(--space-3);
    border: 1px solid var(--border-field);
    border-radius: var(--radius-sm);
    background: var(--surface);
    font-size: 0.9375rem;
    transition:
      border-color var(--duration) var(--ease),
      box-shadow var(--duration) var(--ease);
  }
  .field::placeholder {
    color: var(--fg-muted);
    opacity: 0.85;
  }
  .field:hover {
    border-color: var(--fg-muted);
  }
  .field:focus-visible {
    outline: none;
    border-color: var(--focus-ring);
    box-shadow: 0 0 0 3px color-mix(in srgb, var(--focus-ring) 30%, transparent);
  }
  select.field {
    appearance: none;
    padding-right: 32px;
    cursor: pointer;
    background-image:
      linear-gradient(45deg, transparent 50%, var(--fg-muted) 50%),
      linear-gradient(135deg, var(--fg-muted) 50%, transparent 50%);
    background-position:
      calc(100% - 17px) 50%,
      calc(100% - 12px) 50%;
    background-size:
      5px 5px,
      5px 5px;
    background-repeat: no-repeat;
  }
  select.field option {
    background: var(--surface);
    color: var(--fg);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition-duration: 0.01ms !important;
      animation-duration: 0.01ms !important;
    }
  }
`;
