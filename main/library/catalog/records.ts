/**
 * The shape of library.json and of one document's record in it, with the zod schemas
 * that validate them on read, and the projection of a record onto the contract's summary.
 */
import { z } from 'zod';
import type { DocumentId, DocumentSummary, Settings } from '../../../preload/api';
import { documentIdSchema } from '../documents/schemas';
import { settingsSchema } from '../settings/schemas';
import { MAX_TAGS_PER_ITEM } from '../../../common/tags';
import { tagIdSchema } from '../tags/schemas';
import { isCanonicalRecord } from './record-check';

export const SCHEMA_VERSION = 2;

const documentMetadataFields = {
  language: z.string().max(64).optional(),
  dir: z.enum(['ltr', 'rtl']).optional(),
  siteName: z.string().max(500).optional(),
  publishedTime: z.string().max(500).optional(),
  sourceUrl: z.string().max(4096).optional(),
  startSection: z.number().int().min(1).optional(),
};

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
  /** Kept in step with the document's annotations file, so listing needs no file reads. */
  highlightCount: z.number().int().min(0),
  // What a web page or book says about itself (issue 13); optional, so no migration is needed.
  ...documentMetadataFields,
  // The document's tags (issue 10) by tag id, with their names when written as the fallback
  // should tags.json be lost; optional, so no migration is needed.
  tagIds: z.array(tagIdSchema).max(MAX_TAGS_PER_ITEM).optional(),
  tags: z.array(z.string().max(256)).max(MAX_TAGS_PER_ITEM).optional(),
});
export type DocumentRecord = z.infer<typeof documentRecordSchema>;

/**
 * The documents of library.json. A 100,000-document library spent most of its opening in zod:
 * records the fast check accepts are taken as they are; zod sees only the rest (to strip unknown
 * keys, or to say what is wrong, at the same path as before).
 */
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
export const documentsSchema = z
  .custom<Record<string, unknown>>(isPlainObject, 'expected an object')
  .transform((documents, ctx) => {
    const checked: Record<string, DocumentRecord> = {};
    for (const [key, value] of Object.entries(documents)) {
      if (isCanonicalRecord(value)) {
        checked[key] = value;
        continue;
      }
      const parsed = documentRecordSchema.safeParse(value);
      if (parsed.success) checked[key] = parsed.data;
      else for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: [key, ...issue.path] });
    }
    return checked;
  });

export const libraryDataSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  documents: documentsSchema,
  settings: settingsSchema,
});
export type LibraryData = z.infer<typeof libraryDataSchema>;

/**
 * The catalog as held in memory: the records in a Map, in the order the shards hold them. Not
 * a plain object: at 100,000 ids that is a dictionary whose Object.values took ~70 ms a call.
 */
export interface CatalogData {
  documents: Map<DocumentId, DocumentRecord>;
  settings: Settings;
}

/** The records of a plain catalog (a one-file library.json, a backup) as the catalog holds them. */
export function toCatalogData(data: LibraryData): CatalogData {
  return { documents: new Map(Object.entries(data.documents)), settings: data.settings };
}

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  font: 'serif',
  fontSize: 18,
  lineWidth: 68,
  lineHeight: 1.6,
  librarySort: 'recent',
  highlightLabels: {
    yellow: 'Key idea',
    green: 'Definition',
    blue: 'Evidence',
    pink: 'Question',
    purple: 'Quote',
    orange: 'To do',
  },
  colorTags: { yellow: null, green: null, blue: null, pink: null, purple: null, orange: null },
  lastHighlightColor: 'yellow',
  pruneAfterDays: 30,
};

export function emptyCatalogData(): CatalogData {
  return { documents: new Map(), settings: copySettings(DEFAULT_SETTINGS) };
}

/** A copy that shares no nested object with `settings`. */
export function copySettings(settings: Settings): Settings {
  return {
    ...settings,
    highlightLabels: { ...settings.highlightLabels },
    colorTags: { ...settings.colorTags },
  };
}

// Entries trashed before schema version 2 have no highlightCount (and had no highlights).
export const trashRecordSchema = documentRecordSchema.extend({
  deletedAt: z.string(),
  highlightCount: z.number().int().min(0).default(0),
});
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
    highlightCount: record.highlightCount,
    textVersion: record.contentHash,
    ...(record.language === undefined ? {} : { language: record.language }),
    ...(record.dir === undefined ? {} : { dir: record.dir }),
    ...(record.startSection === undefined ? {} : { startSection: record.startSection }),
    ...storedTagsOf(record),
  };
}

const titleCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Summaries in the order of the `librarySort` setting. */
export function sortSummaries(
  summaries: DocumentSummary[],
  sort: Settings['librarySort'],
): DocumentSummary[] {
  if (sort === 'title') return summaries.toSorted((a, b) => titleCollator.compare(a.title, b.title));
  const key =
    sort === 'recent' ? (s: DocumentSummary) => s.openedAt ?? s.addedAt : (s: DocumentSummary) => s.addedAt;
  return summaries.toSorted((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? 1 : ka > kb ? -1 : 0;
  });
}

/**
 * A record's tags as stored: the names when written, and the ids that main's handlers turn into
 * current names before they leave (main/library/tags/present.ts).
 */
export function storedTagsOf(record: Readonly<DocumentRecord>): { tags: string[] } {
  return record.tagIds === undefined
    ? { tags: [] }
    : ({ tags: [...(record.tags ?? [])], tagIds: [...record.tagIds] } as { tags: string[] });
}
