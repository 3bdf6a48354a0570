/**
 * The reader's table of contents: the document's headings as buttons, indented by level,
 * the current section marked and kept in view.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';

export interface TocEntry {
  section: number;
  level: 1 | 2 | 3;
  text: string;
}

/** Asks the reader to go to a section. */
export class TocNavigateEvent extends Event {
  static readonly eventName = 'toc-navigate';
  constructor(readonly section: number) {
    super(TocNavigateEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * @fires toc-navigate - TocNavigateEvent when an entry is chosen.
 */
@customElement('reader-toc')
export class ReaderToc extends LitElement {
  static override styles = css`
    :host {
      display: block;
      height: 100%;
      overflow: hidden;
      font-family: var(--font-ui, system-ui, sans-serif);
    }
    .empty {
      margin: 0 var(--space-4, 16px);
      font-size: 0.8125rem;
      line-height: 1.5;
      color: var(--fg-muted, #555);
    }
    nav {
      height: 100%;
      display: flex;
      flex-direction: column;
    }
    h2 {
      margin: 0;
      padding: 18px 20px 10px;
      font-size: 0.72rem;
      font-weight: 600;
      letter-spacing: 0.08em;
      text-transform: uppercase;
      color: var(--fg-muted, #6b6b6b);
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 0 8px 24px;
      overflow-y: auto;
      flex: 1;
      overscroll-behavior: contain;
      position: relative;
    }
    button {
      display: block;
      width: 100%;
      text-align: start;
      border: 0;
      background: none;
      color: var(--fg-muted, #555);
      font: inherit;
      font-size: 0.86rem;
      line-height: 1.35;
      padding: 5px 12px;
      border-radius: 6px;
      cursor: pointer;
      border-inline-start: 2px solid transparent;
    }
    button:hover {
      background: var(--surface-2, rgba(127, 127, 127, 0.1));
      color: var(--fg, inherit);
    }
    button:focus-visible {
      outline: 2px solid var(--focus-ring, #3b82f6);
      outline-offset: -2px;
    }
    .l1 button {
      font-weight: 600;
      color: var(--fg, inherit);
    }
    .l2 button {
      font-weight: 600;
      color: var(--fg, inherit);
      margin-top: 6px;
    }
    .l3 button {
      padding-inline-start: 26px;
    }
    button[aria-current='location'] {
      color: var(--accent, #2f6feb);
      background: var(--surface-2, rgba(127, 127, 127, 0.1));
      border-inline-start-color: var(--accent, #2f6feb);
    }
  `;

  /** The headings to list, in document order. */
  @property({ attribute: false }) entries: TocEntry[] = [];
  /** Index of the section the reader is in. */
  @property({ type: Number }) current = -1;

  override render() {
    const current = this.currentEntry();
    return html`<nav aria-label="Table of contents">
      <h2 aria-hidden="true">Contents</h2>
      ${
        this.entries.length === 0
          ? html`<p class="empty">
              This document has no headings to list. In a plain-text book, chapters are lines such as “CHAPTER
              1. Loomings.” or “Chapter I”, standing alone between blank lines.
            </p>`
          : nothing
      }
      <ol>
        ${this.entries.map(
          (entry) =>
            html`<li class="l${entry.level}">
              <button
                type="button"
                data-section=${entry.section}
                aria-current=${entry.section === current ? 'location' : 'false'}
                @click=${() => this.dispatchEvent(new TocNavigateEvent(entry.section))}
              >
                ${entry.text || 'Untitled section'}
              </button>
            </li>`,
        )}
      </ol>
    </nav>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('current') || changed.has('entries')) this.revealCurrent();
  }

  /** The last entry at or before the current section (a section may have no heading). */
  private currentEntry(): number {
    let found = -1;
    for (const entry of this.entries) if (entry.section <= this.current) found = entry.section;
    return found;
  }

  /** Scrolls the list (only the list) so the current entry is visible. */
  private revealCurrent(): void {
    const list = this.renderRoot.querySelector('ol');
    const button = this.renderRoot.querySelector<HTMLElement>('button[aria-current="location"]');
    if (!list || !button) return;
    const top = button.offsetTop; // The list is the offset parent.
    const bottom = top + button.offsetHeight;
    if (top < list.scrollTop + 8) list.scrollTop = Math.max(0, top - list.clientHeight / 3);
    else if (bottom > list.scrollTop + list.clientHeight - 8) list.scrollTop = top - list.clientHeight / 3;
  }
}

declare global {
  interface HTMLElementEventMap {
    'toc-navigate': TocNavigateEvent;
  }
  interface HTMLElementTagNameMap {
    'reader-toc': ReaderToc;
  }
}
