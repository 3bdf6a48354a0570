/**
 * linkedom has no `HTMLTableElement.rows`, which the GFM table rules read to count columns;
 * without it every table would come out as loose paragraphs. This adds it, for tables only.
 */
import { HTMLElement as LinkedomElement } from 'linkedom';
import type { DomElement } from './dom';

const SECTIONS = new Set(['THEAD', 'TBODY', 'TFOOT']);

/** The table's rows in document order: its own `tr`s and those of its head, bodies and foot. */
function tableRows(table: DomElement): DomElement[] {
  const rows: DomElement[] = [];
  for (const child of table.children) {
    const tag = child.nodeName.toUpperCase();
    if (tag === 'TR') rows.push(child);
    else if (SECTIONS.has(tag))
      rows.push(...[...child.children].filter((row) => row.nodeName.toUpperCase() === 'TR'));
  }
  return rows;
}

let installed = false;
/** Rows per table while a conversion reads them (see withTableRowsKept); null otherwise. */
let keptRows: Map<DomElement, DomElement[]> | null = null;

/**
 * Runs `work` with each table's rows computed once: the GFM rules read `rows` inside loops over
 * rows and columns (cubic in the table's size when every read walks the table again). Only for
 * work that does not add or remove rows.
 */
export function withTableRowsKept<T>(work: () => T): T {
  keptRows = new Map();
  try {
    return work();
  } finally {
    keptRows = null;
  }
}

function rowsOf(table: DomElement): DomElement[] {
  if (keptRows === null) return tableRows(table);
  let rows = keptRows.get(table);
  if (rows === undefined) {
    rows = tableRows(table);
    keptRows.set(table, rows);
  }
  return rows;
}

/** Idempotent; a no-op where linkedom (some later version) has `rows` of its own. */
export function installTableRows(): void {
  if (installed) return;
  installed = true;
  const prototype = LinkedomElement.prototype as object;
  if ('rows' in prototype) return;
  Object.defineProperty(prototype, 'rows', {
    configurable: true,
    get(this: DomElement): DomElement[] | undefined {
      return this.nodeName.toUpperCase() === 'TABLE' ? rowsOf(this) : undefined;
    },
  });
}
