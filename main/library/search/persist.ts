/**
 * The search index's files in the library folder (cache/search-index.json, and beside it the compact
 * indexes: search-entries.bin, with MiniSearch's JSON text, and search-body.bin, read after the rest so
 * search answers sooner): versioned, written durably, and only ever derived data, so a corrupt or
 * other-version file is rebuilt, never trusted.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { writeFileDurable } from '../storage/durable-file';
import { errnoOf } from '../storage/failures';
import type { FileSystem } from '../storage/file-system';
import type { LibraryPaths } from '../storage/paths';
import { decodeCompact, decodeCompactFile, encodeCompact } from './compact-file';
import { asciiJson } from './compact-json';
import type { CompactSnapshot, PassagePlace } from './compact-index';
import { ENTRY_BLANKS, type LoadedEntries } from './compact-entries';
import { SearchIndex } from './search-index';

/** Bumped whenever entries, tokenising or the file's shape change: older files are rebuilt. */
export const SEARCH_INDEX_VERSION = 6;
const FORMAT = 'lectern-search-index';

/** The index and, per owner, the signature of what it was built from (to find what changed since). */
export interface IndexState {
  index: SearchIndex;
  signatures: Map<string, string>;
}

/** The passages' index as saved; reading it throws when it is damaged or from another save. */
export type BodyReader = () => Promise<CompactSnapshot<PassagePlace>>;

export type LoadedIndex =
  | { kind: 'loaded'; state: IndexState; body: BodyReader }
  | { kind: 'missing' }
  | { kind: 'unusable'; reason: string };

export const searchIndexFile = (paths: LibraryPaths): string =>
  path.join(paths.root, 'cache', 'search-index.json');

/** The documents' and highlights' compact indexes (binary: see compact-file.ts). */
export const searchEntriesFile = (paths: LibraryPaths): string =>
  path.join(paths.root, 'cache', 'search-entries.bin');
/** The passages' compact index: most of the index, read once the rest answers. */
export const searchBodyFile = (paths: LibraryPaths): string =>
  path.join(paths.root, 'cache', 'search-body.bin');

interface IndexFile {
  format: typeof FORMAT;
  version: number;
  /** Written into the binary files too: one from another save is refused. */
  generation: string;
  signatures: [string, string][];
  /** The MiniSearch part but its index (in the entries file: see saveIndex). */
  data: Omit<ReturnType<SearchIndex['toJSON']>, 'index'>;
}

const isIndexFile = (raw: unknown): raw is IndexFile =>
  typeof raw === 'object' &&
  raw !== null &&
  (raw as Partial<IndexFile>).format === FORMAT &&
  Array.isArray((raw as Partial<IndexFile>).signatures) &&
  typeof (raw as Partial<IndexFile>).generation === 'string' &&
  typeof (raw as Partial<IndexFile>).data === 'object';

/** The index file's text, null when there is none; saved as ASCII, so read as latin1 (a copy, no decoding). */
async function readIndexText(fsys: FileSystem, file: string): Promise<string | null> {
  try {
    return (await fsys.readFile(file)).toString('latin1');
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return null;
    throw error;
  }
}

/** Reads the persisted index; says why when it cannot be used (then it is rebuilt). Never rejects. */
export async function loadIndex(fsys: FileSystem, paths: LibraryPaths): Promise<LoadedIndex> {
  const file = searchIndexFile(paths);
  let text: string | null;
  try {
    text = await readIndexText(fsys, file);
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
    const { generation } = raw;
    const entriesFile = await fsys.readFile(searchEntriesFile(paths));
    const { snapshots, texts } = decodeCompactFile(entriesFile, generation, ENTRY_BLANKS);
    const { document, highlight } = snapshots;
    if (document === undefined || highlight === undefined || texts.notes === undefined)
      throw new Error('missing part');
    // The binary files' items are as SearchIndex saved them (their generation is this file's).
    const data = { ...raw.data, index: texts.notes };
    const index = SearchIndex.fromJSON(data, { document, highlight } as LoadedEntries);
    const body: BodyReader = async () => {
      const { body: passages } = decodeCompact(await fsys.readFile(searchBodyFile(paths)), generation);
      if (passages === undefined) throw new Error('missing part');
      return passages as CompactSnapshot<PassagePlace>;
    };
    return { kind: 'loaded', state: { index, signatures: new Map(raw.signatures) }, body };
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
  // The binary files first: the JSON file names their generation, so a kill between the writes
  // leaves files that are refused (and rebuilt), never a mix of two saves.
  const { body, entries } = state.index.compactSnapshots();
  // MiniSearch's JSON text goes behind the binary file's checksum: it is parsed only when first needed.
  const { index: notes, ...data } = state.index.toJSON();
  await writeFileDurable(fsys, searchBodyFile(paths), encodeCompact({ body }, generation));
  await writeFileDurable(
    fsys,
    searchEntriesFile(paths),
    encodeCompact({ ...entries }, generation, { notes }),
  );
  const content: IndexFile = {
    format: FORMAT,
    version: SEARCH_INDEX_VERSION,
    generation,
    signatures: [...state.signatures],
    data,
  };
  await writeFileDurable(fsys, file, asciiJson(content));
}
