/**
 * <reader-jsonld-export>: the reader's "Export highlights as W3C JSON-LD" button, beside the
 * export tools. The core asks for a folder and writes `<title>.jsonld`; a toast says where.
 */
import { LitElement, css, html, nothing } from 'lit';
import { consume } from '@lit/context';
import { customElement, property, state } from 'lit/decorators.js';
import type { LecternBridge } from '../../preload/api';
import { call, failureToast } from '../app/calls';
import { bridgeContext } from '../lib/bridge-context';
import { ToastEvent } from '../lib/events';
import { readerToolStyles } from './reader-export-tools';

/** @fires toast - ToastEvent: where the file was written, or why it was not. */
@customElement('reader-jsonld-export')
export class ReaderJsonLdExport extends LitElement {
  static override styles = [
    readerToolStyles,
    css`
      button {
        font: 600 0.6875rem/1 var(--font-ui, sans-serif);
        letter-spacing: 0.02em;
      }
    `,
  ];

  /** The open document. */
  @property({ attribute: 'document-id' }) documentId = '';
  @consume({ context: bridgeContext }) private bridge?: LecternBridge;
  @state() private busy = false;

  override render() {
    if (this.documentId === '') return nothing;
    // "{ }" reads as "JSON" to those who want it, and the name says the rest.
    return html`<button
      type="button"
      aria-label="Export highlights as W3C JSON-LD…"
      title="Export highlights as W3C Web Annotations (JSON-LD) into a folder…"
      aria-busy=${String(this.busy)}
      @click=${() => void this.exportJsonLd()}
    >
      { }
    </button>`;
  }

  private get api(): LecternBridge {
    return this.bridge ?? window.lectern;
  }

  private async exportJsonLd(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const written = await call(this.api, 'exportAnnotationsJsonLd', this.documentId);
      if (!written.ok) {
        this.dispatchEvent(
          new ToastEvent(failureToast('Could not export the highlights as JSON-LD', written)),
        );
      } else if (written.value !== null) {
        this.dispatchEvent(
          new ToastEvent({ kind: 'success', message: `Highlights exported to ${written.value}.` }),
        );
      }
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reader-jsonld-export': ReaderJsonLdExport;
  }
}
