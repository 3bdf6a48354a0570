/** The Broken links view's styles (the same page frame as the trash). */
import { css } from 'lit';
import { pageFrameStyles } from '../styles/page-frame-styles';

export const brokenLinksStyles = css`
  ${pageFrameStyles}
  main {
    padding-top: var(--space-7);
  }
  h1 {
    margin: 0 0 var(--space-2);
    padding: 0 var(--space-4);
    font-family: var(--font-serif);
    font-size: 2.25rem;
    font-weight: 600;
  }
  .lede,
  .empty {
    margin: 0 0 var(--space-5);
    padding: 0 var(--space-4);
    color: var(--fg-muted);
    font-size: 0.875rem;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  main > ul > li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--space-3);
    padding: var(--space-4);
    border-bottom: 1px solid var(--border);
  }
  .what {
    flex: 1;
    min-width: 240px;
    display: grid;
    gap: 2px;
  }
  .source {
    font-family: var(--font-serif);
    font-size: 1.125rem;
    font-weight: 600;
  }
  .broken {
    text-decoration: line-through;
    text-decoration-color: var(--danger, #c0392b);
  }
  .reason,
  .detail {
    color: var(--fg-muted);
    font-size: 0.8125rem;
  }
  .actions {
    display: flex;
    gap: var(--space-2);
  }
  .picker {
    flex-basis: 100%;
    display: grid;
    gap: var(--space-2);
  }
  .picker input {
    font: inherit;
    padding: var(--space-2) var(--space-3);
    border: 1px solid var(--border);
    border-radius: 8px;
    background: var(--surface, transparent);
    color: var(--fg);
  }
`;
