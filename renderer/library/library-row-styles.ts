/** The library row's styles: fixed-height rows (ROW_HEIGHT) and their placeholders. */
import { css, unsafeCSS } from 'lit';
import { ROW_HEIGHT } from './library-row';
import { rowTagStyles } from './row-tags';

/** Styles for renderDocumentRow and renderPlaceholderRow, in the library view's shadow root. */
export const rowStyles = [
  rowTagStyles,
  css`
    .placeholder .bar,
    .excerpt[aria-busy='true'] .bar {
      display: inline-block;
      width: 60%;
      height: 0.9em;
      border-radius: 4px;
      background: color-mix(in srgb, currentColor 10%, transparent);
    }
    .placeholder .title-bar {
      width: 40%;
      height: 1.2em;
    }
    .placeholder .bar.short {
      width: 20%;
    }
    .row {
      position: relative;
      width: 100%;
      height: ${unsafeCSS(ROW_HEIGHT)}px;
      box-sizing: border-box;
      overflow: hidden;
      padding: var(--space-4);
      border-radius: var(--radius);
      transition: background-color var(--duration) var(--ease);
    }
    .row::after {
      content: '';
      position: absolute;
      inset: auto var(--space-4) 0;
      border-bottom: 1px solid var(--border);
    }
    .row:hover,
    .row:focus-within {
      background: var(--surface);
    }
    .row:hover::after,
    .row:focus-within::after {
      opacity: 0;
    }
    .head {
      display: flex;
      align-items: flex-start;
      gap: var(--space-3);
    }
    .open {
      flex: 1;
      min-width: 0;
      padding: 0;
      border: 0;
      background: none;
      text-align: left;
      cursor: pointer;
      font-family: var(--font-serif);
      font-size: 1.25rem;
      font-weight: 600;
      line-height: 1.3;
      letter-spacing: -0.005em;
      color: var(--fg);
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 1;
      line-clamp: 1;
      height: 26px;
      overflow: hidden;
      overflow-wrap: anywhere;
    }
    /* The whole row opens the document; the title button stays its accessible name. */
    .open::before {
      content: '';
      position: absolute;
      inset: 0;
      border-radius: var(--radius);
    }
    .open:focus-visible {
      outline: none;
    }
    .open:focus-visible::before {
      outline: 2px solid var(--focus-ring);
      outline-offset: -2px;
    }
    .row:hover .open {
      color: var(--accent);
    }
    .row-actions {
      position: relative;
      display: flex;
      gap: var(--space-1);
      /* As tall as one title line, so rows with one-line titles keep the same rhythm. */
      margin: -3px -8px -3px 0;
      opacity: 0;
      transition: opacity var(--duration) var(--ease);
    }
    .row-actions .btn.icon {
      width: 32px;
      height: 32px;
    }
    .row:hover .row-actions,
    .row:focus-within .row-actions {
      opacity: 1;
    }
    /* Byline and tags share one line, present (if empty) on every row so all rows are as tall. */
    .subline {
      display: flex;
      align-items: center;
      gap: var(--space-3);
      height: 20px;
      margin-top: var(--space-1);
      overflow: hidden;
      white-space: nowrap;
    }
    .subline .tags {
      flex-wrap: nowrap;
      margin: 0;
    }
    .byline {
      min-width: 0;
      flex: 0 1 auto;
      font-size: 0.8125rem;
      font-weight: 500;
      color: var(--fg-muted);
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .excerpt {
      margin: var(--space-2) 0 0;
      font-family: var(--font-serif);
      font-size: 0.96875rem;
      line-height: 1.55;
      color: color-mix(in srgb, var(--fg) 72%, var(--bg));
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
      line-clamp: 2;
      height: 48px;
      overflow: hidden;
    }
    .meta {
      display: flex;
      flex-wrap: nowrap;
      height: 20px;
      overflow: hidden;
      white-space: nowrap;
      align-items: center;
      gap: var(--space-2) var(--space-5);
      margin-top: var(--space-3);
      font-size: 0.78125rem;
      color: var(--fg-muted);
      font-variant-numeric: tabular-nums;
    }
    .progress,
    .highlights {
      display: inline-flex;
      align-items: center;
      gap: var(--space-2);
    }
    .highlights svg {
      width: 14px;
      height: 14px;
      color: var(--accent);
    }
    .bar {
      display: block;
      width: 72px;
      height: 4px;
      border-radius: 2px;
      background: var(--surface-2);
      box-shadow: inset 0 0 0 1px color-mix(in srgb, var(--border) 60%, transparent);
      overflow: hidden;
    }
    .fill {
      display: block;
      height: 100%;
      border-radius: 2px;
      background: var(--accent);
    }
    .done .fill {
      background: color-mix(in srgb, var(--accent) 55%, var(--fg-muted));
    }
    .dates {
      margin-left: auto;
      display: inline-flex;
      gap: var(--space-4);
    }
  `,
];
