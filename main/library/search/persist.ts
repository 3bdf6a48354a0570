/**
 * The search index's file in the library folder (cache/search-index.json): versioned, written
 * durably, and only ever derived data, so a corrupt or other-version file is rebuilt, never trusted.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { readTextIfExists, writeFileDurable } from '../storage/durable-file';
import type { FileSystem } from '../storage/file-system';
import type { LibraryPaths } from '../storage/paths';
import { decodeCompact, encodeCompact } from './compact-file';
import { type CompactSnapshots, SearchIndex } from './search-index';

/** Bumped whenever entries, tokenising or the file's shape change: older files are rebuilt. */
export const SEARCH_INDEX_VERSION = 2;
const FORMAT = 'lectern-search-index';

/** The index and, per owner, the signature of what it was built from (to find what changed since). */
export interface IndexState {
  index: SearchIndex;
  signatures: Map<string, string>;
}

export type LoadedIndex =
  { kind: 'loaded'; state: IndexState } | { kind: 'missing' } | { kind: 'unusable'; reason: string };

export const searchIndexFile = (paths: LibraryPaths): string =>
  path.join(paths.root, 'cache', 'search-index.json');

/** The passages' and highlights' indexes, saved beside the JSON file (binary: see compact-file.ts). */
export const searchCompactFile = (paths: LibraryPaths): string =>
  path.join(paths.root, 'cache', 'search-compact.bin');

interface IndexFile {
  format: typeof FORMAT;
  version: number;
  /** Written into the body file too: a body file from another save is refused. */
  generation: string;
  signatures: [string, string][];
  data: ReturnType<SearchIndex['toJSON']>;
}

const isIndexFile = (raw: unknown): raw is IndexFile =>
  typeof raw === 'object' &&
  raw !== null &&
  (raw as Partial<IndexFile>).format === FORMAT &&
  Array.isArray((raw as Partial<IndexFile>).signatures) &&
  typeof (raw as Partial<IndexFile>).generation === 'string' &&
  typeof (raw as Partial<IndexFile>).data === 'object';

/** Reads the persisted index; says why when it cannot be used (then it is rebuilt). */
export async function loadIndex(fsys: FileSystem, paths: LibraryPaths): Promise<LoadedIndex> {
  const file = searchIndexFile(paths);
  let text: string | null;
  try {
    text = await readTextIfExists(fsys, file);
  } catch (error) {
    return { kind: 'unusable', reason: `it could not be read (${String(error)})` };
  }
  if (text === null) return { kind: 'missing' };
  try {
    const raw: unknown = JSON.parse(text);
    const version = (raw as Partial<IndexFile> | null)?.version;
    if (typeof version === 'number' && version !== SEARCH_INDEX_VERSION)
      return { kind: 'unusable', reason: `it was made by another version of Lectern (${version})` };
    if (!isIndexFile(raw)) return { kind: 'unusable', reason: 'the file is damaged' };
    const { body, document, highlight } = decodeCompact(
      await fsys.readFile(searchCompactFile(paths)),
      raw.generation,
    );
    if (body === undefined || document === undefined || highlight === undefined)
      throw new Error('missing part');
    // The compact file's items are as SearchIndex saved them (generation-checked with this file).
    const compact = { body, entries: { document, highlight } } as unknown as CompactSnapshots;
    const index = SearchIndex.fromJSON(raw.data, compact);
    return { kind: 'loaded', state: { index, signatures: new Map(raw.signatures) } };
  } catch {
    return { kind: 'unusable', reason: 'the file is damaged' };
  }
}

/** Writes the index durably (replacing the old file in one rename). */
export async function saveIndex(fsys: FileSystem, paths: LibraryPaths, state: IndexState): Promise<void> {
  const file = searchIndexFile(paths);
  await fsys.mkdir(path.dirname(file));
  // A vacuum holds some adds and discards back: the file must have them all.
  await state.index.idle();
  const generation = randomBytes(8).toString('hex');
  // The compact file first: the JSON file names its generation, so a kill between the two writes
  // leaves a pair that is refused (and rebuilt), never one that mixes two saves.
  const compact = state.index.compactSnapshots();
  await writeFileDurable(
    fsys,
    searchCompactFile(paths),
    encodeCompact({ body: compact.body, ...compact.entries }, generation),
  );
  const content: IndexFile = {
    format: FORMAT,
    version: SEARCH_INDEX_VERSION,
    generation,
    signatures: [...state.signatures],
    data: state.index.toJSON(),
  };
  await writeFileDurable(fsys, file, JSON.stringify(content));
}
