/** The trash: documents moved out of the library, each restorable; loaded with @lit/task. */
import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { repeat } from 'lit/directives/repeat.js';
import { Task } from '@lit/task';
import type { LecternBridge, TrashedDocument } from '../../preload/api';
import { call, failureToast } from '../app/calls';
import { bridgeContext } from '../lib/bridge-context';
import { LibraryEditedEvent, NavigateEvent, ToastEvent } from '../lib/events';
import { formatRelativeDay } from '../lib/format';
import { controlStyles } from '../styles/app-styles';
import { icons } from '../styles/app-icons';
import './app-load-error';

/** @fires navigate, library-edited, toast */
@customElement('trash-view')
export class TrashView extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
      }
      header {
        position: sticky;
        top: 0;
        z-index: 10;
        background: var(--toolbar-bg);
        backdrop-filter: saturate(1.4) blur(14px);
        border-bottom: 1px solid var(--border);
      }
      .bar,
      main {
        max-width: calc(var(--content-width) + 2 * var(--space-5));
        margin: 0 auto;
        padding: var(--space-3) var(--space-5);
      }
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
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        display: flex;
        align-items: center;
        gap: var(--space-4);
        padding: var(--space-4);
        border-bottom: 1px solid var(--border);
      }
      .title {
        flex: 1;
        min-width: 0;
        font-family: var(--font-serif);
        font-size: 1.125rem;
        font-weight: 600;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .when {
        color: var(--fg-muted);
        font-size: 0.8125rem;
        white-space: nowrap;
      }
      .empty {
        margin: var(--space-8) auto 0;
        text-align: center;
        color: var(--fg-muted);
      }
      .empty .art {
        display: inline-grid;
        place-items: center;
        width: 72px;
        height: 72px;
        margin-bottom: var(--space-4);
        border-radius: 50%;
        background: var(--surface-2);
      }
      .empty svg {
        width: 32px;
        height: 32px;
      }
      .empty p {
        margin: 0;
        font-family: var(--font-serif);
        font-size: 1.25rem;
        color: var(--fg);
      }
    `,
  ];

  @consume({ context: bridgeContext }) private bridge?: LecternBridge;
  /** The trash; its value is a Settled, so a failure is data, not a throw. */
  private readonly trash = new Task(this, {
    task: async ([bridge]: readonly [LecternBridge | undefined]) =>
      bridge ? call(bridge, 'listTrash') : null,
    args: () => [this.bridge] as const,
  });
  private readonly locale = navigator.language || 'en-US';

  override render() {
    return html`
      <header>
        <div class="bar">
          <button class="btn ghost" @click=${() => this.dispatchEvent(new NavigateEvent('library'))}>
            ${icons.back}Back to library
          </button>
        </div>
      </header>
      <main>
        <h1>Trash</h1>
        <p class="lede">Documents you delete wait here. Restore one to put it back in your library.</p>
        ${this.renderItems()}
      </main>
    `;
  }

  private renderItems() {
    const listed = this.trash.value;
    // While a reload runs after a restore, the list on screen stays.
    if (!listed) return html`<p class="lede" aria-busy="true">Loading…</p>`;
    if (!listed.ok) {
      return html`<app-load-error
        heading="The trash could not be loaded"
        reason=${listed.message}
        code=${listed.code}
        @retry-load=${() => void this.trash.run()}
      ></app-load-error>`;
    }
    const items = listed.value; // Newest deletion first: the core sorts the trash.
    if (items.length === 0) {
      return html`<div class="empty">
        <div class="art" aria-hidden="true">${icons.trash}</div>
        <p>The trash is empty</p>
      </div>`;
    }
    const now = new Date();
    return html`
      <ul aria-label="Deleted documents">
        ${repeat(
          items,
          (item) => item.id,
          (item) => html`
            <li>
              <span class="title">${item.title}</span>
              <span class="when">Deleted ${formatRelativeDay(item.deletedAt, now, this.locale)}</span>
              <button class="btn" aria-label="Restore “${item.title}”" @click=${() => this.restore(item)}>
                ${icons.restore}Restore
              </button>
            </li>
          `,
        )}
      </ul>
    `;
  }

  private async restore(item: TrashedDocument): Promise<void> {
    if (!this.bridge) return;
    const result = await call(this.bridge, 'restoreDocument', item.id);
    if (result.ok) {
      this.dispatchEvent(new LibraryEditedEvent());
      this.dispatchEvent(new ToastEvent({ kind: 'success', message: `Restored “${result.value.title}”` }));
    } else {
      this.dispatchEvent(new ToastEvent(failureToast(`Could not restore “${item.title}”`, result)));
    }
    await this.trash.run();
    // The restored row is gone: keep keyboard focus in the view.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('li button, header button')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trash-view': TrashView;
  }
}
