/** Styles of <notes-view>: the Notes list (filter, rows, trash, unreadable files) and one open note. */
import { css } from 'lit';
import { pageFrameStyles } from '../styles/page-frame-styles';

export const notesViewStyles = css`
  ${pageFrameStyles}
  .bar {
    display: flex;
    align-items: center;
    gap: var(--space-2);
  }
  .spacer {
    flex: 1;
  }
  main {
    padding-top: var(--space-6);
  }
  h1 {
    margin: 0 0 var(--space-4);
    font-family: var(--font-serif);
    font-size: 2.25rem;
    font-weight: 600;
    letter-spacing: -0.015em;
  }
  h2 {
    margin: var(--space-7) 0 var(--space-2);
    font-size: 0.8125rem;
    font-weight: 600;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--fg-muted);
  }
  .filter {
    box-sizing: border-box;
    width: 100%;
    margin-bottom: var(--space-4);
    padding: var(--space-2) var(--space-3);
    border: 1px solid var(--border);
    border-radius: var(--radius-sm);
    background: var(--surface);
    color: var(--fg);
    font: inherit;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    display: flex;
    align-items: center;
    gap: var(--space-3);
    padding: var(--space-3) 0;
    border-bottom: 1px solid var(--border);
  }
  .open {
    flex: 1;
    min-width: 0;
    display: grid;
    gap: 2px;
    padding: var(--space-1) var(--space-2);
    border: 0;
    border-radius: var(--radius-sm);
    background: none;
    color: inherit;
    font: inherit;
    text-align: left;
    cursor: pointer;
  }
  .open:hover {
    background: var(--surface-2);
  }
  .title {
    font-family: var(--font-serif);
    font-size: 1.125rem;
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .excerpt,
  .when,
  .lede,
  .reason {
    color: var(--fg-muted);
    font-size: 0.8125rem;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .reason {
    white-space: normal;
  }
  .empty {
    margin: var(--space-7) 0;
    text-align: center;
    color: var(--fg-muted);
    font-family: var(--font-serif);
    font-size: 1.125rem;
  }
  .note-title {
    box-sizing: border-box;
    width: 100%;
    margin: 0 0 var(--space-4);
    padding: var(--space-1) 0;
    border: 0;
    border-bottom: 1px solid transparent;
    background: none;
    color: var(--fg);
    font-family: var(--font-serif);
    font-size: 2rem;
    font-weight: 600;
  }
  .note-title:focus-visible {
    outline: none;
    border-bottom-color: var(--focus-ring);
  }
  .note-tags {
    margin: 0 0 var(--space-4);
  }
  note-editor {
    --note-editor-height: 55vh;
  }
`;
