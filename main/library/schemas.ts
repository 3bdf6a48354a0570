/**
 * zod schemas for everything that crosses the boundary into the core: the arguments of
 * each contract method, and the settings stored in library.json.
 */
import { z } from 'zod';
import { HIGHLIGHT_COLORS, SETTINGS_LIMITS } from '../../preload/api';

export const MAX_FILES_PER_IMPORT = 100;
export const MAX_FILE_NAME_LENGTH = 1024;
export const MAX_TITLE_LENGTH = 500;
export const MAX_URL_LENGTH = 4096;
export const MAX_QUOTE_LENGTH = 10_000;
export const MAX_CONTEXT_LENGTH = 64;
export const MAX_TEXT_OFFSET = 50_000_000;
export const MAX_ANCHOR_UPDATES = 100_000;
export const MAX_LABEL_LENGTH = 40;

export const documentIdSchema = z
  .string()
  .regex(/^[0-9a-f]{16}$/, 'a document id is 16 lowercase hex characters');

export const titleSchema = z
  .string()
  .max(MAX_TITLE_LENGTH * 4)
  .transform((title) => title.trim())
  .pipe(
    z
      .string()
      .min(1, 'the title is empty')
      .max(MAX_TITLE_LENGTH, `a title is at most ${MAX_TITLE_LENGTH} characters`),
  );

export const readingPositionSchema = z.strictObject({
  section: z.number().int().min(0).max(1_000_000),
  offset: z.number().int().min(0).max(1_000_000_000),
  quote: z.string().max(1000),
  progress: z.number().min(0).max(1),
});

export const highlightIdSchema = z
  .string()
  .regex(/^[0-9a-f]{16}$/, 'a highlight id is 16 lowercase hex characters');
export const textVersionSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'a text version is 64 lowercase hex characters');
export const highlightColorSchema = z.enum(HIGHLIGHT_COLORS);

export const textQuoteSelectorSchema = z.strictObject({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(MAX_QUOTE_LENGTH),
  prefix: z.string().max(MAX_CONTEXT_LENGTH),
  suffix: z.string().max(MAX_CONTEXT_LENGTH),
});

const textOffset = z.number().int().min(0).max(MAX_TEXT_OFFSET);
export const textPositionSelectorSchema = z
  .strictObject({ type: z.literal('TextPositionSelector'), start: textOffset, end: textOffset })
  .refine((position) => position.start < position.end, {
    message: 'a position starts before it ends',
    path: ['end'],
  });

export const newHighlightSchema = z.strictObject({
  color: highlightColorSchema,
  quote: textQuoteSelectorSchema,
  position: textPositionSelectorSchema,
  anchoredVersion: textVersionSchema,
});

export const highlightPatchSchema = z
  .strictObject({
    color: highlightColorSchema.optional(),
    quote: textQuoteSelectorSchema.optional(),
    position: textPositionSelectorSchema.optional(),
    anchoredVersion: textVersionSchema.optional(),
    unplaced: z.boolean().optional(),
  })
  .refine(
    (patch) =>
      (patch.quote === undefined && patch.position === undefined) || patch.anchoredVersion !== undefined,
    {
      message: 'a new quote or position needs the anchoredVersion it was placed on',
      path: ['anchoredVersion'],
    },
  )
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message: 'the patch changes nothing',
  });

const isoTime = z.iso.datetime();

/** A whole stored highlight: what annotations/<id>.json holds and what restoreHighlight takes back. */
export const highlightSchema = z.strictObject({
  id: highlightIdSchema,
  documentId: documentIdSchema,
  color: highlightColorSchema,
  quote: textQuoteSelectorSchema,
  position: textPositionSelectorSchema,
  anchoredVersion: textVersionSchema,
  unplaced: z.boolean(),
  tags: z.array(z.string().min(1).max(200)).max(1000),
  note: z.string().max(1_000_000).nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
});

export const anchorUpdateSchema = z.strictObject({
  id: highlightIdSchema,
  quote: textQuoteSelectorSchema,
  position: textPositionSelectorSchema,
  anchoredVersion: textVersionSchema,
  unplaced: z.boolean(),
});

const labelSchema = z
  .string()
  .max(MAX_LABEL_LENGTH * 4)
  .transform((label) => label.trim())
  .pipe(
    z
      .string()
      .min(1, 'a label is empty')
      .max(MAX_LABEL_LENGTH, `a label is at most ${MAX_LABEL_LENGTH} characters`),
  );

const highlightLabelsSchema = z.strictObject(
  Object.fromEntries(HIGHLIGHT_COLORS.map((color) => [color, labelSchema])) as Record<
    (typeof HIGHLIGHT_COLORS)[number],
    typeof labelSchema
  >,
);

const limited = (limits: { min: number; max: number }) => z.number().min(limits.min).max(limits.max);

export const settingsSchema = z.strictObject({
  theme: z.enum(['system', 'light', 'dark', 'sepia']),
  font: z.enum(['serif', 'sans']),
  fontSize: limited(SETTINGS_LIMITS.fontSize),
  lineWidth: limited(SETTINGS_LIMITS.lineWidth),
  lineHeight: limited(SETTINGS_LIMITS.lineHeight),
  librarySort: z.enum(['recent', 'added', 'title']),
  highlightLabels: highlightLabelsSchema,
  lastHighlightColor: highlightColorSchema,
});

export const settingsPatchSchema = settingsSchema.partial();

export const fileToImportSchema = z.strictObject({
  name: z.string().max(MAX_FILE_NAME_LENGTH),
  bytes: z.instanceof(Uint8Array),
});

export const filesToImportSchema = z.array(fileToImportSchema).max(MAX_FILES_PER_IMPORT);

export const urlSchema = z.string().max(MAX_URL_LENGTH);

/** Argument lists per method: tuples without a rest element, so extra arguments fail. */
export const argumentSchemas = {
  getLibraryInfo: z.tuple([]),
  listDocuments: z.tuple([]),
  openDocument: z.tuple([documentIdSchema]),
  saveReadingPosition: z.tuple([documentIdSchema, readingPositionSchema]),
  renameDocument: z.tuple([documentIdSchema, titleSchema]),
  deleteDocument: z.tuple([documentIdSchema]),
  listTrash: z.tuple([]),
  restoreDocument: z.tuple([documentIdSchema]),
  importFiles: z.tuple([filesToImportSchema]),
  chooseAndImportFiles: z.tuple([]),
  getSettings: z.tuple([]),
  updateSettings: z.tuple([settingsPatchSchema]),
  openExternal: z.tuple([urlSchema]),
  addHighlight: z.tuple([documentIdSchema, newHighlightSchema]),
  updateHighlight: z.tuple([documentIdSchema, highlightIdSchema, highlightPatchSchema]),
  deleteHighlight: z.tuple([documentIdSchema, highlightIdSchema]),
  restoreHighlight: z.tuple([documentIdSchema, highlightSchema]),
  saveAnchors: z.tuple([documentIdSchema, z.array(anchorUpdateSchema).max(MAX_ANCHOR_UPDATES)]),
  updateDocumentFromFile: z.tuple([documentIdSchema, fileToImportSchema]),
  chooseAndUpdateDocument: z.tuple([documentIdSchema]),
} as const;
