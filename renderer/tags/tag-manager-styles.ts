/** Styles of the tag manager: the trash view's page layout, with an indented tree of tags. */
import { css } from 'lit';
import { emptyStateStyles, pageFrameStyles } from '../styles/page-frame-styles';

export const tagManagerStyles = css`
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
  .tree {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .tree li {
    display: flex;
    align-items: center;
    gap: var(--space-3);
    padding: var(--space-2) var(--space-4);
    padding-inline-start: calc(var(--space-4) + var(--depth, 0) * var(--space-5));
    border-bottom: 1px solid var(--border);
  }
  .name {
    min-width: 0;
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .name::before {
    content: '#';
    margin-inline-end: 2px;
    color: var(--fg-muted);
    font-weight: 400;
  }
  .uses {
    flex: 1;
    color: var(--fg-muted);
    font-size: 0.8125rem;
    white-space: nowrap;
  }
  .tag-actions {
    display: flex;
    gap: var(--space-1);
  }
  .tag-actions .btn {
    height: 32px;
    padding: 0 var(--space-3);
    font-size: 0.8125rem;
  }
  .tag-actions .btn.delete {
    color: var(--danger);
  }
  .empty .hint {
    margin-top: var(--space-2);
    font-family: var(--font-ui);
    font-size: 0.875rem;
    color: var(--fg-muted);
  }
  label {
    display: block;
    margin: var(--space-3) 0 var(--space-1);
    font-size: 0.875rem;
  }
  .error {
    color: var(--danger);
    font-size: 0.8125rem;
  }
`;
