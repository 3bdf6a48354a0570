/**
 * The library's list box: each row in view from the rows loaded, else from the background row
 * index (everything but the excerpt, painted at once after a jump), else a placeholder.
 */
import { html } from 'lit';
import type { DocumentRow } from '../../preload/api';
import type { LibraryListController } from '../app/library-list';
import { type RowContext, renderDocumentRow, renderPlaceholderRow } from './library-row';
import { renderRowSlots } from './row-list';
import type { RowWindow } from './row-window';

/** Row `index` as loaded, or as the row index knows it (`indexed`: its excerpt not there). */
export function rowOf(
  list: LibraryListController,
  index: number,
): { row: DocumentRow; indexed: boolean } | undefined {
  const row = list.rowAt(index);
  if (row) return { row, indexed: false };
  const indexed = list.indexedRowAt(index);
  return indexed ? { row: indexed, indexed: true } : undefined;
}

/** The list box with the rows of `shown` (keyed by document, so a row keeps its elements and focus as it fills in). */
export function renderDocumentList(
  list: LibraryListController,
  shown: RowWindow,
  ctx: RowContext,
  onKey: (event: KeyboardEvent) => void,
) {
  return html`
    <div class="list" role="list" aria-label="Documents" style="height: ${shown.height}px" @keydown=${onKey}>
      ${renderRowSlots(
        shown,
        (index) => rowOf(list, index)?.row.id ?? `pending-${index}`,
        (index) => {
          const found = rowOf(list, index);
          return found
            ? renderDocumentRow(found.row, index, ctx, found.indexed)
            : renderPlaceholderRow(index, ctx);
        },
      )}
    </div>
  `;
}
