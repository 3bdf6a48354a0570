/** Styles of <trash-view>: the header bar, the list of deleted documents, the empty state. */
import { css } from 'lit';
import { emptyStateStyles, pageFrameStyles } from '../styles/page-frame-styles';

export const trashViewStyles = css`
  ${pageFrameStyles}
  ${emptyStateStyles}
  main {
    padding-top: var(--space-7);
  }
  h1 {
    margin: 0 0 var(--space-2);
    padding: 0 var(--space-4);
    font-family: var(--font-serif);
    font-size: 2.25rem;
    font-weight: 600;
    letter-spacing: -0.015em;
  }
  .lede {
    margin: 0 0 var(--space-5);
    padding: 0 var(--space-4);
    color: var(--fg-muted);
    font-size: 0.875rem;
  }
  .rule {
    margin: 0 0 var(--space-5);
    padding: 0 var(--space-4);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    display: flex;
    align-items: center;
    gap: var(--space-4);
    padding: var(--space-4);
    border-bottom: 1px solid var(--border);
  }
  .title {
    flex: 1;
    min-width: 0;
    font-family: var(--font-serif);
    font-size: 1.125rem;
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .when {
    color: var(--fg-muted);
    font-size: 0.8125rem;
    white-space: nowrap;
  }
  .heading {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--space-4);
    padding-inline-end: var(--space-4);
  }
  h1:focus {
    outline: none;
  }
  h1:focus-visible {
    outline: 2px solid var(--focus-ring);
    outline-offset: 4px;
    border-radius: 4px;
  }
  .btn.danger-ghost {
    background: transparent;
    color: var(--danger);
  }
  .btn.danger-ghost:hover {
    background: color-mix(in srgb, var(--danger) 10%, transparent);
  }
`;
