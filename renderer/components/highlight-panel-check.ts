/**
 * The top of <highlight-panel>: "N highlights to check", those re-anchoring placed at their best
 * candidate without being sure. Each shows its original passage beside where it is now, with
 * Confirm (also the C key anywhere in the item), Next candidate, Re-attach and Delete.
 */
import { css, html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Highlight, HighlightColor, TextQuoteSelector } from '../../preload/api';
import type { HighlightCommand } from '../highlighting/events';

/** A highlight to check as the panel lists it. */
export interface HighlightToCheck {
  highlight: Highlight;
  /** The passage it is on now, with its context (the stored quote is the original one). */
  now: TextQuoteSelector;
  /** Which of its candidate places it is on (0 = the best), and how many there are. */
  candidate: number;
  candidates: number;
}

export interface CheckListContext {
  labels: Record<HighlightColor, string>;
  selectedId: string | null;
  canReattach: boolean;
  send(command: HighlightCommand): void;
}

/** Confirms with C from anywhere in the item (a button, or the item itself). */
function confirmKey(event: KeyboardEvent, id: string, send: CheckListContext['send']): void {
  if (event.key !== 'c' && event.key !== 'C') return;
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  event.preventDefault();
  send({ kind: 'confirm', id });
}

function passage(quote: TextQuoteSelector) {
  return html`<span class="quote"
    ><span class="context">…${quote.prefix}</span><mark>${quote.exact}</mark
    ><span class="context">${quote.suffix}…</span></span
  >`;
}

function renderItem(item: HighlightToCheck, context: CheckListContext) {
  const { highlight: h, now } = item;
  const { labels, send } = context;
  const place = item.candidates > 1 ? ` · place ${item.candidate + 1} of ${item.candidates}` : '';
  return html`<li class="check-item" @keydown=${(e: KeyboardEvent) => confirmKey(e, h.id, send)}>
    <button
      class="item"
      type="button"
      aria-current=${String(h.id === context.selectedId)}
      @click=${() => send({ kind: 'show', id: h.id })}
    >
      <span class="swatch ${h.color} check" aria-hidden="true"></span>
      <span class="versions">
        <span class="label">${labels[h.color]} · was</span>${passage(h.quote)}
        <span class="label">now${place}</span>${passage(now)}
      </span>
    </button>
    <div class="repair">
      <button
        type="button"
        title="Confirm this place (C)"
        @click=${() => send({ kind: 'confirm', id: h.id })}
      >
        Confirm
      </button>
      <button
        type="button"
        ?disabled=${item.candidates < 2}
        @click=${() => send({ kind: 'next-candidate', id: h.id })}
      >
        Next candidate
      </button>
      <button
        type="button"
        ?disabled=${!context.canReattach}
        @click=${() => send({ kind: 'reattach', id: h.id })}
      >
        Re-attach to selection
      </button>
      <button type="button" @click=${() => send({ kind: 'delete', id: h.id })}>Delete</button>
    </div>
  </li>`;
}

/** The "to check" section, for the panel to render first. */
export function renderToCheck(items: readonly HighlightToCheck[], context: CheckListContext) {
  const title = items.length === 1 ? '1 highlight to check' : `${items.length} highlights to check`;
  return html`<section class="to-check" aria-labelledby="check-heading">
    <h2 id="check-heading">${title}</h2>
    <p class="hint">
      The text changed, and these may now be on the wrong passage. Compare each with where it was, then press
      <kbd>C</kbd> to confirm it or pick its right place.
    </p>
    <ul class="items" aria-label="Highlights to check">
      ${repeat(
        items,
        (item) => item.highlight.id,
        (item) => renderItem(item, context),
      )}
    </ul>
  </section>`;
}

export const highlightCheckStyles = css`
  .to-check {
    display: flow-root;
    border-bottom: 1px solid var(--border, #ddd);
    background: color-mix(in srgb, var(--accent, #9e4524) 6%, transparent);
  }
  .to-check h2 {
    color: var(--accent, #9e4524);
  }
  .hint {
    margin: 0 16px 8px;
    color: var(--fg-muted, #666);
    font-size: 0.8125rem;
    line-height: 1.45;
  }
  .check-item {
    padding-bottom: 10px;
  }
  .check-item + .check-item {
    border-top: 1px solid color-mix(in srgb, var(--border, #ddd) 60%, transparent);
    padding-top: 4px;
  }
  .versions .label:not(:first-child) {
    margin-top: 6px;
  }
  .versions mark {
    background: none;
    color: inherit;
    font-weight: 600;
  }
  .swatch.check {
    box-shadow: none;
    outline: 1.5px dashed color-mix(in srgb, var(--fg, #000) 55%, transparent);
    outline-offset: 1px;
  }
  .repair {
    flex-wrap: wrap;
  }
`;
