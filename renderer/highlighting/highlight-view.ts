/**
 * The highlighting parts of <reader-view>'s template, rendered from the controller's state:
 * the toolbar buttons (Highlights panel, Update from file…), the side panel, and the
 * floating toolbar and popover. They live in the reader's shadow root, like the text.
 */
import { html, nothing } from 'lit';
import type { Backlink } from '../../preload/api';
import { describeRange } from '../../common/anchoring/describe';
import type { HighlightToCheck } from '../components/highlight-panel-check';
import type { HighlightController } from './highlight-controller';
import type { HighlightSet } from './highlight-set';
import '../components/highlight-panel';
import '../components/highlight-popover';
import '../components/highlight-toolbar';

export { highlightPaintStyles } from './highlight-styles';

/** "Highlights" (toggles the panel) and "Update from file…", for the reader's toolbar. */
export function highlightTools(controller: HighlightController, onUpdateFromFile: () => void) {
  return html`<button
      class="tool highlights-button"
      type="button"
      aria-label="Highlights"
      title="Highlights"
      aria-expanded=${String(controller.panelOpen)}
      aria-controls="highlights-panel"
      @click=${() => controller.togglePanel()}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 20h6M14.5 4.5l5 5L10 19H5v-5z" /></svg>
    </button>
    <button
      class="tool update-button"
      type="button"
      aria-label="Update from file…"
      title="Update from file…"
      @click=${onUpdateFromFile}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
        <path d="M14 3v5h5M12 18v-6M9.5 14.5 12 12l2.5 2.5" />
      </svg>
    </button>`;
}

/** The side panel (a complementary landmark), when open. */
export function highlightPanel(controller: HighlightController, backlinks: ReadonlyMap<string, Backlink[]>) {
  if (!controller.panelOpen) return nothing;
  const { labels, popover, selection, set } = controller.view();
  return html`<highlight-panel
    id="highlights-panel"
    class="highlights-panel"
    role="complementary"
    aria-label="Highlights"
    .placed=${set?.placedInOrder() ?? []}
    .toCheck=${set ? toCheckItems(set) : []}
    .unplaced=${set?.unplaced() ?? []}
    .labels=${labels}
    .backlinks=${backlinks}
    .selectedId=${popover?.selectedId ?? null}
    ?canReattach=${Boolean(selection?.span)}
    .documentId=${set?.documentId ?? ''}
    .documentNote=${set?.doc.documentNote ?? null}
  ></highlight-panel>`;
}

/** The highlights to check, each with the passage it is on now and which candidate that is. */
function toCheckItems(set: HighlightSet): HighlightToCheck[] {
  return set.toCheck().flatMap((highlight) => {
    const span = set.spanOf(highlight.id);
    if (!span) return [];
    const candidates = set.candidatesOf(highlight.id);
    const candidate = candidates.findIndex((c) => c.start === span.start && c.end === span.end);
    const { quote: now } = describeRange(set.textMap.text, span.start, span.end);
    return [{ highlight, now, candidate: Math.max(0, candidate), candidates: candidates.length }];
  });
}

/** The floating toolbar over a selection and the popover of a selected highlight. */
export function highlightOverlays(controller: HighlightController) {
  const { selection, popover, set, labels, lastColor } = controller.view();
  if (popover && set) {
    const selected = popover.selectedId ? (set.records.get(popover.selectedId) ?? null) : null;
    const choices = popover.choices.flatMap((id) => set.records.get(id) ?? []);
    return html`<highlight-popover
      .anchor=${popover.anchor}
      .highlight=${selected}
      .choices=${choices}
      .labels=${labels}
      .tagging=${popover.tagging ?? false}
    ></highlight-popover>`;
  }
  if (selection) {
    return html`<highlight-toolbar
      .anchor=${selection.anchor}
      .labels=${labels}
      .lastColor=${lastColor}
      ?ready=${selection.span !== null}
    ></highlight-toolbar>`;
  }
  return nothing;
}
