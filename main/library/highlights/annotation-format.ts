/**
 * The shape of annotations/<id>.json (a document's reading position and highlights) with
 * its schema version and migration table, as library.json has.
 */
import { z } from 'zod';
import { MAX_NOTE_LENGTH } from '../../../preload/api';
import { readingPositionSchema } from '../documents/schemas';
import { type Decoded, type MigrationTable, decodeVersioned, isJsonObject } from '../storage/versioned';
import { highlightSchema } from './schemas';

export const ANNOTATIONS_VERSION = 3;

export const annotationsSchema = z.object({
  schemaVersion: z.literal(ANNOTATIONS_VERSION),
  position: readingPositionSchema.nullable(),
  highlights: z.array(highlightSchema),
  /** The note on the whole document (markdown), or null. */
  documentNote: z.string().max(MAX_NOTE_LENGTH).nullable(),
});
export type AnnotationsData = z.infer<typeof annotationsSchema>;

/**
 * Keyed by the version a migration starts from. Version 2 added `needsCheck` to highlights,
 * version 3 the document's note; the bump (rather than a default) makes an older Lectern refuse
 * the file instead of moving it aside.
 */
export const ANNOTATION_MIGRATIONS: MigrationTable = {
  1: (data) => ({
    ...data,
    highlights: Array.isArray(data.highlights)
      ? data.highlights.map((h: unknown) => (isJsonObject(h) ? { ...h, needsCheck: false } : h))
      : data.highlights,
  }),
  2: (data) => ({ ...data, documentNote: null }),
};

export function emptyAnnotations(): AnnotationsData {
  return { schemaVersion: ANNOTATIONS_VERSION, position: null, highlights: [], documentNote: null };
}

/** Validates a parsed annotations file, migrating older versions; CorruptFileError for bad shapes. */
export function decodeAnnotations(
  raw: unknown,
  filePath: string,
  migrations: MigrationTable = ANNOTATION_MIGRATIONS,
  currentVersion = ANNOTATIONS_VERSION,
): Decoded<AnnotationsData> {
  return decodeVersioned(raw, filePath, {
    currentVersion,
    migrations,
    schema: annotationsSchema as unknown as z.ZodType<AnnotationsData>,
  });
}
