/** What the search index reads its entries from, as a port: the library's parts in the app, fakes in tests. */
import { createHash } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import type { Highlight, Note } from '../../../preload/api';
import type { Catalog } from '../catalog/catalog';
import type { DocumentRecord } from '../catalog/records';
import { annotationsSignature, peekAnnotations } from '../highlights/annotation-log';
import { readTextIfExists, textOfFile } from '../storage/durable-file';
import { errnoOf } from '../storage/failures';
import type { FileSystem } from '../storage/file-system';
import type { LibraryPaths } from '../storage/paths';
import type { StoredTagRefs } from './entries';

/** A document's highlights and note as its annotations file holds them, and the file's signature. */
export interface AnnotationsText {
  signature: string;
  documentNote: string | null;
  highlights: readonly (Pick<Highlight, 'id' | 'color' | 'quote' | 'note' | 'tags'> & {
    tagIds?: string[];
  })[];
}

export interface SearchSources {
  documents(): readonly Readonly<DocumentRecord>[];
  document(id: string): Readonly<DocumentRecord> | undefined;
  /** A document's markdown; null when it has none or it cannot be read. */
  body(id: string): Promise<string | null>;
  /**
   * A document's markdown a slice at a time, as `body` would answer it whole (nothing when it has no
   * file); throws when it cannot be read.
   */
  bodySlices(id: string): AsyncIterable<string>;
  /** null when the document has no annotations file (or it cannot be read: its owner reports that). */
  annotations(id: string): Promise<AnnotationsText | null>;
  /** The annotations file's signature without reading it (null: no file); equal to `annotations`'s. */
  annotationsSignature(id: string): Promise<string | null>;
  notes(): readonly Note[];
  note(id: string): Note | null;
  /** Current tag names for stored ids (a renamed tag answers its new name). */
  namesFor(refs: StoredTagRefs): string[];
}

export interface SearchSourcesParts {
  catalog: Catalog;
  fsys: FileSystem;
  paths: LibraryPaths;
  notes: { allNotes(): Note[]; getNote(id: string): { ok: true; value: Note } | { ok: false } };
  namesFor(stored: { tagIds: string[]; tags: string[] }): string[];
}

/** A record's signature: a digest of what its entries are built from (not progress or counts). */
export const recordSignature = (record: Readonly<DocumentRecord>): string =>
  createHash('sha256')
    .update(
      JSON.stringify([
        record.contentHash,
        record.title,
        record.author,
        record.tagIds ?? [],
        record.tags ?? [],
      ]),
    )
    .digest('base64')
    .slice(0, 24);

/**
 * Bytes of a document read at once while indexing. The slicer cuts a slice in one go, before the
 * indexing yields: 256 KB took 2-2.6 ms (median) and 6-7 ms (p90) of a task, 64 KB 0.4 ms and 0.6-1.7 ms
 * (a 30 MB book, load ~5 on 2 cores); the 4x more reads cost no time of the event loop.
 */
export const SLICE_BYTES = 64 * 1024;

/**
 * Documents up to this size are read for a snippet at once, on the core's thread (tens of microseconds,
 * no longer than a slice's cut while indexing). Through the thread pool, the snippets of the 100 bench
 * queries (cold cache, core alone) took 11-16 ms at p95, most of it waiting for the pool's round
 * trips; read at once, 6-8 ms.
 */
export const SMALL_BODY_BYTES = SLICE_BYTES;

/**
 * The file's text a slice at a time, decoded as one `toString('utf8')` of the whole would be (a
 * character cut between two slices is decoded whole) and without its byte order mark.
 */
export async function* textSlices(
  fsys: FileSystem,
  file: string,
  sliceBytes = SLICE_BYTES,
): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let atStart = true;
  for (let position = 0; ;) {
    let bytes: Buffer;
    try {
      bytes = await fsys.readRange(file, position, sliceBytes);
    } catch (error) {
      if (position === 0 && errnoOf(error) === 'ENOENT') return;
      throw error;
    }
    position += bytes.length;
    const last = bytes.length < sliceBytes;
    let text = last ? decoder.write(bytes) + decoder.end() : decoder.write(bytes);
    if (atStart && text !== '') {
      atStart = false;
      if (text.startsWith('\uFEFF')) text = text.slice(1);
    }
    if (text !== '') yield text;
    if (last) return;
  }
}

export function searchSourcesOf(parts: SearchSourcesParts): SearchSources {
  const { catalog, fsys, paths, notes } = parts;
  return {
    documents: () => catalog.list(),
    document: (id) => catalog.get(id),
    async body(id) {
      try {
        const file = paths.documentFile(id);
        const small = fsys.readSmallFile(file, SMALL_BODY_BYTES);
        return small === null ? await readTextIfExists(fsys, file) : textOfFile(small);
      } catch {
        return null;
      }
    },
    bodySlices: (id) => textSlices(fsys, paths.documentFile(id)),
    async annotations(id) {
      try {
        // The signature first: a change landing between the two reads makes the next sync read again.
        const signature = await annotationsSignature(fsys, paths, id);
        const data = await peekAnnotations(fsys, paths, id);
        return signature === null || data === null ? null : { signature, ...data };
      } catch {
        return null;
      }
    },
    annotationsSignature: (id) => annotationsSignature(fsys, paths, id).catch(() => null),
    notes: () => notes.allNotes(),
    note(id) {
      const found = notes.getNote(id);
      return found.ok ? found.value : null;
    },
    namesFor: (refs) => parts.namesFor({ tagIds: refs.tagIds, tags: refs.tagNames }),
  };
}
