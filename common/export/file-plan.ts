/**
 * Which file each document and note of an export of many goes to, stable across exports: the
 * folder's manifest (`.lectern-export.json`, Lectern id → file name) keeps every name it gave,
 * so a document keeps its file even when another with the same title appears later; a newcomer
 * whose title is taken gets `Title (<id>).md`. Deterministic: the same inputs give the same names.
 */
import { exportFileName, fileNameKey, safeBaseName } from './file-names';

/** The manifest's file name in the export folder. */
export const MANIFEST_NAME = '.lectern-export.json';

/** Lectern id → the file name (no folder) it was exported to. */
export type FileNameMap = Readonly<Record<string, string>>;

export interface PlannedItem {
  id: string;
  title: string;
}

const ID = /^[0-9a-f]{16}$/;

/** A name this module could have given: a safe base name and `.md`, nothing that leaves the folder. */
export function isPlannableName(name: string): boolean {
  if (!name.endsWith('.md')) return false;
  const base = name.slice(0, -'.md'.length);
  return base !== '' && safeBaseName(base) === base;
}

/** The manifest's names, from its JSON text; entries that are not ids and safe names are dropped. */
export function readManifest(text: string | null): Record<string, string> {
  if (text === null) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {};
  }
  const files = (parsed as { files?: unknown } | null)?.files;
  if (typeof files !== 'object' || files === null) return {};
  const names: Record<string, string> = {};
  for (const [id, name] of Object.entries(files))
    if (ID.test(id) && typeof name === 'string' && isPlannableName(name)) names[id] = name;
  return names;
}

/** The manifest's JSON text (ids sorted, so an unchanged manifest is byte-identical). */
export function formatManifest(names: FileNameMap): string {
  const files = Object.fromEntries(Object.entries(names).toSorted(([a], [b]) => (a < b ? -1 : 1)));
  return `${JSON.stringify({ lectern: 'export manifest: keeps each document’s file name', version: 1, files }, null, 2)}\n`;
}

/**
 * A file name for every item, in the order given (the caller's order decides who gets a shared
 * title's plain name first): the manifest's name when it has one, else `Title.md`, else
 * `Title (<id>).md` when another item or the manifest holds that name (case and normalisation ignored).
 */
export function planFileNames(items: readonly PlannedItem[], manifest: FileNameMap): Map<string, string> {
  const taken = new Set(Object.values(manifest).map(fileNameKey));
  const planned = new Map<string, string>();
  for (const item of items) {
    const known = manifest[item.id];
    if (known !== undefined) planned.set(item.id, known);
  }
  for (const item of items) {
    if (planned.has(item.id)) continue;
    const plain = exportFileName(item.title, item.id);
    const name = taken.has(fileNameKey(plain)) ? exportFileName(item.title, item.id, true) : plain;
    taken.add(fileNameKey(name));
    planned.set(item.id, name);
  }
  return planned;
}

/** The file name when the planned one holds someone else's text: `Title (<id>).md`. */
export const fallbackFileName = (title: string, id: string): string => exportFileName(title, id, true);

/** `Title (<id>)` without `.md`: what a wikilink names. */
export const fileBaseOf = (fileName: string): string => fileName.replace(/\.md$/, '');

export { safeBaseName };
