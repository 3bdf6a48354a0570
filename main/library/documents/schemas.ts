/** zod schemas of the documents domain: ids, titles, reading positions, files to import. */
import { z } from 'zod';
import { MAX_FILES_PER_IMPORT } from '../../../common/formats';

export { MAX_FILES_PER_IMPORT };
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

export const fileToImportSchema = z.strictObject({
  name: z.string().max(MAX_FILE_NAME_LENGTH),
  bytes: z.instanceof(Uint8Array),
});

export const filesToImportSchema = z.array(fileToImportSchema).max(MAX_FILES_PER_IMPORT);

export const documentArguments = {
  listDocuments: z.tuple([]),
  openDocument: z.tuple([documentIdSchema]),
  saveReadingPosition: z.tuple([documentIdSchema, readingPositionSchema]),
  renameDocument: z.tuple([documentIdSchema, titleSchema]),
  deleteDocument: z.tuple([documentIdSchema]),
  listTrash: z.tuple([]),
  deleteForever: z.tuple([documentIdSchema]),
  emptyTrash: z.tuple([]),
  restoreDocument: z.tuple([documentIdSchema]),
  importFiles: z.tuple([filesToImportSchema]),
  chooseAndImportFiles: z.tuple([]),
  prepareImport: z.tuple([]),
  cancelImport: z.tuple([z.string().regex(/^[0-9a-f]{16}$/, 'an import batch id (16 hex characters)')]),
  updateDocumentFromFile: z.tuple([documentIdSchema, fileToImportSchema]),
  chooseAndUpdateDocument: z.tuple([documentIdSchema]),
} as const;
