/**
 * The progress of an import of several files: which file, how many of how many, a bar, and
 * Cancel (the file being stored finishes; the rest are not imported). A polite live region, so
 * a screen reader hears the progress without losing its place.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controlStyles } from '../styles/app-styles';

/** What the view shows: counts over the whole import, which may span several batches. */
export interface ImportProgressView {
  done: number;
  total: number;
  current: string | null;
  cancelling: boolean;
}

/** @fires import-cancel - the user asked to stop the import. */
@customElement('import-progress')
export class ImportProgressElement extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        position: fixed;
        inset: auto auto var(--space-5) var(--space-5);
        z-index: 50;
        width: min(380px, calc(100vw - 2 * var(--space-5)));
      }
      section {
        display: grid;
        gap: var(--space-2);
        padding: var(--space-3) var(--space-4);
        border: 1px solid var(--border);
        border-radius: var(--radius);
        background: var(--surface);
        box-shadow: var(--shadow-lg);
        font-size: 0.875rem;
      }
      .head {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: var(--space-3);
      }
      h2 {
        margin: 0;
        font-size: 0.875rem;
        font-weight: 600;
      }
      .file {
        overflow: hidden;
        color: var(--fg-muted);
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      progress {
        width: 100%;
        height: 6px;
        accent-color: var(--accent);
      }
    `,
  ];

  @property({ attribute: false }) progress: ImportProgressView | null = null;

  override render() {
    const progress = this.progress;
    if (progress === null) return nothing;
    const count = `${Math.min(progress.done + 1, progress.total)} of ${progress.total}`;
    const heading = progress.cancelling ? 'Cancelling import…' : `Importing ${count}`;
    return html`<section aria-labelledby="import-heading">
      <div class="head">
        <h2 id="import-heading" role="status">${heading}</h2>
        <button
          class="btn ghost"
          ?disabled=${progress.cancelling}
          @click=${() => this.dispatchEvent(new Event('import-cancel', { bubbles: true, composed: true }))}
        >
          Cancel import
        </button>
      </div>
      ${progress.current === null ? nothing : html`<div class="file" title=${progress.current}>${progress.current}</div>`}
      <progress
        aria-label="Files imported"
        max=${progress.total}
        .value=${progress.done}
        aria-valuetext="${progress.done} of ${progress.total} files"
      ></progress>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'import-progress': ImportProgressElement;
  }
}
