/**
 * JSON shapes that load fast: items as columns (an array per field, not an object per item) and text
 * kept to ASCII, so a file is decoded as latin1 (a copy) instead of UTF-8 (a scan, and two bytes a char).
 */

/** Items by field: `values[k][i]` is item i's `keys[k]` (null when it has none). */
export interface ItemColumns {
  count: number;
  keys: string[];
  values: unknown[][];
}

/** Every item's fields in columns (fields an item lacks are null). */
export function itemsToColumns(items: readonly unknown[]): ItemColumns {
  const keys: string[] = [];
  const known = new Map<string, number>();
  const values: unknown[][] = [];
  items.forEach((item, at) => {
    for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
      let column = known.get(key);
      if (column === undefined) {
        column = keys.length;
        known.set(key, column);
        keys.push(key);
        values.push(Array.from({ length: items.length }, () => null));
      }
      (values[column] as unknown[])[at] = value ?? null;
    }
  });
  return { count: items.length, keys, values };
}

/** The items back, every one with every key (null where it had none), so they share one shape. */
export function itemsFromColumns({ count, keys, values }: ItemColumns): Record<string, unknown>[] {
  if (!Number.isInteger(count) || values.length !== keys.length || values.some((v) => v.length !== count))
    throw new Error('the items do not add up');
  const items: Record<string, unknown>[] = [];
  for (let at = 0; at < count; at++) {
    const item: Record<string, unknown> = {};
    for (let k = 0; k < keys.length; k++) item[keys[k] as string] = (values[k] as unknown[])[at];
    items.push(item);
  }
  return items;
}

const isEmpty = (value: unknown): boolean =>
  value === '' || value === null || value === 0 || (Array.isArray(value) && value.length === 0);

/** `item` without its empty fields (nor those named in `dropped`): what a load puts back costs no bytes. */
export function withoutEmptyFields<T extends object>(item: T, dropped: readonly string[] = []): Partial<T> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item))
    if (!isEmpty(value) && !dropped.includes(key)) kept[key] = value;
  return kept as Partial<T>;
}

const NON_ASCII = /[\u0080-\uffff]/g;
const escaped = (char: string): string => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `value` as JSON in ASCII only: other characters (lone surrogates too) as \u escapes. */
export const asciiJson = (value: unknown): string => JSON.stringify(value).replace(NON_ASCII, escaped);
