/**
 * <workspace-review>: the review strip at the top of the workspace — highlights made on this day
 * in earlier years, then passages drawn for the day — one at a time, with Next, Open and Skip (a
 * skipped passage stays away for the rest of the day). Keys: N or →, O or Enter, S.
 */
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { LecternBridge, WorkspaceItem } from '../../preload/api';
import { call, failureToast } from '../app/calls';
import { bridgeContext } from '../lib/bridge-context';
import { ToastEvent } from '../lib/events';
import { OpenLinkEvent } from '../links/events';
import { controlStyles } from '../styles/app-styles';
import { localDay } from '../workspace/filters';
import { reviewQueue, type ReviewCard, skippedToday, skipToday } from '../workspace/review-queue';

/** Passages drawn per day (plus those of this day in earlier years). */
const DRAWN = 10;

/** @fires open-link, toast */
@customElement('workspace-review')
export class WorkspaceReview extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
        margin-bottom: var(--space-5);
      }
      section {
        padding: var(--space-4) var(--space-5);
        border: 1px solid var(--border);
        border-radius: var(--radius-lg);
        background: var(--surface-2);
      }
      section:focus-visible {
        outline: 2px solid var(--focus-ring);
      }
      .top {
        display: flex;
        align-items: baseline;
        gap: var(--space-3);
        margin-bottom: var(--space-2);
        color: var(--fg-muted);
        font-size: 0.8125rem;
      }
      h2 {
        margin: 0;
        color: var(--fg);
        font-size: 0.875rem;
        font-weight: 600;
        letter-spacing: 0.02em;
        text-transform: uppercase;
      }
      blockquote {
        display: -webkit-box;
        -webkit-box-orient: vertical;
        -webkit-line-clamp: 4;
        overflow: hidden;
        margin: 0 0 var(--space-2);
        font-family: var(--font-serif);
        font-size: 1.1875rem;
        line-height: 1.5;
      }
      .source {
        margin: 0 0 var(--space-3);
        color: var(--fg-muted);
        font-style: italic;
        font-size: 0.875rem;
      }
      .actions {
        display: flex;
        gap: var(--space-2);
      }
      kbd {
        padding: 0 4px;
        border: 1px solid currentColor;
        border-radius: 3px;
        font-family: var(--font-mono);
        font-size: 0.6875rem;
        opacity: 0.75;
      }
      .done {
        margin: 0;
        color: var(--fg-muted);
      }
    `,
  ];

  /** Bumped when the library changed: the draw is asked for again. */
  @property({ type: Number }) version = 0;
  @consume({ context: bridgeContext }) private bridge?: LecternBridge;
  @state() private cards: ReviewCard[] | null = null;
  @state() private at = 0;
  private readonly day = localDay(new Date());

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('version')) void this.load();
  }

  private async load(): Promise<void> {
    if (!this.bridge) return;
    const drawn = await call(this.bridge, 'reviewHighlights', this.day, DRAWN);
    if (!drawn.ok) {
      this.cards = [];
      this.dispatchEvent(new ToastEvent(failureToast('Could not draw today’s review', drawn)));
      return;
    }
    this.cards = reviewQueue(drawn.value, this.day, skippedToday(localStorage, this.day));
    this.at = Math.min(this.at, Math.max(0, this.cards.length - 1));
  }

  override render() {
    const cards = this.cards;
    if (cards === null || (cards.length === 0 && this.at === 0)) return nothing;
    const card = cards[this.at];
    return html`<section aria-labelledby="review-heading" tabindex="0" @keydown=${this.onKey}>
      <div class="top">
        <h2 id="review-heading">Review</h2>
        ${card ? html`<span>${card.why} · ${this.at + 1} of ${cards.length}</span>` : nothing}
      </div>
      ${card ? this.renderCard(card.item) : this.renderDone()}
    </section>`;
  }

  private renderCard(item: WorkspaceItem) {
    return html`<blockquote>${item.quote}</blockquote>
      <p class="source">${item.documentTitle || 'Untitled document'}</p>
      <div class="actions">
        <button class="btn primary" @click=${() => this.open(item)}>Open <kbd>O</kbd></button>
        <button class="btn" @click=${() => this.next()}>Next <kbd>N</kbd></button>
        <button class="btn ghost" @click=${() => this.skip(item)}>Skip for today <kbd>S</kbd></button>
      </div>`;
  }

  private renderDone() {
    return html`<p class="done">That’s all for today.</p>
      <div class="actions">
        <button class="btn" @click=${() => (this.at = 0)}>Start again</button>
      </div>`;
  }

  private open(item: WorkspaceItem): void {
    this.dispatchEvent(
      new OpenLinkEvent({ kind: 'highlight', documentId: item.documentId, highlightId: item.highlightId }),
    );
  }

  private next(): void {
    this.at = Math.min(this.at + 1, this.cards?.length ?? 0);
  }

  private skip(item: WorkspaceItem): void {
    skipToday(localStorage, this.day, item);
    this.cards = (this.cards ?? []).filter((card) => card.item !== item);
  }

  private readonly onKey = (event: KeyboardEvent): void => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.target instanceof HTMLInputElement) return;
    const card = this.cards?.[this.at];
    const key = event.key.toLowerCase();
    if (key === 'n' || key === 'arrowright') this.next();
    else if (card && (key === 'o' || (key === 'enter' && event.target === event.currentTarget)))
      this.open(card.item);
    else if (card && key === 's') this.skip(card.item);
    else return;
    event.preventDefault();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'workspace-review': WorkspaceReview;
  }
}
