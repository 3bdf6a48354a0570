/**
 * zod schemas for everything that crosses the boundary into the core: the arguments of
 * each contract method, and the settings stored in library.json.
 */
import { z } from 'zod';
import { SETTINGS_LIMITS } from '../../preload/api';

export const MAX_FILES_PER_IMPORT = 100;
export const MAX_FILE_NAME_LENGTH = 1024;
export const MAX_TITLE_LENGTH = 500;
export const MAX_URL_LENGTH = 4096;

export const documentIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'a document id is 16 lowercase hex characters');

export const titleSchema = z
  .string()
  .max(MAX_TITLE_LENGTH * 4)
  .transform((title) => title.trim())
  .pipe(z.string().min(1, 'the title is empty').max(MAX_TITLE_LENGTH, `a title is at most ${MAX_TITLE_LENGTH} characters`));

export const readingPositionSchema = z.strictObject({
  section: z.number().int().min(0).max(1_000_000),
  offset: z.number().int().min(0).max(1_000_000_000),
  quote: z.string().max(1000),
  progress: z.number().min(0).max(1),
});

const limited = (limits: { min: number; max: number }) => z.number().min(limits.min).max(limits.max);

export const settingsSchema = z.strictObject({
  theme: z.enum(['system', 'light', 'dark', 'sepia']),
  font: z.enum(['serif', 'sans']),
  fontSize: limited(SETTINGS_LIMITS.fontSize),
  lineWidth: limited(SETTINGS_LIMITS.lineWidth),
  lineHeight: limited(SETTINGS_LIMITS.lineHeight),
  librarySort: z.enum(['recent', 'added', 'title']),
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
} as const;
