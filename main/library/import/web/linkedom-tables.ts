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

/** Idempotent; a no-op where linkedom (some later version) has `rows` of its own. */
export function installTableRows(): void {
  if (installed) return;
  installed = true;
  const prototype = LinkedomElement.prototype as object;
  if ('rows' in prototype) return;
  Object.defineProperty(prototype, 'rows', {
    configurable: true,
    get(this: DomElement): DomElement[] | undefined {
      return this.nodeName.toUpperCase() === 'TABLE' ? tableRows(this) : undefined;
    },
  });
}
