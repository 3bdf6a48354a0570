/**
 * The trash: documents moved out of the library, each restorable or deletable forever (one or all,
 * after a confirmation); loaded with @lit/task. Focus lands on its heading when it opens.
 */
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { repeat } from 'lit/directives/repeat.js';
import { Task } from '@lit/task';
import type { LecternBridge, PruneAfterDays, TrashedDocument } from '../../preload/api';
import { call, failureToast } from '../app/calls';
import { bridgeContext } from '../lib/bridge-context';
import { LibraryEditedEvent, NavigateEvent, ToastEvent } from '../lib/events';
import { formatRelativeDay } from '../lib/format';
import { controlStyles } from '../styles/app-styles';
import { icons } from '../styles/app-icons';
import { trashViewStyles } from '../library/trash-view-styles';
import './app-load-error';
import './app-confirm-dialog';
import '../library/prune-rule';

/** @fires navigate, library-edited, toast */
@customElement('trash-view')
export class TrashView extends LitElement {
  static override styles = [controlStyles, trashViewStyles];

  @consume({ context: bridgeContext }) private bridge?: LecternBridge;
  /** The trash; its value is a Settled, so a failure is data, not a throw. */
  private readonly trash = new Task(this, {
    task: async ([bridge]: readonly [LecternBridge | undefined]) =>
      bridge ? call(bridge, 'listTrash') : null,
    args: () => [this.bridge] as const,
  });
  private readonly locale = navigator.language || 'en-US';
  /** The pruning rule of the settings (shown and changed here, where its effect is seen). */
  @property({ attribute: false }) pruneAfterDays: PruneAfterDays = 30;
  private unsubscribe: (() => void) | undefined;
  /** What the confirmation dialog asks about: one document, every one, or nothing (closed). */
  @state() private confirming: TrashedDocument | 'all' | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    // A shortened rule prunes in main and says so with a notice: the list follows.
    this.unsubscribe = this.bridge?.subscribe('libraryNotice', () => void this.trash.run());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

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
        <div class="heading">
          <h1 tabindex="-1">Trash</h1>
          ${this.hasItems() ? html`<button class="btn danger-ghost" @click=${() => (this.confirming = 'all')}>Empty trash…</button>` : ''}
        </div>
        <p class="lede">
          Documents you delete wait here. Restore one to put it back in your library, or delete it forever.
        </p>
        <prune-rule class="rule" .days=${this.pruneAfterDays}></prune-rule>
        ${this.renderItems()}
      </main>
      ${this.renderConfirm()}
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
              <button
                class="btn danger-ghost"
                aria-label="Delete “${item.title}” forever"
                @click=${() => (this.confirming = item)}
              >
                Delete forever…
              </button>
            </li>
          `,
        )}
      </ul>
    `;
  }

  private hasItems(): boolean {
    const listed = this.trash.value;
    return listed?.ok === true && listed.value.length > 0;
  }

  private renderConfirm() {
    const what = this.confirming;
    const all = what === 'all';
    const count = this.trash.value?.ok ? this.trash.value.value.length : 0;
    return html`<app-confirm-dialog
      .open=${what !== null}
      danger
      heading=${all ? `Delete ${count} document${count === 1 ? '' : 's'} forever?` : `Delete “${what?.title ?? ''}” forever?`}
      message=${all ? 'Every document in the trash and its highlights will be gone for good. This cannot be undone.' : 'The document and its highlights will be gone for good. This cannot be undone.'}
      confirmLabel=${all ? 'Empty trash' : 'Delete forever'}
      @confirm-cancel=${() => (this.confirming = null)}
      @confirm-accept=${() => void this.deleteForever()}
    ></app-confirm-dialog>`;
  }

  private async deleteForever(): Promise<void> {
    const what = this.confirming;
    this.confirming = null;
    if (!this.bridge || what === null) return;
    const result =
      what === 'all'
        ? await call(this.bridge, 'emptyTrash')
        : await call(this.bridge, 'deleteForever', what.id);
    const name = what === 'all' ? 'the trash' : `“${what.title}”`;
    if (!result.ok) {
      this.dispatchEvent(new ToastEvent(failureToast(`Could not delete ${name} forever`, result)));
    } else {
      const message =
        typeof result.value === 'number'
          ? `Deleted ${result.value} document${result.value === 1 ? '' : 's'} forever`
          : `Deleted ${name} forever`;
      this.dispatchEvent(new ToastEvent({ kind: 'success', message }));
    }
    await this.trash.run();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('li button, h1')?.focus();
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
