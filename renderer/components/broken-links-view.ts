/**
 * Broken links: every link in a note whose target was deleted, is in the trash or is malformed,
 * with why; each can be pointed at another target (searched like the `[[` autocomplete) or removed
 * (its label stays as text), or its note opened.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type { BrokenLink, LecternBridge, LinkSuggestion, LinkTarget } from '../../preload/api';
import { call, failureToast } from '../app/calls';
import { bridgeContext } from '../lib/bridge-context';
import { NavigateEvent, ToastEvent } from '../lib/events';
import { OpenLinkEvent, targetOfSource } from '../links/events';
import { controlStyles } from '../styles/app-styles';
import { icons } from '../styles/app-icons';
import { brokenLinksStyles } from '../links/broken-links-styles';
import './app-load-error';

const keyOf = (link: BrokenLink) => `${link.sourceKey}@${link.start}`;

/** @fires navigate, open-link, toast */
@customElement('broken-links-view')
export class BrokenLinksView extends LitElement {
  static override styles = [controlStyles, brokenLinksStyles];

  @consume({ context: bridgeContext }) private bridge?: LecternBridge;
  /** The link being re-pointed, and what its search found. */
  @state() private picking: string | null = null;
  @state() private found: LinkSuggestion[] = [];
  private readonly broken = new Task(this, {
    task: async ([bridge]: readonly [LecternBridge | undefined]) =>
      bridge ? call(bridge, 'listBrokenLinks') : null,
    args: () => [this.bridge] as const,
  });
  private unsubscribe: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = (this.bridge ?? window.lectern)?.subscribe(
      'linksChanged',
      () => void this.broken.run(),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
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
        <h1>Broken links</h1>
        <p class="lede">
          Links in your notes whose target was deleted or is in the trash. Restoring a target repairs its
          links.
        </p>
        ${this.renderItems()}
      </main>
    `;
  }

  private renderItems() {
    const listed = this.broken.value;
    if (!listed) return html`<p class="lede" aria-busy="true">Loading…</p>`;
    if (!listed.ok) {
      return html`<app-load-error
        heading="The broken links could not be listed"
        reason=${listed.message}
        code=${listed.code}
        @retry-load=${() => void this.broken.run()}
      ></app-load-error>`;
    }
    if (listed.value.length === 0)
      return html`<p class="empty">No broken links: every link points somewhere.</p>`;
    return html`<ul aria-label="Broken links">
      ${listed.value.map((link) => this.renderItem(link))}
    </ul>`;
  }

  private renderItem(link: BrokenLink) {
    const name = link.label ?? link.raw;
    return html`<li>
      <div class="what">
        <span class="source">${link.sourceTitle}</span>
        <span class="label"
          ><span class="broken">${name}</span> ·
          ${link.status === 'trashed' ? 'in the trash' : 'missing'}</span
        >
        <span class="reason">${link.reason}</span>
      </div>
      <div class="actions">
        <button
          class="btn"
          @click=${() => this.dispatchEvent(new OpenLinkEvent(targetOfSource(link.source)))}
        >
          Open note
        </button>
        <button
          class="btn"
          aria-expanded=${String(this.picking === keyOf(link))}
          @click=${() => this.startPicking(link)}
        >
          Re-pick target
        </button>
        <button
          class="btn"
          aria-label="Remove the link “${name}”"
          @click=${() => void this.repair(link, null)}
        >
          Remove link
        </button>
      </div>
      ${this.picking === keyOf(link) ? this.renderPicker(link) : nothing}
    </li>`;
  }

  private renderPicker(link: BrokenLink) {
    return html`<div class="picker">
      <input
        type="search"
        aria-label="Find the new target"
        placeholder="Search documents, notes and passages"
        @input=${(event: Event) => void this.search((event.target as HTMLInputElement).value)}
      />
      <ul aria-label="New targets">
        ${this.found.map(
          (found) =>
            html`<li>
              <button class="btn ghost" @click=${() => void this.repair(link, found.target)}>
                ${found.title} <span class="detail">${found.detail}</span>
              </button>
            </li>`,
        )}
      </ul>
    </div>`;
  }

  private startPicking(link: BrokenLink): void {
    this.picking = this.picking === keyOf(link) ? null : keyOf(link);
    this.found = [];
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLInputElement>('.picker input')?.focus(),
    );
  }

  private async search(query: string): Promise<void> {
    if (!this.bridge) return;
    const found = await call(this.bridge, 'findLinkTargets', query, 8);
    this.found = found.ok ? found.value : [];
  }

  private async repair(link: BrokenLink, target: LinkTarget | null): Promise<void> {
    if (!this.bridge) return;
    const done = await call(this.bridge, 'repairLink', link, target);
    if (!done.ok) this.dispatchEvent(new ToastEvent(failureToast('Could not change the link', done)));
    else
      this.dispatchEvent(
        new ToastEvent({ kind: 'success', message: target ? 'Link re-pointed' : 'Link removed' }),
      );
    this.picking = null;
    await this.broken.run();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('li button, header button')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'broken-links-view': BrokenLinksView;
  }
}
