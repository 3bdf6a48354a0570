/**
 * <reader-export-tools>: the reader's "Export notes…" and "Copy notes as markdown" buttons. The
 * core shows the folder dialog and writes; this says what happened (a toast) or why it failed.
 */
import { LitElement, css, html, nothing } from 'lit';
import { consume } from '@lit/context';
import { customElement, property, state } from 'lit/decorators.js';
import type { LecternBridge } from '../../preload/api';
import { call, failureToast } from '../app/calls';
import { exportToast } from '../export/export-messages';
import { bridgeContext } from '../lib/bridge-context';
import { ToastEvent } from '../lib/events';

/** The reader header's small icon buttons (export, copy, JSON-LD): one look for all of them. */
export const readerToolStyles = css`
  :host {
    display: contents;
  }
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    height: 34px;
    min-width: 34px;
    padding: 0 8px;
    border: 0;
    border-radius: 8px;
    background: transparent;
    color: var(--fg-muted);
    cursor: pointer;
  }
  button:hover,
  button:focus-visible {
    background: var(--surface-2);
    color: var(--fg);
  }
  button[aria-busy='true'] {
    cursor: progress;
    opacity: 0.6;
  }
  svg {
    width: 18px;
    height: 18px;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.7;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
`;

/** @fires toast - ToastEvent: the outcome of an export or copy, or its failure. */
@customElement('reader-export-tools')
export class ReaderExportTools extends LitElement {
  static override styles = readerToolStyles;

  /** The open document. */
  @property({ attribute: 'document-id' }) documentId = '';
  @consume({ context: bridgeContext }) private bridge?: LecternBridge;
  /** An export is under way: a second click would only open a second dialog. */
  @state() private busy = false;

  override render() {
    if (this.documentId === '') return nothing;
    return html`<button
        type="button"
        aria-label="Export notes…"
        title="Export notes as markdown into a folder…"
        aria-busy=${String(this.busy)}
        @click=${() => void this.exportNotes()}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 3v12M7 10l5 5 5-5M5 21h14" /></svg>
      </button>
      <button
        type="button"
        aria-label="Copy notes as markdown"
        title="Copy notes as markdown"
        @click=${() => void this.copyNotes()}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <rect x="8" y="8" width="12" height="13" rx="2" />
          <path d="M16 8V5a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v11a2 2 0 0 0 2 2h2" />
        </svg>
      </button>`;
  }

  private get api(): LecternBridge {
    return this.bridge ?? window.lectern;
  }

  private toast(toast: ConstructorParameters<typeof ToastEvent>[0]): void {
    this.dispatchEvent(new ToastEvent(toast));
  }

  private async exportNotes(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const exported = await call(this.api, 'exportDocument', this.documentId);
      if (!exported.ok) return this.toast(failureToast('Could not export the notes', exported));
      if (exported.value !== null) this.toast(exportToast(exported.value));
    } finally {
      this.busy = false;
    }
  }

  private async copyNotes(): Promise<void> {
    const markdown = await call(this.api, 'copyDocumentMarkdown', this.documentId);
    if (!markdown.ok) return this.toast(failureToast('Could not copy the notes', markdown));
    try {
      await navigator.clipboard.writeText(markdown.value);
      this.toast({ kind: 'success', message: 'Notes copied as markdown.' });
    } catch {
      this.toast({ kind: 'error', message: 'Could not copy the notes: the clipboard refused them.' });
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reader-export-tools': ReaderExportTools;
  }
}
