/**
 * annotations/<id>.log: the changes to a document's annotations since annotations/<id>.json was
 * last written whole, one record each (storage/record-log.ts). Its first record names the digest
 * of the file it extends: a log left beside a newer file (a crash between the file's rewrite and
 * the log's) is recognised and ignored. A change names only what it changes (highlights put or
 * removed, the position, the note), so one highlight costs a few hundred bytes however many the
 * document has. What reading = the file with its log replayed.
 */
import { z } from 'zod';
import { MAX_NOTE_LENGTH } from '../../../preload/api';
import { readingPositionSchema } from '../documents/schemas';
import { CorruptFileError, parseJsonOrCorrupt, readTextIfExists } from '../storage/durable-file';
import { errnoOf } from '../storage/failures';
import type { FileSystem } from '../storage/file-system';
import { FRAME_BYTES, type ReadRecords, digestOf, readRecords } from '../storage/record-log';
import type { LibraryPaths } from '../storage/paths';
import { type AnnotationsData, decodeAnnotations, emptyAnnotations } from './annotation-format';
import { highlightSchema } from './schemas';

/** The log's format; a log of another format is ignored (the whole file is then what holds). */
export const LOG_FORMAT = 1;

const headerSchema = z.strictObject({ log: z.literal(LOG_FORMAT), base: z.string() });

const changeSchema = z.strictObject({
  put: z.array(highlightSchema).optional(),
  removed: z.array(z.string()).optional(),
  position: readingPositionSchema.nullable().optional(),
  documentNote: z.string().max(MAX_NOTE_LENGTH).nullable().optional(),
});
export type AnnotationChange = z.infer<typeof changeSchema>;

type Highlights = AnnotationsData['highlights'];

/** The digest a log names when no annotations file exists yet. */
export const NO_FILE = 'none';

/** The header record of a log extending the file whose digest is `base`. */
export const logHeader = (base: string): string => JSON.stringify({ log: LOG_FORMAT, base });

/**
 * The change that turns `current` into `next` when replayed (applyChanges), or null when none does:
 * replay keeps the highlights in place and adds new ones at the end, as every change made here does.
 */
export function changeBetween(current: AnnotationsData, next: AnnotationsData): AnnotationChange | null {
  const change: AnnotationChange = {};
  if (next.position !== current.position) change.position = next.position;
  if (next.documentNote !== current.documentNote) change.documentNote = next.documentNote;
  if (next.highlights === current.highlights) return change;
  const kept = current.highlights;
  // Most changes add at the end or replace in place: said without a map of every highlight.
  if (next.highlights.length >= kept.length && kept.every((h, at) => next.highlights[at]?.id === h.id)) {
    const put = next.highlights.filter((h, at) => h !== kept[at]);
    return put.length > 0 ? { ...change, put } : change;
  }
  const before = new Map(current.highlights.map((h) => [h.id, h]));
  const after = new Set(next.highlights.map((h) => h.id));
  const removed = current.highlights.filter((h) => !after.has(h.id)).map((h) => h.id);
  const put = next.highlights.filter((h) => before.get(h.id) !== h);
  if (!keepsOrder(current.highlights, next.highlights, after, before)) return null;
  if (put.length > 0) change.put = put;
  if (removed.length > 0) change.removed = removed;
  return change;
}

/** Whether `next` is `current` without its removed highlights, in order, then the new ones. */
function keepsOrder(
  current: Highlights,
  next: Highlights,
  kept: ReadonlySet<string>,
  before: ReadonlyMap<string, unknown>,
): boolean {
  let at = 0;
  for (const h of current) {
    if (!kept.has(h.id)) continue;
    if (next[at]?.id !== h.id) return false;
    at += 1;
  }
  return next.slice(at).every((h) => !before.has(h.id));
}

/** `data` with `changes` replayed in order. */
export function applyChanges(data: AnnotationsData, changes: readonly AnnotationChange[]): AnnotationsData {
  if (changes.length === 0) return data;
  const highlights = new Map(data.highlights.map((h) => [h.id, h]));
  let { position, documentNote } = data;
  for (const change of changes) {
    for (const id of change.removed ?? []) highlights.delete(id);
    for (const h of change.put ?? []) highlights.set(h.id, h);
    if (change.position !== undefined) position = change.position;
    if (change.documentNote !== undefined) documentNote = change.documentNote;
  }
  return { ...data, position, documentNote, highlights: [...highlights.values()] };
}

/** Where a document's log stands: what it extends, where the next record goes, and whether it is usable. */
export interface LogState {
  /** The digest of the annotations file the log must extend (what a new log's header names). */
  base: string;
  /** Bytes of whole records (the header included); 0 when there is no usable log. */
  validBytes: number;
  /** Changes in it (the header excluded). */
  records: number;
  /** The file is longer than `validBytes` (a torn tail, a failed append): cut it before appending. */
  tail: boolean;
}

/** A document's annotations read from its file and log, with the log's state and what went wrong. */
export interface LoggedAnnotations {
  data: AnnotationsData;
  log: LogState;
  /** False when neither the file nor a log exists (a document never annotated). */
  found: boolean;
  /** A log record was damaged (not merely torn, as a crash leaves one): the changes from it on were dropped. */
  damaged: boolean;
}

/**
 * Reads annotations/<id>.json and replays its log. Throws CorruptFileError when the file cannot be
 * read (a bad log never does: its bad part is dropped); a missing file is the empty annotations.
 */
export function readLoggedAnnotations(
  fsys: FileSystem,
  paths: LibraryPaths,
  id: string,
): Promise<LoggedAnnotations> {
  return readAnnotationsAt(fsys, paths.annotationsFile(id), paths.annotationsLogFile(id));
}

/** readLoggedAnnotations of a file and log wherever they are (a trash entry holds them too). */
export async function readAnnotationsAt(
  fsys: FileSystem,
  file: string,
  logFile: string,
): Promise<LoggedAnnotations> {
  // The log before the file: a fold (in another call) renames the new file into place, then starts
  // a new log naming it. Read in this order, an old log is either replayed onto the old file or,
  // beside the new file that already holds it, ignored; read the other way round, the new log
  // could be read beside the old file and the changes only the old log held would be lost.
  const bytes = await readLogBytes(fsys, logFile);
  const text = await readTextIfExists(fsys, file);
  const snapshot =
    text === null ? emptyAnnotations() : decodeAnnotations(parseJsonOrCorrupt(file, text), file).data;
  const base = text === null ? NO_FILE : digestOf(text);
  const unlogged = { data: snapshot, found: text !== null, damaged: false };
  const read = bytes === null ? null : readRecords(bytes);
  // A log of another file is ignored (its file was rewritten whole since). One beside no file at
  // all (the file removed outside Lectern, or for a moment while a delete moves the two) is too:
  // recovering from it here would race the move; the next write keeps it aside (annotations.ts).
  if (bytes === null || read === null || baseOf(read) !== base) {
    return { ...unlogged, log: { base, validBytes: 0, records: 0, tail: bytes !== null } };
  }
  const { changes, validBytes, damaged } = changesOf(read);
  const log = { base, validBytes, records: changes.length, tail: validBytes < bytes.length };
  return { data: applyChanges(snapshot, changes), log, found: true, damaged };
}

/** A log's changes up to its first bad record, the bytes they and the header take, and whether one was bad. */
function changesOf(read: ReadRecords): { changes: AnnotationChange[]; validBytes: number; damaged: boolean } {
  const changes: AnnotationChange[] = [];
  let validBytes = FRAME_BYTES + Buffer.byteLength(read.records[0] ?? '');
  let damaged = read.stopped === 'damaged';
  for (const record of read.records.slice(1)) {
    const parsed = changeSchema.safeParse(safeJson(record));
    if (!parsed.success) {
      damaged = true;
      break;
    }
    changes.push(parsed.data);
    validBytes += FRAME_BYTES + Buffer.byteLength(record);
  }
  return { changes, validBytes, damaged };
}

/** What a log holds whatever file it names: its changes, the file it extends, whether a record was bad. */
export interface LogChanges {
  changes: AnnotationChange[];
  /** The digest of the file it extends (NO_FILE: it holds every change); null without a log of this format. */
  base: string | null;
  damaged: boolean;
}

/**
 * What the recovery of a corrupt file replays onto its backup. Changes are said by highlight id,
 * so replayed onto an older version they still give each highlight its latest state.
 */
export async function readLogChanges(fsys: FileSystem, logFile: string): Promise<LogChanges> {
  const bytes = await readLogBytes(fsys, logFile);
  const read = bytes === null ? null : readRecords(bytes);
  const base = read === null ? null : baseOf(read);
  if (read === null || base === null) return { changes: [], base: null, damaged: false };
  const { changes, damaged } = changesOf(read);
  return { changes, base, damaged };
}

/** A log's bytes; null when there is none. */
function readLogBytes(fsys: FileSystem, logFile: string): Promise<Uint8Array | null> {
  return fsys.readFile(logFile).catch((error: unknown) => {
    if (errnoOf(error) === 'ENOENT') return null;
    throw error;
  });
}

/** The digest a log's header names, or null when it is not a header of this format. */
function baseOf(read: ReadRecords): string | null {
  const header = headerSchema.safeParse(safeJson(read.records[0] ?? ''));
  return header.success ? header.data.base : null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The annotations as their file and log hold them, or null (none, or unreadable): for indexes that only look. */
export async function peekAnnotations(
  fsys: FileSystem,
  paths: LibraryPaths,
  id: string,
): Promise<AnnotationsData | null> {
  try {
    const read = await readLoggedAnnotations(fsys, paths, id);
    return read.found ? read.data : null;
  } catch (error) {
    if (error instanceof CorruptFileError || errnoOf(error) !== null) return null;
    throw error;
  }
}

const fileSignature = (stats: { mtimeMs: number; size: number } | null): string =>
  stats === null ? '-' : `${stats.mtimeMs}:${stats.size}`;

/** What changes when a document's annotations change (file or log): an index built from them is stale when it differs. */
export async function annotationsSignature(
  fsys: FileSystem,
  paths: LibraryPaths,
  id: string,
): Promise<string | null> {
  const [file, log] = await Promise.all(
    [paths.annotationsFile(id), paths.annotationsLogFile(id)].map((filePath) =>
      fsys.stat(filePath).catch(() => null),
    ),
  );
  return file === null && log === null
    ? null
    : `${fileSignature(file ?? null)}|${fileSignature(log ?? null)}`;
}
