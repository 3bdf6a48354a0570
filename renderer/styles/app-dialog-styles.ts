/** The look of Lectern's modal dialogs (native <dialog> opened with showModal). */
import { css } from 'lit';

export const dialogStyles = css`
  dialog {
    width: min(440px, calc(100vw - 2 * var(--space-5)));
    padding: var(--space-6) var(--space-6) var(--space-5);
    border: 1px solid var(--border);
    border-radius: var(--radius-lg);
    background: var(--surface);
    color: var(--fg);
    box-shadow: var(--shadow-lg);
  }
  dialog[open] {
    animation: appear 180ms var(--ease);
  }
  dialog::backdrop {
    background: var(--backdrop, rgb(0 0 0 / 0.35));
    backdrop-filter: blur(2px);
  }
  h2 {
    margin: 0 0 var(--space-2);
    font-family: var(--font-serif);
    font-size: 1.375rem;
    font-weight: 600;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }
  p {
    margin: 0 0 var(--space-5);
    color: var(--fg-muted);
    font-size: 0.9375rem;
  }
  label {
    display: block;
    margin: var(--space-4) 0 var(--space-2);
    font-size: 0.8125rem;
    font-weight: 600;
    color: var(--fg-muted);
  }
  .error {
    margin: var(--space-2) 0 0;
    color: var(--danger);
    font-size: 0.875rem;
  }
  .actions {
    display: flex;
    justify-content: flex-end;
    gap: var(--space-2);
    margin-top: var(--space-6);
  }
  @keyframes appear {
    from {
      opacity: 0;
      transform: translateY(6px) scale(0.98);
    }
  }
`;
