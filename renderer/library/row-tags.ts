/** A document's tags on its library row: each one a button that filters the library by it. */
import { css, html } from 'lit';
import type { DocumentRow } from '../../preload/api';
import type { RowContext } from './library-row';

export /** A document's tags; each one filters the library by it. */
function renderRowTags(doc: DocumentRow, ctx: RowContext) {
  return html`<ul class="tags" aria-label="Tags of “${doc.title}”">
    ${doc.tags.map(
      (tag) =>
        html`<li>
          <button class="tag" title="Show documents tagged ${tag}" @click=${() => ctx.filterTag(tag)}>
            #${tag}
          </button>
        </li>`,
    )}
  </ul>`;
}

export const rowTagStyles = css`
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: var(--space-1);
    margin: var(--space-1) 0 0;
    padding: 0;
    list-style: none;
  }
  .tag {
    padding: 0 var(--space-2);
    border: 0;
    border-radius: 999px;
    background: var(--surface-2);
    color: var(--fg-muted);
    font: inherit;
    font-size: 0.75rem;
    line-height: 1.6;
    cursor: pointer;
  }
  .tag:hover,
  .tag:focus-visible {
    color: var(--fg);
  }
`;
