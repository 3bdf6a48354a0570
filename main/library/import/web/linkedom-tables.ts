/**
 * linkedom has no `HTMLTableElement.rows`, which the GFM table rules read to count columns;
 * without it every table would come out as loose paragraphs. This adds it, for tables only.
 * And those rules read `childNodes` at every step of their loops over a table's subtree, which
 * linkedom builds anew on every read: while a conversion runs, each element's list is built once.
 */
import { HTMLElement as LinkedomElement } from 'linkedom';
import type { DomElement, DomList, DomNode } from './dom';

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
/** Child lists, at the same times. */
let keptChildren: Map<DomElement, DomList<DomNode>> | null = null;

/**
 * Runs `work` with each table's rows, and each element's children, listed once: the GFM rules
 * read `rows` inside loops over rows and columns (cubic in the table's size when every read walks
 * the table again), and `childNodes` in each step of a loop over them. Only for work that does
 * not add, move or remove nodes once it has read them.
 */
export function withTableRowsKept<T>(work: () => T): T {
  keptRows = new Map();
  keptChildren = new Map();
  try {
    return work();
  } finally {
    keptRows = null;
    keptChildren = null;
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

/** Idempotent; `rows` is left as it is where linkedom (some later version) has its own. */
export function installTableRows(): void {
  if (installed) return;
  installed = true;
  const prototype = LinkedomElement.prototype as object;
  keepChildLists(prototype);
  if ('rows' in prototype) return;
  Object.defineProperty(prototype, 'rows', {
    configurable: true,
    get(this: DomElement): DomElement[] | undefined {
      return this.nodeName.toUpperCase() === 'TABLE' ? rowsOf(this) : undefined;
    },
  });
}

/** `childNodes` answered from `keptChildren` while it is kept (see withTableRowsKept). */
function keepChildLists(prototype: object): void {
  const own = inheritedGetter(prototype, 'childNodes');
  if (own === null) return;
  Object.defineProperty(prototype, 'childNodes', {
    configurable: true,
    get(this: DomElement): DomList<DomNode> {
      if (keptChildren === null) return own.call(this);
      let children = keptChildren.get(this);
      if (children === undefined) {
        children = own.call(this);
        keptChildren.set(this, children);
      }
      return children;
    },
  });
}

function inheritedGetter(prototype: object, name: string): ((this: unknown) => DomList<DomNode>) | null {
  for (let at: object | null = prototype; at !== null; at = Object.getPrototypeOf(at)) {
    const getter = Object.getOwnPropertyDescriptor(at, name)?.get;
    if (getter !== undefined) return getter as (this: unknown) => DomList<DomNode>;
  }
  return null;
}
