/**
 * "Linked from": the notes that link to a document, a highlight or a note (the `target` raw key),
 * each with the words around its link; choosing one opens it. Follows `linksChanged`.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Backlink, LecternBridge } from '../../preload/api';
import { replaceLinks } from '../../common/links';
import { call, failureToast } from '../app/calls';
import { bridgeContext } from '../lib/bridge-context';
import { ToastEvent } from '../lib/events';
import { OpenLinkEvent, targetOfSource } from '../links/events';

/** A snippet without link syntax: each link shown by its label. */
const readable = (snippet: string): string =>
  replaceLinks(snippet, (link) => link.label ?? link.rawTarget).replace(/\[\[lectern:[^\]]*$/, '…');

/** @fires open-link - OpenLinkEvent: open a linking note (or its document's passage). @fires toast */
@customElement('link-backlinks')
export class LinkBacklinks extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-size: 0.875rem;
    }
    :host(.backlinks) {
      margin: var(--space-2, 8px) 0 var(--space-3, 12px) var(--space-6, 32px);
    }
    :host(.note-backlinks) {
      margin-top: var(--space-5, 24px);
    }
    h2 {
      margin: 0 0 var(--space-2, 8px);
      font-size: 0.75rem;
      font-weight: 600;
      letter-spacing: 0.06em;
      text-transform: uppercase;
      color: var(--fg-muted);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li + li {
      margin-top: var(--space-2, 8px);
    }
    button {
      display: block;
      width: 100%;
      padding: var(--space-2, 8px) var(--space-3, 12px);
      border: 1px solid var(--border);
      border-radius: 8px;
      background: var(--surface-2, transparent);
      color: var(--fg);
      font: inherit;
      text-align: start;
      cursor: pointer;
    }
    button:hover {
      border-color: var(--accent);
    }
    button:focus-visible {
      outline: 2px solid var(--accent);
      outline-offset: 2px;
    }
    .source {
      display: block;
      font-weight: 600;
    }
    .snippet {
      display: block;
      margin-top: 2px;
      color: var(--fg-muted);
      overflow-wrap: anywhere;
    }
    .empty {
      margin: 0;
      color: var(--fg-muted);
    }
  `;

  /** The raw target: `doc/<id>`, `highlight/<doc>/<id>` or `note/<id>`. */
  @property() target = '';
  /** Backlinks already known (the reader's document links): no call is made when set. */
  @property({ attribute: false }) backlinks: Backlink[] | null = null;
  /** Hide the whole section when nothing links here. */
  @property({ type: Boolean, attribute: 'hide-empty' }) hideEmpty = false;

  @consume({ context: bridgeContext, subscribe: true }) private bridge?: LecternBridge;
  @state() private loaded: Backlink[] = [];
  private unsubscribe: (() => void) | undefined;
  private asked = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    const bridge = this.bridge ?? window.lectern;
    this.unsubscribe = bridge?.subscribe('linksChanged', () => void this.load());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('target') && this.backlinks === null) {
      this.loaded = [];
      void this.load();
    }
  }

  private async load(): Promise<void> {
    const bridge = this.bridge ?? window.lectern;
    if (bridge === undefined || this.target === '' || this.backlinks !== null) return;
    const asked = ++this.asked;
    const found = await call(bridge, 'getBacklinks', this.target);
    if (asked !== this.asked) return;
    if (found.ok) this.loaded = found.value;
    else this.dispatchEvent(new ToastEvent(failureToast('Could not list what links here', found)));
  }

  override render() {
    const links = this.backlinks ?? this.loaded;
    if (links.length === 0 && this.hideEmpty) return nothing;
    return html`<section aria-label="Linked from">
      <h2>Linked from</h2>
      ${
        links.length === 0
          ? html`<p class="empty">No note links here yet.</p>`
          : html`<ul>
              ${links.map(
                (link) =>
                  html`<li>
                    <button
                      type="button"
                      @click=${() => this.dispatchEvent(new OpenLinkEvent(targetOfSource(link.source)))}
                    >
                      <span class="source">${link.sourceTitle}</span>
                      <span class="snippet">${readable(link.snippet)}</span>
                    </button>
                  </li>`,
              )}
            </ul>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'link-backlinks': LinkBacklinks;
  }
}
