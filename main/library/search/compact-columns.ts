/**
 * Words and items as binary parts of a compact file: strings as tables (two texts, latin1 and UTF-16,
 * read in one decode each and cut into strings), and items a column of 32-bit words per field, so a load
 * decodes a few texts instead of parsing a JSON token per value, and equal strings are stored once.
 */
import { type PartsReader, type PartsWriter, type Span } from './compact-parts';
import { asciiJson } from './compact-json';

/** Marks a wide (UTF-16) string's end in a table: the rest of the word is its end in the wide text. */
const WIDE = 0x80000000;
/** A column's null (an absent value). */
const NONE = 0xffffffff;
/** A character latin1 cannot hold (lone surrogates too). */
const BEYOND_LATIN1 = /[\u0100-\uffff]/;

/** A string table: each string's end in its text (WIDE: the UTF-16 one), and the two texts. */
export interface SavedTable {
  ends: Span;
  narrow: Span;
  wide: Span;
}

export function writeTable(out: PartsWriter, strings: readonly string[]): SavedTable {
  const ends = new Uint32Array(strings.length);
  const narrow: string[] = [];
  const wide: string[] = [];
  let narrowEnd = 0;
  let wideEnd = 0;
  strings.forEach((text, at) => {
    if (!BEYOND_LATIN1.test(text)) {
      narrow.push(text);
      ends[at] = narrowEnd += text.length;
    } else {
      wide.push(text);
      ends[at] = (wideEnd += text.length) + WIDE;
    }
  });
  if (narrowEnd >= WIDE || wideEnd >= WIDE) throw new Error('The strings are too long for one table');
  return {
    ends: out.words(ends),
    narrow: out.bytes(Buffer.from(narrow.join(''), 'latin1')),
    wide: out.bytes(Buffer.from(wide.join(''), 'utf16le')),
  };
}

export function readTable(input: PartsReader, table: SavedTable): string[] {
  const ends = input.words(table.ends);
  const narrow = input.bytes(table.narrow).toString('latin1');
  const wideBytes = input.bytes(table.wide);
  // utf16le wants whole code units: an odd length is damage the checksum missed.
  if (wideBytes.length % 2 !== 0) throw new Error('the compact index file does not add up');
  const wide = wideBytes.toString('utf16le');
  const strings: string[] = [];
  let narrowAt = 0;
  let wideAt = 0;
  for (let at = 0; at < ends.length; at++) {
    const end = ends[at] ?? 0;
    if (end >= WIDE) {
      strings.push(wide.slice(wideAt, (wideAt = end - WIDE)));
    } else {
      strings.push(narrow.slice(narrowAt, (narrowAt = end)));
    }
  }
  if (narrowAt !== narrow.length || wideAt !== wide.length)
    throw new Error('the compact index file does not add up');
  return strings;
}

/**
 * A field's values: `ids` of a table's strings (0: null) for strings, and for lists of strings with
 * `counts` per item (NONE: null); non-negative integers as themselves (NONE: null); anything else as JSON.
 */
type SavedColumn =
  | { key: string; type: 'string' | 'json'; table: SavedTable; ids: Span }
  | { key: string; type: 'strings'; table: SavedTable; ids: Span; counts: Span }
  | { key: string; type: 'int'; values: Span };

/** Items as saved: their number and a column per field. */
export interface SavedItems {
  count: number;
  columns: SavedColumn[];
}

const isString = (value: unknown): boolean => value === null || typeof value === 'string';
const isInt = (value: unknown): boolean =>
  value === null || (Number.isInteger(value) && (value as number) >= 0 && (value as number) < NONE);
const isStrings = (value: unknown): boolean =>
  value === null || (Array.isArray(value) && value.every((v) => typeof v === 'string'));

/** Numbers each distinct string once (1 up: 0 is null). */
class Dictionary {
  readonly strings: string[] = [];
  private readonly ids = new Map<string, number>();

  idOf(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.strings.push(text);
      this.ids.set(text, id);
    }
    return id;
  }
}

function writeColumn(out: PartsWriter, key: string, values: readonly unknown[]): SavedColumn {
  if (values.every(isInt))
    return { key, type: 'int', values: out.words(values.map((v) => (v ?? NONE) as number)) };
  const dictionary = new Dictionary();
  if (values.every(isString) || !values.every(isStrings)) {
    const type = values.every(isString) ? 'string' : 'json';
    const text = (v: unknown) => (type === 'string' ? (v as string) : asciiJson(v));
    const ids = values.map((v) => (v === null ? 0 : dictionary.idOf(text(v))));
    return { key, type, table: writeTable(out, dictionary.strings), ids: out.words(ids) };
  }
  const lists = values as readonly (string[] | null)[];
  const counts = lists.map((list) => list?.length ?? NONE);
  const ids = lists.flatMap((list) => (list ?? []).map((text) => dictionary.idOf(text)));
  return {
    key,
    type: 'strings',
    table: writeTable(out, dictionary.strings),
    ids: out.words(ids),
    counts: out.words(counts),
  };
}

/** Writes every item's fields as columns (a field an item lacks is null). */
export function writeItems(out: PartsWriter, items: readonly unknown[]): SavedItems {
  const keys = [...new Set(items.flatMap((item) => Object.keys(item as object)))];
  const columns = keys.map((key) =>
    writeColumn(
      out,
      key,
      items.map((item) => (item as Record<string, unknown>)[key] ?? null),
    ),
  );
  return { count: items.length, columns };
}

/** Sets an item's field (null: it has none). */
type Setter = (at: number, value: unknown) => void;

/** Sets every item's field from a column (strings by id, 0 for null; or, with `parse`, JSON by id). */
function setFromTable(set: Setter, count: number, table: string[], ids: Uint32Array, parse: boolean) {
  if (ids.length !== count) throw new Error('the items do not add up');
  for (let at = 0; at < ids.length; at++) {
    const id = ids[at] ?? 0;
    if (id > table.length) throw new Error('the items do not add up');
    const text = id === 0 ? null : (table[id - 1] as string);
    set(at, parse && text !== null ? (JSON.parse(text) as unknown) : text);
  }
}

/** Sets every item's field from a column of lists of strings. */
function setLists(set: Setter, count: number, table: string[], ids: Uint32Array, counts: Uint32Array) {
  if (counts.length !== count) throw new Error('the items do not add up');
  let next = 0;
  for (let at = 0; at < counts.length; at++) {
    const length = counts[at] ?? 0;
    if (length === NONE) {
      set(at, null);
      continue;
    }
    if (next + length > ids.length) throw new Error('the items do not add up');
    const list: string[] = [];
    for (let k = 0; k < length; k++) {
      const id = ids[next++] ?? 0;
      if (id === 0 || id > table.length) throw new Error('the items do not add up');
      list.push(table[id - 1] as string);
    }
    set(at, list);
  }
  if (next !== ids.length) throw new Error('the items do not add up');
}

function readColumn(input: PartsReader, column: SavedColumn, count: number, set: Setter): void {
  if (column.type === 'int') {
    const values = input.words(column.values);
    if (values.length !== count) throw new Error('the items do not add up');
    for (let at = 0; at < values.length; at++) {
      const value = values[at] ?? NONE;
      set(at, value === NONE ? null : value);
    }
    return;
  }
  const table = readTable(input, column.table);
  const ids = input.words(column.ids);
  if (column.type === 'strings') setLists(set, count, table, ids, input.words(column.counts));
  else setFromTable(set, count, table, ids, column.type === 'json');
}

/**
 * The items back, every one with every field (null where it had none), so they share one shape; with
 * `blank`, each starts as a blank item (every field empty) whose fields a column's null leaves as they are.
 */
export function readItems(
  input: PartsReader,
  { count, columns }: SavedItems,
  blank: (() => object) | null = null,
): Record<string, unknown>[] {
  if (!Number.isInteger(count) || count < 0) throw new Error('the items do not add up');
  const items: Record<string, unknown>[] = [];
  for (let at = 0; at < count; at++) items.push(blank === null ? {} : (blank() as Record<string, unknown>));
  // A column at a time: every item gains the fields in the same order, so they share one shape.
  for (const column of columns)
    readColumn(input, column, count, (at, value) => {
      if (value !== null || blank === null) (items[at] as Record<string, unknown>)[column.key] = value;
    });
  return items;
}
