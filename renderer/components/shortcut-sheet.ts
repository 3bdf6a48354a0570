/** The keyboard-shortcut sheet: a modal dialog listing SHORTCUTS (app/shortcuts.ts), opened by `?` or Ctrl/Cmd+/. */
import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { SHORTCUTS } from '../app/shortcuts';
import { controlStyles } from '../styles/app-styles';
import { dialogStyles } from '../styles/app-dialog-styles';

/** @fires sheet-close - Event: the sheet was closed (Close, Esc). */
@customElement('shortcut-sheet')
export class ShortcutSheet extends LitElement {
  static override styles = [
    controlStyles,
    dialogStyles,
    css`
      dialog {
        width: min(760px, calc(100vw - 2 * var(--space-5)));
        max-height: calc(100vh - 2 * var(--space-6));
      }
      .groups {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(300px, 1fr));
        column-gap: var(--space-6);
      }
      h3 {
        margin: var(--space-5) 0 var(--space-2);
        font-size: 0.8125rem;
        font-weight: 600;
        letter-spacing: 0.04em;
        text-transform: uppercase;
        color: var(--fg-muted);
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: 0.875rem;
      }
      th,
      td {
        padding: 6px 0;
        text-align: start;
        vertical-align: top;
        border-top: 1px solid var(--border);
        font-weight: normal;
      }
      th {
        width: 42%;
        padding-inline-end: var(--space-4);
      }
      kbd {
        font-family: var(--font-mono, ui-monospace, monospace);
        font-size: 0.8125rem;
        padding: 1px 6px;
        border: 1px solid var(--border-strong, var(--border));
        border-radius: 5px;
        background: var(--surface-2, transparent);
        white-space: nowrap;
      }
    `,
  ];

  @property({ type: Boolean }) open = false;
  @query('dialog') private dialog!: HTMLDialogElement;

  override render() {
    return html`<dialog aria-labelledby="sheet-heading" @close=${this.onClose}>
      <h2 id="sheet-heading">Keyboard shortcuts</h2>
      <div class="groups">
        ${SHORTCUTS.map(
          (group) =>
            html`<section>
              <h3 id=${`group-${group.title}`}>${group.title}</h3>
              <table aria-labelledby=${`group-${group.title}`}>
                ${group.shortcuts.map(
                  (s) =>
                    html`<tr>
                      <th scope="row">
                        ${s.keys.split(' or ').map((k, i) => html`${i ? ' or ' : ''}<kbd>${k}</kbd>`)}
                      </th>
                      <td>${s.action}</td>
                    </tr>`,
                )}
              </table>
            </section>`,
        )}
      </div>
      <div class="actions">
        <button class="btn primary" autofocus @click=${() => this.dialog.close()}>Close</button>
      </div>
    </dialog>`;
  }

  override updated(changed: Map<string, unknown>): void {
    if (!changed.has('open')) return;
    if (this.open && !this.dialog.open) this.dialog.showModal();
    if (!this.open && this.dialog.open) this.dialog.close();
  }

  private onClose(): void {
    if (this.open) this.dispatchEvent(new Event('sheet-close'));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shortcut-sheet': ShortcutSheet;
  }
}
