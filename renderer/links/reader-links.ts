/**
 * The reader's side of links: the document's backlinks ("Linked from" at the end of the text), a
 * margin marker beside each passage a note links to (it opens the panel on that passage), the
 * backlinks the highlights panel lists per passage, and the jump to a linked passage after opening.
 */
import {
  type LitElement,
  css,
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
} from 'lit';
import type { Backlink, DocumentLinks, LecternBridge } from '../../preload/api';
import { ContextConsumer } from '@lit/context';
import { call } from '../app/calls';
import { bridgeContext } from '../lib/bridge-context';
import { onPassageRequested, pendingPassage, takePassage } from './pending-passage';
import { HighlightCommandEvent } from '../highlighting/events';
import type { HighlightController } from '../highlighting/highlight-controller';
import '../components/link-backlinks';

/** Painted ranges (null until placed) and the Highlights panel. */
type Highlighting = Pick<HighlightController, 'rangeOf' | 'openPanel'>;

type Marker = { highlightId: string; top: number; left: number; count: number };
/** The reader, whose shadow root holds the `.scroller` the markers sit in. */
type Host = ReactiveControllerHost & LitElement & { documentId: string };

export class ReaderLinksController implements ReactiveController {
  links: DocumentLinks = { document: [], highlights: [] };
  private markers: Marker[] = [];
  private loadedFor = '';
  private unsubscribes: (() => void)[] = [];
  private readonly bridge: ContextConsumer<typeof bridgeContext, Host>;
  private readonly resize = new ResizeObserver(() => this.place());

  constructor(
    private readonly host: Host,
    private readonly highlighting: Highlighting,
  ) {
    host.addController(this);
    this.bridge = new ContextConsumer(host, { context: bridgeContext });
  }

  private get api(): LecternBridge | undefined {
    return this.bridge.value ?? window.lectern;
  }

  hostConnected(): void {
    this.unsubscribes.push(onPassageRequested(() => this.host.requestUpdate()));
    const unsubscribe = this.api?.subscribe('linksChanged', () => void this.load());
    if (unsubscribe) this.unsubscribes.push(unsubscribe);
  }

  hostDisconnected(): void {
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    this.resize.disconnect();
  }

  private scroller(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('.scroller');
  }

  hostUpdated(): void {
    if (this.host.documentId !== this.loadedFor) void this.load();
    const scroller = this.scroller();
    if (scroller) this.resize.observe(scroller);
    this.jumpWhenPlaced();
    if (this.markers.length === 0 && this.links.highlights.length > 0) this.place();
  }

  /** The backlinks of each linked passage, for the highlights panel. */
  backlinksByHighlight(): ReadonlyMap<string, Backlink[]> {
    return new Map(this.links.highlights.map((entry) => [entry.highlightId, entry.backlinks]));
  }

  /** "Linked from" for the document (at the end of its text) and the margin markers, in the scroller. */
  render(documentShown: boolean) {
    return html`${documentShown ? this.documentBacklinks() : nothing} ${this.renderMarkers()}`;
  }

  private documentBacklinks() {
    return html`<link-backlinks
      class="document-backlinks"
      .backlinks=${this.links.document}
      hide-empty
    ></link-backlinks>`;
  }

  /** The margin markers, positioned over the scroller's content. */
  private renderMarkers() {
    if (this.markers.length === 0) return nothing;
    return html`<div class="link-markers">
      ${this.markers.map(
        (marker) =>
          html`<button
            type="button"
            class="link-marker"
            style="top:${marker.top}px;left:${marker.left}px"
            aria-label=${`Passage linked from ${marker.count} note${marker.count === 1 ? '' : 's'}`}
            title=${`Linked from ${marker.count} note${marker.count === 1 ? '' : 's'}: show in the Highlights panel`}
            @click=${() => this.showPassage(marker.highlightId)}
          >
            ↩︎
          </button>`,
      )}
    </div>`;
  }

  private async load(): Promise<void> {
    const documentId = this.host.documentId;
    this.loadedFor = documentId;
    if (documentId === '') return;
    const api = this.api;
    if (api === undefined) return;
    const found = await call(api, 'getDocumentLinks', documentId);
    if (!found.ok || documentId !== this.host.documentId) return;
    this.links = found.value;
    this.markers = [];
    this.place();
  }

  /** Puts a marker beside each linked passage that is placed on the text. */
  private place(): void {
    const scroller = this.scroller();
    if (scroller === null) return;
    const box = scroller.getBoundingClientRect();
    const page = scroller.querySelector('.page')?.getBoundingClientRect();
    const markers: Marker[] = [];
    for (const { highlightId, backlinks } of this.links.highlights) {
      const rect = this.highlighting.rangeOf(highlightId)?.getClientRects()[0];
      if (rect === undefined) continue;
      const top = rect.top - box.top + scroller.scrollTop;
      const left = Math.max(4, (page?.left ?? rect.left) - box.left - 36);
      markers.push({ highlightId, top, left, count: new Set(backlinks.map((link) => link.sourceKey)).size });
    }
    const changed = JSON.stringify(markers) !== JSON.stringify(this.markers);
    this.markers = markers;
    if (changed) this.host.requestUpdate();
  }

  private jumpWhenPlaced(): void {
    const wanted = pendingPassage(this.host.documentId);
    if (wanted === null || this.highlighting.rangeOf(wanted) === null) return;
    takePassage();
    requestAnimationFrame(() => this.showPassage(wanted));
  }

  private showPassage(highlightId: string): void {
    this.highlighting.openPanel();
    this.host.dispatchEvent(new HighlightCommandEvent({ kind: 'show', id: highlightId }));
  }
}

export const linkStyles = css`
  .scroller {
    position: relative;
  }
  .link-markers {
    position: absolute;
    inset: 0 auto auto 0;
    width: 0;
    height: 0;
  }
  .link-marker {
    position: absolute;
    width: 26px;
    height: 26px;
    padding: 0;
    border: 1px solid var(--border);
    border-radius: 50%;
    background: var(--surface, #fff);
    color: var(--accent, #2f6fdf);
    font-size: 0.8125rem;
    line-height: 1;
    cursor: pointer;
  }
  .link-marker:focus-visible {
    outline: 2px solid var(--accent);
    outline-offset: 2px;
  }
  .document-backlinks {
    max-width: var(--measure-width, 40rem);
    margin: 0 auto;
    padding: var(--space-6, 32px) var(--space-5, 24px) var(--space-8, 64px);
  }
`;
