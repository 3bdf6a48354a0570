/** Styles of <note-editor>: the textarea, the rendered preview and the save status line. */
import { css } from 'lit';

export const noteEditorStyles = css`
  :host {
    display: block;
  }
  .bar {
    display: flex;
    align-items: center;
    gap: var(--space-2);
    margin-bottom: var(--space-2);
    font-size: 0.8125rem;
  }
  .status {
    flex: 1;
    color: var(--fg-muted);
  }
  .status.failed {
    color: var(--danger);
    font-weight: 600;
  }
  .mode {
    padding: 2px 10px;
    font-size: 0.8125rem;
  }
  textarea,
  .preview {
    box-sizing: border-box;
    width: 100%;
    min-height: var(--note-editor-height, 320px);
    padding: var(--space-3) var(--space-4);
    border: 1px solid var(--border);
    border-radius: var(--radius-sm);
    background: var(--surface);
    color: var(--fg);
    font-size: 0.9375rem;
    line-height: 1.6;
  }
  textarea {
    display: block;
    resize: vertical;
    font-family: var(--font-mono);
    font-size: 0.875rem;
  }
  textarea:focus-visible,
  .preview:focus-visible {
    outline: 2px solid var(--focus-ring);
    outline-offset: 1px;
  }
  .preview {
    overflow-wrap: anywhere;
    font-family: var(--font-serif);
    overflow: auto;
  }
  .preview :first-child {
    margin-top: 0;
  }
  .preview pre {
    white-space: pre-wrap;
    font-family: var(--font-mono);
    font-size: 0.8125rem;
  }
  .preview blockquote {
    margin: 0 0 0 var(--space-2);
    padding-left: var(--space-3);
    border-left: 3px solid var(--border);
    color: var(--fg-muted);
  }
  .preview a {
    color: var(--accent);
  }
  .preview img {
    max-width: 100%;
  }
  .preview .empty {
    color: var(--fg-muted);
    font-style: italic;
  }
`;
