/** The Export dialog's look: a wider modal with the choices beside a live preview. */
import { css } from 'lit';

export const exportDialogStyles = css`
  dialog {
    width: min(920px, calc(100vw - 2 * var(--space-5)));
    max-height: calc(100vh - 2 * var(--space-5));
    overflow: auto;
  }
  .columns {
    display: grid;
    grid-template-columns: minmax(240px, 1fr) minmax(0, 1.4fr);
    gap: var(--space-5);
  }
  @media (max-width: 760px) {
    .columns {
      grid-template-columns: 1fr;
    }
  }
  dialog > p {
    margin-bottom: var(--space-4);
  }
  fieldset {
    margin: 0 0 var(--space-3);
    padding: 0;
    border: 0;
  }
  legend {
    margin: 0 0 var(--space-2);
    font-size: 0.8125rem;
    font-weight: 600;
    color: var(--fg-muted);
  }
  .choice {
    display: flex;
    align-items: center;
    gap: var(--space-2);
    margin: 0 0 var(--space-1);
    font-size: 0.9375rem;
    font-weight: 400;
    color: var(--fg);
  }
  /* A radio's label beside a field: the row's margin is the outer one's. */
  .choice .choice {
    margin: 0;
  }
  p.summary {
    margin-bottom: var(--space-2);
  }
  .choice .field {
    flex: 1;
    min-width: 0;
  }
  textarea.field {
    width: 100%;
    height: auto;
    min-height: 150px;
    padding: var(--space-2) var(--space-3);
    font-family: var(--font-mono);
    font-size: 0.8125rem;
    line-height: 1.45;
    resize: vertical;
  }
  .preview {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  .preview-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--space-2);
    min-height: 36px;
  }
  .preview-head .label {
    font-size: 0.8125rem;
    font-weight: 600;
    color: var(--fg-muted);
  }
  .switcher {
    display: flex;
    align-items: center;
    gap: var(--space-1);
    min-width: 0;
  }
  .switcher .btn[aria-disabled='true'] {
    opacity: 0.45;
    cursor: default;
  }
  .switcher select {
    min-width: 0;
    max-width: 260px;
  }
  .hint.file {
    margin: var(--space-1) 0 var(--space-2);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  pre.empty {
    color: var(--fg-muted);
    font-family: var(--font-ui);
    font-size: 0.875rem;
  }
  pre {
    flex: 1;
    min-height: 260px;
    max-height: 440px;
    margin: 0;
    padding: var(--space-3);
    overflow: auto;
    border: 1px solid var(--border);
    border-radius: var(--radius);
    background: var(--surface-2);
    color: var(--fg);
    font-family: var(--font-mono);
    font-size: 0.75rem;
    line-height: 1.5;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .hint {
    margin: var(--space-2) 0 0;
    font-size: 0.8125rem;
  }
  progress {
    width: 100%;
    height: 8px;
    accent-color: var(--accent);
  }
  .current {
    overflow: hidden;
    margin: var(--space-2) 0;
    color: var(--fg-muted);
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  details {
    margin-top: var(--space-3);
  }
  summary {
    cursor: pointer;
    font-weight: 600;
  }
  details ul {
    max-height: 280px;
    margin: var(--space-2) 0 0;
    padding-left: var(--space-5);
    overflow: auto;
    font-size: 0.875rem;
  }
  .outcome-conflicted,
  .failure {
    color: var(--danger);
  }
`;
