/**
 * The bottom of <highlight-panel>: highlights that could not be placed (their text changed under
 * them), each with its original context, Re-attach to selection and Delete.
 */
import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Highlight, HighlightColor } from '../../preload/api';
import type { HighlightCommand } from '../highlighting/events';

export interface UnplacedContext {
  labels: Record<HighlightColor, string>;
  canReattach: boolean;
  send(command: HighlightCommand): void;
}

function renderItem(h: Highlight, { labels, canReattach, send }: UnplacedContext) {
  return html`<li>
    <div class="item unplaced">
      <span class="swatch ${h.color}" aria-hidden="true"></span>
      <span
        ><span class="label">${labels[h.color]} · text changed</span>
        <span class="quote"
          ><span class="context">…${h.quote.prefix}</span>${h.quote.exact}<span class="context"
            >${h.quote.suffix}…</span
          ></span
        ></span
      >
    </div>
    <div class="repair">
      <button type="button" ?disabled=${!canReattach} @click=${() => send({ kind: 'reattach', id: h.id })}>
        Re-attach to selection
      </button>
      <button type="button" @click=${() => send({ kind: 'delete', id: h.id })}>Delete</button>
    </div>
  </li>`;
}

/** The "Unplaced" section, for the panel to render last. */
export function renderUnplaced(items: readonly Highlight[], context: UnplacedContext) {
  return html`<section aria-labelledby="unplaced-heading">
    <h2 id="unplaced-heading">Unplaced</h2>
    <ul class="items unplaced-items" aria-label="Unplaced highlights">
      ${repeat(
        items,
        (h) => h.id,
        (h) => renderItem(h, context),
      )}
    </ul>
  </section>`;
}
