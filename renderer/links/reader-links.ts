/**
 * The reader's side of links: the document's backlinks ("Linked from" at the end of the text), a
 * margin marker beside each passage a note links to (it opens the panel on that passage), the
 * backlinks the highlights panel lists per passage, and the jump to a linked passage after opening.
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Backlink, DocumentLinks, LecternBridge } from '../../preload/api';
import { call } from '../app/calls';
import { HighlightCommandEvent } from '../highlighting/events';
import type { HighlightController } from '../highlighting/highlight-controller';
import '../components/link-backlinks';

export interface ReaderLinksParts {
  api: () => LecternBridge;
  /** Painted ranges (null until placed) and the Highlights panel. */
  highlighting: Pick<HighlightController, 'rangeOf' | 'openPanel'>;
  scroller: () => HTMLElement | null;
}

type Marker = { highlightId: string; top: number; left: number; count: number };
/** The reader: its document, and the passage a followed link asked for (shown once placed). */
type Host = ReactiveControllerHost & HTMLElement & { documentId: string; highlightId: string | null };

export class ReaderLinksController implements ReactiveController {
  links: DocumentLinks = { document: [], highlights: [] };
  private markers: Marker[] = [];
  private loadedFor = '';
  private jumped: string | null = null;
  private unsubscribe: (() => void) | undefined;
  private readonly resize = new ResizeObserver(() => this.place());

  constructor(
    private readonly host: Host,
    private readonly parts: ReaderLinksParts,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.unsubscribe = this.parts.api().subscribe?.('linksChanged', () => void this.load());
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.resize.disconnect();
  }

  hostUpdated(): void {
    if (this.host.documentId !== this.loadedFor) void this.load();
    const scroller = this.parts.scroller();
    if (scroller) this.resize.observe(scroller);
    this.jumpWhenPlaced();
    if (this.markers.length === 0 && this.links.highlights.length > 0) this.place();
  }

  /** The backlinks of each linked passage, for the highlights panel. */
  backlinksByHighlight(): ReadonlyMap<string, Backlink[]> {
    return new Map(this.links.highlights.map((entry) => [entry.highlightId, entry.backlinks]));
  }

  /** "Linked from" for the whole document, at the end of its text. */
  documentBacklinks() {
    return html`<link-backlinks
      class="document-backlinks"
      .backlinks=${this.links.document}
      hide-empty
    ></link-backlinks>`;
  }

  /** The margin markers, in the scroller (positioned over its content). */
  renderMarkers() {
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
    const found = await call(this.parts.api(), 'getDocumentLinks', documentId);
    if (!found.ok || documentId !== this.host.documentId) return;
    this.links = found.value;
    this.markers = [];
    this.place();
  }

  /** Puts a marker beside each linked passage that is placed on the text. */
  private place(): void {
    const scroller = this.parts.scroller();
    if (scroller === null) return;
    const box = scroller.getBoundingClientRect();
    const page = scroller.querySelector('.page')?.getBoundingClientRect();
    const markers: Marker[] = [];
    for (const { highlightId, backlinks } of this.links.highlights) {
      const rect = this.parts.highlighting.rangeOf(highlightId)?.getClientRects()[0];
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
    const wanted = this.host.highlightId;
    if (wanted === null || wanted === this.jumped || this.parts.highlighting.rangeOf(wanted) === null) return;
    this.jumped = wanted;
    requestAnimationFrame(() => this.showPassage(wanted));
  }

  private showPassage(highlightId: string): void {
    this.parts.highlighting.openPanel();
    this.host.dispatchEvent(new HighlightCommandEvent({ kind: 'show', id: highlightId }));
  }
}

export const readerLinkStyles = css`
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
