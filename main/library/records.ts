/**
 * The shape of library.json and of one document's record in it, with the zod schemas
 * that validate them on read, and the projection of a record onto the contract's summary.
 */
import { z } from 'zod';
import type { DocumentSummary, Settings } from '../../preload/api';
import { documentIdSchema, readingPositionSchema, settingsSchema } from './schemas';

export const SCHEMA_VERSION = 1;

export const documentRecordSchema = z.object({
  id: documentIdSchema,
  title: z.string(),
  author: z.string().nullable(),
  source: z.string().nullable(),
  excerpt: z.string(),
  wordCount: z.number().int().min(0),
  readingMinutes: z.number().int().min(1),
  progress: z.number().min(0).max(1),
  addedAt: z.string(),
  openedAt: z.string().nullable(),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** Size of the stored markdown body in bytes. */
  bodyBytes: z.number().int().min(0),
});
export type DocumentRecord = z.infer<typeof documentRecordSchema>;

export const libraryDataSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  documents: z.record(z.string(), documentRecordSchema),
  settings: settingsSchema,
});
export type LibraryData = z.infer<typeof libraryDataSchema>;

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  font: 'serif',
  fontSize: 18,
  lineWidth: 68,
  lineHeight: 1.6,
  librarySort: 'recent',
};

export function emptyLibraryData(): LibraryData {
  return { schemaVersion: SCHEMA_VERSION, documents: {}, settings: { ...DEFAULT_SETTINGS } };
}

export const annotationsSchema = z.object({
  schemaVersion: z.literal(1),
  position: readingPositionSchema.nullable(),
  highlights: z.array(z.unknown()),
});
export type AnnotationsData = z.infer<typeof annotationsSchema>;

export function emptyAnnotations(): AnnotationsData {
  return { schemaVersion: 1, position: null, highlights: [] };
}

export const trashRecordSchema = documentRecordSchema.extend({ deletedAt: z.string() });
export type TrashRecord = z.infer<typeof trashRecordSchema>;

export function toSummary(record: DocumentRecord): DocumentSummary {
  return {
    id: record.id,
    title: record.title,
    author: record.author,
    source: record.source,
    excerpt: record.excerpt,
    wordCount: record.wordCount,
    readingMinutes: record.readingMinutes,
    progress: record.progress,
    addedAt: record.addedAt,
    openedAt: record.openedAt,
    highlightCount: 0,
  };
}
