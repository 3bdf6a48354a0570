/** The workspace view's styles: the list of highlight cards, group headings and the bulk bar. */
import { css, unsafeCSS } from 'lit';
import { HIGHLIGHT_COLORS } from '../../preload/api';
import { WORKSPACE_ROW_HEIGHT } from './workspace-row';

const stripes = HIGHLIGHT_COLORS.map(
  (color) => `.stripe.${color} { background: rgb(from var(--hl-${color}) r g b / 0.95); }`,
).join('\n');

export const workspaceStyles = css`
  h1 {
    margin: var(--space-2) 0 var(--space-4);
    font-family: var(--font-serif);
    font-size: 1.75rem;
    font-weight: 600;
  }
  h1:focus {
    outline: none;
  }
  .summary {
    margin: 0 0 var(--space-3);
    color: var(--fg-muted);
    font-size: 0.875rem;
    font-variant-numeric: tabular-nums;
  }
  .list {
    position: relative;
    display: block;
  }
  .list.heading-first {
    margin-top: -${unsafeCSS(WORKSPACE_ROW_HEIGHT - 64)}px;
  }
  .list:focus-visible {
    outline: none;
  }
  .list > .slot {
    position: absolute;
    top: 0;
    left: 0;
    right: 0;
  }
  .heading {
    pointer-events: none;
    display: flex;
    align-items: flex-end;
    gap: var(--space-2);
    height: 100%;
    padding: 0 var(--space-1) var(--space-3);
    border-bottom: 1px solid var(--border);
  }
  .heading .label {
    overflow: hidden;
    font-family: var(--font-serif);
    font-size: 1.25rem;
    font-weight: 600;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .heading .count {
    color: var(--fg-muted);
    font-size: 0.875rem;
    font-variant-numeric: tabular-nums;
  }
  .item {
    display: flex;
    gap: var(--space-3);
    height: ${unsafeCSS(WORKSPACE_ROW_HEIGHT - 10)}px;
    margin-top: 10px;
    padding: 10px var(--space-3) 10px 0;
    overflow: hidden;
    border: 1px solid var(--border);
    border-radius: var(--radius);
    background: var(--surface);
    cursor: default;
    user-select: none;
  }
  .item.pending {
    padding-left: var(--space-4);
    color: var(--fg-muted);
  }
  .item:hover {
    border-color: color-mix(in srgb, var(--fg-muted) 60%, var(--border));
  }
  .item.selected {
    border-color: var(--focus-ring);
    background: color-mix(in srgb, var(--focus-ring) 9%, var(--surface));
  }
  .item:focus-visible {
    outline: 2px solid var(--focus-ring);
    outline-offset: 1px;
  }
  .check {
    flex: none;
    align-self: flex-start;
    display: grid;
    place-items: center;
    width: 18px;
    height: 18px;
    margin-top: 3px;
    border: 1.5px solid var(--border-field);
    border-radius: 50%;
    color: var(--accent-fg);
  }
  .check svg {
    width: 12px;
    height: 12px;
  }
  .selected .check {
    border-color: var(--focus-ring);
    background: var(--focus-ring);
    color: var(--surface);
  }
  .stripe {
    flex: none;
    width: 5px;
    margin-left: -1px;
    border-radius: 0 3px 3px 0;
  }
  ${unsafeCSS(stripes)}
  .body {
    flex: 1;
    min-width: 0;
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .body p {
    margin: 0;
    overflow: hidden;
  }
  .quote {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    font-family: var(--font-serif);
    font-size: 1.0625rem;
    line-height: 1.4;
  }
  .note {
    white-space: nowrap;
    text-overflow: ellipsis;
    font-size: 0.875rem;
    color: var(--fg);
    opacity: 0.85;
  }
  .note::before {
    content: 'Note: ';
    color: var(--fg-muted);
  }
  .meta {
    display: flex;
    align-items: center;
    gap: 6px;
    margin-top: auto !important;
    white-space: nowrap;
    font-size: 0.8125rem;
    color: var(--fg-muted);
  }
  .meta .doc {
    overflow: hidden;
    max-width: 45%;
    /* Room for the italic's last letter, which leans past its box. */
    padding-right: 2px;
    text-overflow: ellipsis;
    font-style: italic;
  }
  .tag,
  .badge {
    padding: 1px 7px;
    border-radius: 999px;
    background: var(--surface-2);
    color: var(--fg);
    font-size: 0.75rem;
  }
  .badge {
    border: 1px dashed var(--fg-muted);
    background: transparent;
  }
  .open {
    align-self: flex-start;
    padding: 2px 8px;
    border-radius: var(--radius-sm);
    color: var(--accent);
    font-size: 0.8125rem;
    font-weight: 500;
    cursor: pointer;
  }
  .open:hover {
    background: var(--surface-2);
  }
`;
